#include "reable/domain/melding.hpp"

namespace reable::domain {

std::string_view to_string(DeadlineKind kind)
{
    return kind == DeadlineKind::onderzoek ? "onderzoek" : "beschikking";
}

namespace {

Deadline make_deadline(DeadlineKind kind, calendar::Date due, std::optional<calendar::Date> met_on,
                       calendar::Date today)
{
    const calendar::Date measured_on = met_on.value_or(today);
    const int late = static_cast<int>((measured_on - due).count());
    return {kind, due, met_on, late > 0 ? late : 0};
}

}  // namespace

std::vector<Deadline> deadlines(const Melding& melding, calendar::Date today)
{
    std::vector<Deadline> out;
    // "Within 6 weeks": a melding received on a Monday must be investigated by the Monday six weeks on.
    out.push_back(make_deadline(DeadlineKind::onderzoek, melding.received_on + date::days(7 * k_onderzoek_weeks),
                                melding.onderzoek_done_on, today));
    if (melding.aanvraag_on)
        out.push_back(make_deadline(DeadlineKind::beschikking,
                                    *melding.aanvraag_on + date::days(7 * k_decision_weeks), melding.decided_on,
                                    today));
    return out;
}

}  // namespace reable::domain
