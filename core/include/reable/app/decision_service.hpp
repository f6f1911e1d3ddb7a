#pragma once

#include "reable/clock.hpp"
#include "reable/decision/beschikking.hpp"
#include "reable/decision/engine.hpp"
#include "reable/domain/decision.hpp"
#include "reable/domain/onderzoek.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace reable::app {

/// The onderzoek findings as a front end receives them: text, checked here.
struct FindingsInput {
    std::int64_t client = 0;
    std::string date;                    ///< YYYY-MM-DD, not in the future; empty: today
    domain::OnderzoekFindings findings;  ///< the flags; id, client and recorded_on are set here
    std::string cognitive_screen;        ///< empty, or 0–30
    std::string dementia = "none";
    std::string decline_since;         ///< empty, or YYYY-MM-DD not in the future
    std::string reablement_wait_days;  ///< empty (unknown), or 0–3650
    std::string limitation = "none";
};

/// Records what the onderzoek found. Error{invalid_input} lists every bad value; Error{not_found}
/// for an unknown client.
domain::OnderzoekFindings record_findings(storage::UnitOfWork& work, const Clock& clock, const FindingsInput& input);

struct DecideRequest {
    std::int64_t client = 0;
    std::string policy;  ///< empty: the policy of the client's last decision
    std::string choice = "not_asked";
    std::string outcome;     ///< empty, or an override of the computed outcome
    std::string minutes;     ///< empty, or an override of the computed minutes per week
    std::string motivation;  ///< required for any override
    bool dry_run = false;
};

struct DecideResult {
    domain::RecordedDecision record;  ///< id 0 on a dry run
    decision::Decision decision;
    std::string beschikking;
    std::optional<decision::Allocation> allocation;
};

/// Decides on a client's request today: reads the client, the newest onderzoek findings, the
/// latest scored tests the policy reads and, after a trajectory, its end (re-test against
/// intake, goals met); runs the engine; applies an override (only with a written motivation);
/// drafts the beschikking and the allocation; and, unless `dry_run`, records it all with a
/// snapshot of the inputs and marks the client's open melding as decided.
/// Errors: not_found (client, policy); precondition_failed naming what is missing (findings, a
/// test, the waiting time, a re-test); invalid_input for contradictory facts or a bad override.
/// Nothing is written on any error.
DecideResult decide(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                    const DecideRequest& request);

/// The beschikking draft stored with a decision, as it was drafted then.
std::string stored_beschikking(const domain::RecordedDecision& record);

/// A recorded decision. Error{not_found}.
domain::RecordedDecision find_decision(storage::UnitOfWork& work, std::int64_t id);

}  // namespace reable::app
