#include "reable/domain/decision.hpp"

namespace reable::domain {

std::string_view to_string(Outcome v)
{
    switch (v) {
    case Outcome::not_applicable: return "not_applicable";
    case Outcome::reablement_first: return "reablement_first";
    case Outcome::reablement_offered: return "reablement_offered";
    case Outcome::hh_granted: return "hh_granted";
    case Outcome::temporary_hh: return "temporary_hh";
    case Outcome::no_hh_needed: return "no_hh_needed";
    }
    return "unknown";
}

std::optional<Outcome> parse_outcome(std::string_view code)
{
    for (Outcome v : {Outcome::not_applicable, Outcome::reablement_first, Outcome::reablement_offered,
                      Outcome::hh_granted, Outcome::temporary_hh, Outcome::no_hh_needed})
        if (to_string(v) == code) return v;
    return std::nullopt;
}

std::string_view outcome_codes()
{
    return "not_applicable, reablement_first, reablement_offered, hh_granted, temporary_hh, no_hh_needed";
}

std::string_view to_string(Choice v)
{
    switch (v) {
    case Choice::not_asked: return "not_asked";
    case Choice::accept: return "accept";
    case Choice::decline: return "decline";
    }
    return "unknown";
}

std::optional<Choice> parse_choice(std::string_view code)
{
    for (Choice v : {Choice::not_asked, Choice::accept, Choice::decline})
        if (to_string(v) == code) return v;
    return std::nullopt;
}

std::string_view to_string(DecisionKind v)
{
    switch (v) {
    case DecisionKind::initial: return "initial";
    case DecisionKind::reassessment: return "reassessment";
    }
    return "unknown";
}

std::optional<DecisionKind> parse_decision_kind(std::string_view code)
{
    for (DecisionKind v : {DecisionKind::initial, DecisionKind::reassessment})
        if (to_string(v) == code) return v;
    return std::nullopt;
}

}  // namespace reable::domain
