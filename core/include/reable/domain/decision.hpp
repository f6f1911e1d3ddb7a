#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/ids.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace reable::domain {

/// What the access team decides on a request for household help.
enum class Outcome {
    not_applicable,      ///< the request is not for HH: these rules do not apply
    reablement_first,    ///< reablement comes first; no maatwerk HH for its duration
    reablement_offered,  ///< reablement is offered; the resident's choice is awaited
    hh_granted,          ///< HH as a maatwerkvoorziening, in minutes per week
    temporary_hh,        ///< HH for a limited time (urgency, or while reablement is not available)
    no_hh_needed,        ///< nothing remains after eigen kracht, network and general provisions
};
std::string_view to_string(Outcome v);
std::optional<Outcome> parse_outcome(std::string_view code);
std::string_view outcome_codes();
/// True for the outcomes that grant household help in minutes per week.
inline bool grants_household_help(Outcome v) { return v == Outcome::hh_granted || v == Outcome::temporary_hh; }

/// The resident's informed choice about reablement.
enum class Choice { not_asked, accept, decline };
std::string_view to_string(Choice v);
std::optional<Choice> parse_choice(std::string_view code);

/// A first decision on a request, or the reassessment at the end of a trajectory.
enum class DecisionKind { initial, reassessment };
std::string_view to_string(DecisionKind v);
std::optional<DecisionKind> parse_decision_kind(std::string_view code);

/// A decision as recorded: the engine's result, a snapshot of every input it read, and an
/// assessor's override with its written motivation. Minutes are decimal text ("235") so that a
/// norm with half minutes stays exact.
struct RecordedDecision {
    DecisionId id;
    ClientId client;
    std::optional<MeldingId> melding;
    std::optional<TrajectoryId> trajectory;  ///< the trajectory a reassessment looked at
    DecisionKind kind = DecisionKind::initial;
    calendar::Date decided_on;
    std::string policy_id;
    std::string policy_version;
    std::string norm_id;  ///< empty when no HH amount was set
    std::string norm_version;
    Choice choice = Choice::not_asked;
    Outcome computed_outcome = Outcome::not_applicable;
    std::optional<std::string> computed_minutes;  ///< minutes per week as computed
    std::string band;
    bool needs_motivation = false;                ///< the engine flagged a maatwerk departure from the norm
    Outcome outcome = Outcome::not_applicable;    ///< final: the computed one unless overridden
    std::optional<std::string> minutes_per_week;  ///< final
    std::string motivation;                       ///< the assessor's written motivation; required for any override
    std::optional<calendar::Date> starts_on;
    std::optional<calendar::Date> ends_on;
    std::optional<calendar::Date> review_on;
    std::string inputs_json;  ///< every input the engine read
    std::string result_json;  ///< reasons, items, trace, reassessment
};

}  // namespace reable::domain
