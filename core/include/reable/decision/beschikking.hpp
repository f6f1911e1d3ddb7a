#pragma once

#include "reable/calendar.hpp"
#include "reable/decision/engine.hpp"
#include "reable/domain/decision.hpp"
#include "reable/protocol/policy.hpp"

#include <optional>
#include <string>

namespace reable::decision {

/// The dates a decision states: when it takes effect, when it ends and when it is reviewed.
struct DecisionDates {
    calendar::Date starts_on;
    std::optional<calendar::Date> ends_on;
    std::optional<calendar::Date> review_on;
};

/// From the policy: a grant runs hh_months and is reviewed after review_months; temporary HH
/// runs temporary_weeks; reablement first runs the template's training weeks and is reviewed (the
/// reassessment) the day after. `training_weeks` is that of the policy's trajectory template.
DecisionDates decision_dates(const protocol::Policy& policy, int training_weeks, domain::Outcome outcome,
                             calendar::Date decided_on);

/// An iWmo-style toewijzing of household help (wmo-rules.md §4): productcategorie 01, the volume
/// in minutes (eenheid 01) per week (frequentie 2), and the period. Only for HH outcomes.
struct Allocation {
    std::string product_category = "01";
    std::optional<std::string> product_code;  ///< the municipality's code, when its policy sets one
    Decimal volume;                           ///< minutes per week
    std::string unit = "01";                  ///< minuut
    std::string frequency = "2";              ///< per week
    calendar::Date starts_on;
    std::optional<calendar::Date> ends_on;
};

/// Everything a beschikking draft states; the final outcome and minutes may be an assessor's
/// override of the engine's, with its motivation.
struct Beschikking {
    const protocol::Policy* policy = nullptr;
    const Decision* decision = nullptr;  ///< the engine's result
    domain::Outcome outcome = domain::Outcome::not_applicable;
    std::optional<Decimal> minutes_per_week;
    std::string motivation;  ///< non-empty when the assessor departed from the computed result
    domain::Choice choice = domain::Choice::not_asked;
    calendar::Date decided_on;
    DecisionDates dates;
    int training_weeks = 0;
};

/// The toewijzing, for HH granted or temporary HH with a number of minutes; nullopt otherwise.
std::optional<Allocation> allocation(const Beschikking& b);

/// The Dutch draft text, holding what wmo-rules.md §6d requires: the decision and productcategorie,
/// the minutes per week (and the two-weekly pattern where the norm allows it), the normenkader and
/// its version with every item, each reason with its basis, the target-group rule results, the
/// policy and the resident's choice, start, end and review dates, the eigen bijdrage and the
/// objection term. A decision that still needs a motivation says so at the top.
std::string beschikking_text(const Beschikking& b);

}  // namespace reable::decision
