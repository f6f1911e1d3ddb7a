#pragma once

#include "reable/decision/beschikking.hpp"
#include "reable/decision/engine.hpp"
#include "reable/domain/decision.hpp"

#include <optional>
#include <string>

namespace reable::decision {

/// Every input the engine read, as stored with a decision: what it was decided on.
std::string inputs_json(const DecisionInput& input);

/// The engine's result as stored with a decision: reasons, amount and items, trace, reassessment,
/// the beschikking draft and the allocation.
std::string result_json(const Decision& decision, const std::string& beschikking,
                        const std::optional<Allocation>& allocation);

/// A recorded decision for `reable decision show --format json` and the API: its fields with the
/// stored inputs and result embedded.
std::string to_json(const domain::RecordedDecision& record);

}  // namespace reable::decision
