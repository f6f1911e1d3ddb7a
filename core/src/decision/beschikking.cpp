// The beschikking draft. Case law requires the minutes per week (CRvB 2018:3241, 2022:2322), the
// normenkader applied (CRvB 2018:3835) and a motivation that shows the individual assessment (CRvB
// 2016:1402); the Awb requires the objection term (3:45, 6:7). The text is a draft for the
// assessor: Reable never sends it.

#include "reable/decision/beschikking.hpp"

#include <algorithm>
#include <sstream>

namespace reable::decision {
namespace {

using domain::Outcome;

std::string nl(Decimal value) { return dutch_number(value); }

std::string date_nl(calendar::Date day) { return calendar::format_iso_date(day); }

std::string decision_sentence(const Beschikking& b)
{
    const std::string minutes = b.minutes_per_week ? nl(*b.minutes_per_week) + " minuten per week" : "";
    switch (b.outcome) {
    case Outcome::hh_granted:
        return "U krijgt een maatwerkvoorziening hulp bij het huishouden (productcategorie 01) van " + minutes + ".";
    case Outcome::temporary_hh:
        return "U krijgt tijdelijk een maatwerkvoorziening hulp bij het huishouden (productcategorie 01) van " +
               minutes + ".";
    case Outcome::reablement_first:
        return "U krijgt herstelgerichte hulp (" + std::to_string(b.training_weeks) +
               " weken training). Voor de duur van dit traject krijgt u geen maatwerkvoorziening hulp bij het "
               "huishouden.";
    case Outcome::reablement_offered:
        return "U krijgt herstelgerichte hulp aangeboden. Over uw aanvraag voor hulp bij het huishouden wordt beslist "
               "zodra u heeft gekozen.";
    case Outcome::no_hh_needed: return "U krijgt geen maatwerkvoorziening hulp bij het huishouden.";
    case Outcome::not_applicable:
        return "Deze beslisregels voor hulp bij het huishouden zijn op uw aanvraag niet van toepassing.";
    }
    return "";
}

void amount_section(std::ostringstream& out, const Beschikking& b)
{
    const std::optional<HhAmount>& hh = b.decision->hh;
    out << "\nOmvang\n";
    out << "  " << nl(*b.minutes_per_week) << " minuten per week";
    if (hh && hh->two_weekly_minutes && b.minutes_per_week == hh->minutes_per_week)
        out << ", of " << nl(*hh->two_weekly_minutes) << " minuten eens per twee weken";
    out << ".\n";
    if (!hh) return;
    out << "  Normenkader: " << b.decision->norm_id << " versie " << b.decision->norm_version << ", band "
        << hh->band_label.nl << " (" << nl(hh->band_min) << " tot en met " << nl(hh->band_max)
        << " minuten per week).\n";
    out << "  Basis: " << nl(hh->base) << " minuten per week.\n";
    for (const ItemLine& item : hh->items)
        out << "  + " << item.label.nl << (item.count > 1 ? " (" + std::to_string(item.count) + "×)" : "") << ": "
            << (item.minutes ? nl(*item.minutes) + " minuten per week" : "geen normtijd; vastgesteld met motivering")
            << ".\n";
    out << "  Berekend: " << nl(hh->computed) << " minuten per week; vastgesteld: " << nl(hh->minutes_per_week)
        << " minuten per week.\n";
    if (b.minutes_per_week != hh->minutes_per_week)
        out << "  De consulent heeft de omvang gemotiveerd vastgesteld op " << nl(*b.minutes_per_week)
            << " minuten per week (zie Afwijking).\n";
}

void target_group_section(std::ostringstream& out, const Beschikking& b)
{
    if (!b.decision->in_target_group) return;
    out << "\nDoelgroep herstelgerichte hulp (" << (*b.decision->in_target_group ? "wel" : "niet")
        << " tot de doelgroep)\n";
    for (const TraceLine& t : b.decision->trace)
        if (t.rule.size() > 1 && t.rule[0] == 'A')
            out << "  " << t.rule << ": " << t.input << " → " << t.result << "\n";
}

}  // namespace

DecisionDates decision_dates(const protocol::Policy& policy, int training_weeks, Outcome outcome,
                             calendar::Date decided_on)
{
    DecisionDates dates{decided_on, std::nullopt, std::nullopt};
    switch (outcome) {
    case Outcome::hh_granted:
        dates.ends_on = calendar::add_months_clamped(decided_on, policy.hh_months.value) - date::days{1};
        dates.review_on = calendar::add_months_clamped(decided_on, policy.review_months.value);
        break;
    case Outcome::temporary_hh:
        dates.ends_on = decided_on + date::days{7 * policy.temporary_weeks.value - 1};
        dates.review_on = decided_on + date::days{7 * policy.temporary_weeks.value};
        break;
    case Outcome::reablement_first:
        dates.ends_on = decided_on + date::days{7 * training_weeks - 1};
        dates.review_on = decided_on + date::days{7 * training_weeks};
        break;
    case Outcome::reablement_offered:
    case Outcome::no_hh_needed:
    case Outcome::not_applicable: break;
    }
    return dates;
}

std::optional<Allocation> allocation(const Beschikking& b)
{
    if (!domain::grants_household_help(b.outcome) || !b.minutes_per_week) return std::nullopt;
    Allocation a;
    a.product_code = b.policy->product_code;
    a.volume = *b.minutes_per_week;
    a.starts_on = b.dates.starts_on;
    a.ends_on = b.dates.ends_on;
    return a;
}

std::string beschikking_text(const Beschikking& b)
{
    const protocol::Policy& policy = *b.policy;
    const Decision& d = *b.decision;
    std::ostringstream out;
    out << "CONCEPT-BESCHIKKING Wmo 2015 — hulp bij het huishouden\n";
    if (d.needs_motivation && b.motivation.empty())
        out << "LET OP: dit concept kan niet worden afgegeven zonder schriftelijke motivering van de consulent "
               "(maatwerk).\n";
    out << "Datum besluit: " << date_nl(b.decided_on) << "\n";
    out << "Besluit van: " << policy.municipality.nl << "\n";
    out << "Beleid: " << policy.label.nl << " (" << policy.reference() << ")\n";

    out << "\nBesluit\n  " << decision_sentence(b) << "\n";
    if (domain::grants_household_help(b.outcome) && b.minutes_per_week) amount_section(out, b);

    out << "\nPeriode\n  Ingangsdatum: " << date_nl(b.dates.starts_on) << "\n";
    if (b.dates.ends_on) out << "  Einddatum: " << date_nl(*b.dates.ends_on) << "\n";
    if (b.dates.review_on)
        out << "  "
            << (b.outcome == Outcome::reablement_first ? "Herbeoordeling aan het einde van het traject: "
                                                       : "Heronderzoek: ")
            << date_nl(*b.dates.review_on) << "\n";
    if (domain::grants_household_help(b.outcome))
        out << "  Toewijzing: productcategorie 01, " << nl(*b.minutes_per_week)
            << " minuten (eenheid 01) per week (frequentie 2)"
            << (policy.product_code ? ", productcode " + *policy.product_code : "") << ".\n";

    out << "\nMotivering\n";
    for (const Reason& r : d.reasons)
        out << "  [" << r.code << "] " << r.sentence << " (grondslag: " << r.basis << ")\n";
    target_group_section(out, b);

    out << "\nHerstelgerichte hulp\n";
    out << "  Beleid: "
        << (policy.mode == protocol::PrecedenceMode::precedence ? "herstelgerichte hulp gaat voor"
                                                                : "herstelgerichte hulp is vrijwillig")
        << ". Uw keuze: "
        << (b.choice == domain::Choice::accept    ? "aanvaard"
            : b.choice == domain::Choice::decline ? "geweigerd"
                                                  : "nog niet gevraagd")
        << ".\n";
    if (policy.mode == protocol::PrecedenceMode::precedence && !policy.legal_route.empty())
        out << "  Juridische grondslag: " << policy.legal_route << "\n";

    if (!b.motivation.empty()) {
        const Reason r = reason("R-OVERRIDE", b.motivation);
        out << "\nAfwijking\n  [" << r.code << "] " << r.sentence << " (grondslag: " << r.basis << ")\n";
    }
    if (domain::grants_household_help(b.outcome))
        out << "\nEigen bijdrage\n  Voor deze maatwerkvoorziening betaalt u een eigen bijdrage (het "
               "abonnementstarief). "
               "Het CAK stelt die vast en int die.\n";
    out << "\nBezwaar\n  Bent u het niet eens met dit besluit? Dan kunt u binnen " << policy.objection_weeks.value
        << " weken na de dag van verzending bezwaar maken bij " << policy.municipality.nl
        << " (Algemene wet bestuursrecht, artikel 6:7 en 6:8).\n";
    return out.str();
}

}  // namespace reable::decision
