// The decision procedure of wmo-rules.md §6, rule by rule. Each rule writes a trace line naming
// its input and what it concluded, so an assessor (and an objection committee) can follow every
// step; each rule that decides something adds a reason code a beschikking can cite.

#include "reable/decision/engine.hpp"

#include "reable/error.hpp"

#include <algorithm>

namespace reable::decision {
namespace {

using domain::Outcome;
using protocol::BandCondition;
using protocol::NormFact;

std::string yes_no(bool value) { return value ? "true" : "false"; }

std::string nl(Decimal value) { return dutch_number(value); }

std::string minutes_nl(Decimal value) { return nl(value) + " minuten per week"; }

/// How many times an extra item's fact applies to the home (0: not at all).
int fact_count(NormFact fact, const protocol::NeedFacts& f)
{
    switch (fact) {
    case NormFact::limitation_some: return f.limitation == domain::Limitation::some ? 1 : 0;
    case NormFact::limitation_much: return f.limitation == domain::Limitation::much ? 1 : 0;
    case NormFact::household_composition: return f.household_size >= 2 ? 1 : 0;
    case NormFact::room_in_use: return f.rooms_in_use;
    case NormFact::room_not_in_use: return f.rooms_not_in_use;
    case NormFact::pets: return f.pets ? 1 : 0;
    }
    return 0;
}

/// The smallest multiple of `step` that is not below `value`.
Decimal round_up(Decimal value, Decimal step)
{
    const std::int64_t s = step.micros();
    std::int64_t m = value.micros();
    const std::int64_t rest = ((m % s) + s) % s;
    if (rest != 0) m += s - rest;
    return Decimal::from_micros(m);
}

class Procedure {
public:
    Procedure(const protocol::Policy& policy, const protocol::HhNorms& norms, const DecisionInput& input)
        : m_policy(policy), m_norms(norms), m_in(input), m_f(input.findings), m_home(input.home)
    {
        // What the client (with network and gebruikelijke hulp) still does is a finding of the
        // onderzoek; the size of the household and the rooms come from the client record.
        m_home.light_and_medium_done = m_f.does_light_tasks && m_f.does_medium_tasks;
        m_home.small_dwelling = m_f.small_dwelling;
        m_home.limitation = m_f.limitation;
        m_d.policy_id = policy.id;
        m_d.policy_version = policy.version;
    }

    Decision run()
    {
        check_norms_match();
        trace("A0", "concerns_household_help = " + yes_no(m_f.concerns_household_help),
              m_f.concerns_household_help ? "in scope" : "not applicable");
        if (!m_f.concerns_household_help) {
            add("R-A-SCOPE");
            m_d.outcome = Outcome::not_applicable;
            return std::move(m_d);
        }
        check_contradictions();
        if (m_in.trajectory_end) return reassess(*m_in.trajectory_end);
        const bool in_target = target_group();
        m_d.in_target_group = in_target;
        precedence(in_target);
        return std::move(m_d);
    }

private:
    void trace(std::string rule, std::string input, std::string result)
    {
        m_d.trace.push_back({std::move(rule), std::move(input), std::move(result)});
    }
    void add(std::string_view code, const std::string& detail = {}) { m_d.reasons.push_back(reason(code, detail)); }

    void check_norms_match() const
    {
        if (m_norms.id != m_policy.norms)
            throw Error(ErrorCode::internal, "policy " + m_policy.reference() + " uses norm table " + m_policy.norms +
                                                 ", not " + m_norms.reference());
    }

    // ---- inputs ----

    const TestFact* physical_test() const
    {
        if (!m_policy.target_group.physical_test) return nullptr;
        const protocol::PhysicalTestRule& rule = *m_policy.target_group.physical_test;
        for (const TestFact& t : m_in.tests)
            if (t.instrument == rule.instrument && t.score == rule.score) return &t;
        return nullptr;
    }

    /// The physical test the policy needs, recent enough; precondition_failed otherwise.
    const TestFact& required_physical_test() const
    {
        const protocol::PhysicalTestRule& rule = *m_policy.target_group.physical_test;
        const TestFact* test = physical_test();
        const std::string what = rule.instrument + " " + rule.score;
        if (!test)
            throw Error(ErrorCode::precondition_failed,
                        "policy " + m_policy.reference() + " needs a scored " + rule.instrument + " test (score " +
                            rule.score + ") to decide on the target group; none is recorded for this client",
                        {{"missing", what}});
        const calendar::Date oldest = m_in.date - date::days{rule.max_age_days};
        if (test->tested_on < oldest)
            throw Error(ErrorCode::precondition_failed,
                        "the latest " + rule.instrument + " test is of " + calendar::format_iso_date(test->tested_on) +
                            "; policy " + m_policy.reference() + " needs one of at most " +
                            std::to_string(rule.max_age_days) + " days before " + calendar::format_iso_date(m_in.date) +
                            " (not before " + calendar::format_iso_date(oldest) + ")",
                        {{"missing", what + " on or after " + calendar::format_iso_date(oldest)}});
        if (test->tested_on > m_in.date)
            throw Error(ErrorCode::invalid_input,
                        "the " + rule.instrument + " test of " + calendar::format_iso_date(test->tested_on) +
                            " is after the decision date " + calendar::format_iso_date(m_in.date));
        return *test;
    }

    /// Facts that cannot both be true: refused before any rule runs, so nothing is decided on them.
    void check_contradictions() const
    {
        std::vector<ErrorDetail> problems;
        if (m_f.bedbound) {
            if (const TestFact* test = physical_test(); test && test->value)
                problems.push_back({"bedbound", "the findings say bedbound, but " + test->instrument + " " +
                                                    test->score + " was scored " + test->value->to_string() + " on " +
                                                    calendar::format_iso_date(test->tested_on) +
                                                    ": a bedbound client cannot do that test"});
        }
        if (m_f.acute_need && m_f.network_covers_all)
            problems.push_back({"acute_need", "an acute need means no network covers the tasks, but the findings also "
                                              "say network_covers_all"});
        if (m_f.decline_since && *m_f.decline_since > m_in.date)
            problems.push_back(
                {"decline_since", "the decline cannot start (" + calendar::format_iso_date(*m_f.decline_since) +
                                      ") after the decision date " + calendar::format_iso_date(m_in.date)});
        if (m_in.trajectory_end && m_in.trajectory_end->goals_met > m_in.trajectory_end->goals)
            problems.push_back({"goals_met", "more goals met than set"});
        if (problems.empty()) return;
        const std::string message = problems.size() == 1
                                        ? "contradictory inputs: " + problems.front().message
                                        : std::to_string(problems.size()) + " contradictions in the inputs";
        if (problems.size() == 1) throw Error(ErrorCode::invalid_input, message);
        throw Error(ErrorCode::invalid_input, message, problems);
    }

    // ---- §6a: the target group ----

    bool target_group()
    {
        const protocol::TargetGroupRule& rules = m_policy.target_group;
        bool excluded = false;
        for (const protocol::ExclusionRule& rule : rules.exclusions) excluded = exclusion(rule) || excluded;

        bool included = true;
        const int min_age = rules.min_age.value;
        const bool old_enough = m_in.age >= min_age;
        trace("A7", "age = " + std::to_string(m_in.age),
              old_enough ? "met (≥ " + std::to_string(min_age) + ")" : "not met (< " + std::to_string(min_age) + ")");
        if (!old_enough) add("R-A-AGE", std::to_string(min_age));
        included = included && old_enough;

        included = decline_rule() && included;
        // An excluded client is not asked to do the physical test (a bedbound client cannot).
        if (excluded && rules.physical_test)
            trace("A9", rules.physical_test->instrument + " " + rules.physical_test->score, "skipped (excluded)");
        else
            included = physical_test_rule() && included;
        if (rules.household_goal) {
            trace("A10", "household_goal = " + yes_no(m_f.household_goal), m_f.household_goal ? "met" : "not met");
            if (!m_f.household_goal) add("R-A-GOAL");
            included = included && m_f.household_goal;
        }
        const bool in_target = !excluded && included;
        trace("A", excluded ? "an exclusion applies" : (included ? "all inclusions met" : "an inclusion is not met"),
              in_target ? "in target group" : "not in target group");
        if (in_target) add("R-A-INCLUDED", m_policy.label.nl);
        return in_target;
    }

    bool exclusion(const protocol::ExclusionRule& rule)
    {
        using protocol::Exclusion;
        switch (rule.exclusion) {
        case Exclusion::terminal: return simple_exclusion("A1", "terminal", m_f.terminal, "R-A-TERMINAL");
        case Exclusion::bedbound: return simple_exclusion("A2", "bedbound", m_f.bedbound, "R-A-BEDBOUND");
        case Exclusion::cognition: return cognition(rule);
        case Exclusion::psychiatric:
            return simple_exclusion("A4", "serious_psychiatric", m_f.serious_psychiatric, "R-A-PSYCH");
        case Exclusion::institutional_care:
            return simple_exclusion("A5", "needs_institutional_care", m_f.needs_institutional_care, "R-A-INSTITUTION");
        case Exclusion::no_communication:
            return simple_exclusion("A6", "cannot_communicate", m_f.cannot_communicate, "R-A-COMMUNICATION");
        }
        return false;
    }

    bool simple_exclusion(const char* rule, const char* fact, bool value, std::string_view code)
    {
        trace(rule, std::string(fact) + " = " + yes_no(value), value ? "excluded" : "not fired");
        if (value) add(code);
        return value;
    }

    bool cognition(const protocol::ExclusionRule& rule)
    {
        std::string input = "dementia = " + std::string(domain::to_string(m_f.dementia));
        std::string detail;
        if (std::find(rule.dementia.begin(), rule.dementia.end(), m_f.dementia) != rule.dementia.end())
            detail = "dementie: " + std::string(domain::to_string(m_f.dementia));
        if (m_f.cognitive_screen) {
            input += ", cognitive_screen = " + std::to_string(*m_f.cognitive_screen);
            if (rule.screen_below && Decimal::from_int(*m_f.cognitive_screen) < *rule.screen_below)
                detail += std::string(detail.empty() ? "" : "; ") + "screeningsscore " +
                          std::to_string(*m_f.cognitive_screen) + " < drempel " + nl(*rule.screen_below);
        }
        trace("A3", input, detail.empty() ? "not fired" : "excluded");
        if (!detail.empty()) add("R-A-COGNITION", detail);
        return !detail.empty();
    }

    bool decline_rule()
    {
        const int months = m_policy.target_group.max_decline_months.value;
        bool recent = false;
        std::string input = "decline_since = ";
        if (m_f.decline_since) {
            input += calendar::format_iso_date(*m_f.decline_since);
            recent = m_in.date <= calendar::add_months_clamped(*m_f.decline_since, months);
        }
        else {
            input += "unknown";
        }
        input += ", decline_recoverable = " + yes_no(m_f.decline_recoverable);
        const bool met = recent || m_f.decline_recoverable;
        trace("A8", input,
              met ? (recent ? "met (within " + std::to_string(months) + " months)" : "met (recoverable)")
                  : "not met (not within " + std::to_string(months) + " months, not recoverable)");
        if (!met)
            add("R-A-DECLINE", m_f.decline_since ? "ontstaan op " + calendar::format_iso_date(*m_f.decline_since) +
                                                       ", langer dan " + std::to_string(months) + " maanden geleden"
                                                 : "geen recent begin vastgesteld");
        return met;
    }

    bool physical_test_rule()
    {
        if (!m_policy.target_group.physical_test) return true;
        const protocol::PhysicalTestRule& rule = *m_policy.target_group.physical_test;
        const TestFact& test = required_physical_test();
        const std::string name = rule.instrument + " " + rule.score;
        const std::string wanted =
            std::string(rule.direction == protocol::CutoffDirection::at_most ? "≤ " : "≥ ") + rule.cutoff.to_string();
        if (!test.value) {
            trace("A9", name + " = " + test.state + " (" + calendar::format_iso_date(test.tested_on) + ")",
                  "not met (no score; the rule needs " + wanted + ")");
            add("R-A-TEST", name + ": geen score (" + test.state + ")");
            return false;
        }
        const bool met = rule.direction == protocol::CutoffDirection::at_most ? *test.value <= rule.cutoff
                                                                              : *test.value >= rule.cutoff;
        trace("A9", name + " = " + test.value->to_string() + " (" + calendar::format_iso_date(test.tested_on) + ")",
              std::string(met ? "met (" : "not met (needs ") + wanted + ")");
        if (!met) add("R-A-TEST", name + " " + nl(*test.value) + "; doelgroep bij " + wanted);
        return met;
    }

    // ---- §6b: precedence ----

    void precedence(bool in_target)
    {
        trace("B0", "acute_need = " + yes_no(m_f.acute_need), m_f.acute_need ? "temporary HH" : "not fired");
        if (m_f.acute_need) {
            temporary_hh("R-B-SPOED");
            return;
        }
        if (!in_target) {
            trace("B1", "in target group = false", "assess HH");
            add("R-B-NOTARGET");
            assess_hh(m_home);
            return;
        }
        if (!capacity_available()) return;
        if (m_policy.mode == protocol::PrecedenceMode::precedence)
            precedence_mode();
        else
            voluntary_mode();
    }

    bool capacity_available()
    {
        const int max_wait = m_policy.max_wait_days.value;
        if (!m_f.reablement_wait_days)
            throw Error(ErrorCode::precondition_failed,
                        "the client is in the target group, but the onderzoek does not record when reablement can "
                        "start; policy " +
                            m_policy.reference() + " needs the waiting time (at most " + std::to_string(max_wait) +
                            " days)",
                        {{"missing", "reablement_wait_days"}});
        const int wait = *m_f.reablement_wait_days;
        const bool available = wait <= max_wait;
        trace("B2", "reablement_wait_days = " + std::to_string(wait),
              available ? "available (≤ " + std::to_string(max_wait) + ")"
                        : "no capacity (> " + std::to_string(max_wait) +
                              "): " + std::string(protocol::to_string(m_policy.when_unavailable)));
        if (available) return true;
        add("R-B-NOCAPACITY", std::to_string(max_wait) + " dagen");
        if (m_policy.when_unavailable == protocol::WhenUnavailable::temporary_hh)
            temporary_hh(nullptr);
        else
            assess_hh(m_home);
        return false;
    }

    void precedence_mode()
    {
        const bool declined = m_in.choice == domain::Choice::decline;
        trace("B3", "mode = precedence, choice = " + std::string(domain::to_string(m_in.choice)),
              declined ? "reablement first (declined: no maatwerk HH)" : "reablement first");
        m_d.outcome = Outcome::reablement_first;
        add("R-B-PRECEDENCE", m_policy.trajectory);
        if (declined) {
            trace("B4", "choice = decline", "no maatwerk HH; no other effect");
            add("R-B-DECLINE-PREC");
        }
        else {
            trace("B5", "during the trajectory", "temporary HH on the provider's signal");
            add("R-B-INTERIM");
        }
    }

    void voluntary_mode()
    {
        const std::string input = "mode = voluntary, choice = " + std::string(domain::to_string(m_in.choice));
        switch (m_in.choice) {
        case domain::Choice::not_asked:
            trace("B6", input, "offer reablement; record the choice");
            m_d.outcome = Outcome::reablement_offered;
            add("R-B-OFFER");
            return;
        case domain::Choice::accept:
            trace("B7", input, "reablement first by agreement");
            m_d.outcome = Outcome::reablement_first;
            add("R-B-ACCEPT", m_policy.trajectory);
            return;
        case domain::Choice::decline:
            trace("B8", input, "assess HH; the refusal has no effect");
            add("R-B-DECLINE-VOL");
            assess_hh(m_home);
            return;
        }
    }

    // ---- §6c: the amount ----

    void temporary_hh(const char* code)
    {
        const int weeks = m_policy.temporary_weeks.value;
        m_d.temporary_weeks = weeks;
        if (code) add(code, std::to_string(weeks) + " weken");
        if (!amount(m_home)) return;
        m_d.outcome = Outcome::temporary_hh;
    }

    void assess_hh(const protocol::NeedFacts& home)
    {
        if (amount(home)) m_d.outcome = Outcome::hh_granted;
    }

    /// Steps C1–C5. False when nothing remains (no HH needed).
    bool amount(const protocol::NeedFacts& home)
    {
        trace("C1", "network_covers_all = " + yes_no(m_f.network_covers_all),
              m_f.network_covers_all ? "nothing remains: no HH" : "need remains");
        if (m_f.network_covers_all) {
            m_d.outcome = Outcome::no_hh_needed;
            m_d.temporary_weeks.reset();
            add("R-C-NONEED");
            return false;
        }
        HhAmount hh = compute_hh(m_norms, home);
        m_d.norm_id = m_norms.id;
        m_d.norm_version = m_norms.version;
        trace("C2",
              "light_and_medium_done = " + yes_no(home.light_and_medium_done) + ", small_dwelling = " +
                  yes_no(home.small_dwelling) + ", limitation = " + std::string(domain::to_string(home.limitation)) +
                  ", household_size = " + std::to_string(home.household_size) +
                  ", rooms_in_use = " + std::to_string(home.rooms_in_use) +
                  ", rooms_not_in_use = " + std::to_string(home.rooms_not_in_use) + ", pets = " + yes_no(home.pets),
              "band " + hh.band);
        std::string detail = m_norms.reference() + ": basis " + nl(hh.base) + " min";
        for (const ItemLine& item : hh.items)
            detail += " + " + item.label.nl + (item.count > 1 ? " (" + std::to_string(item.count) + "×)" : "") + " " +
                      (item.minutes ? nl(*item.minutes) + " min" : "zonder normtijd");
        detail += " = " + minutes_nl(hh.computed) + ", band " + hh.band_label.nl + " (" + nl(hh.band_min) + "–" +
                  nl(hh.band_max) + ")";
        trace("C3", "base and extra items", nl(hh.computed) + " minutes per week");
        add("R-C-NORM", detail);
        const Decimal rounded = round_up(hh.computed, m_norms.round_up_to.value);
        trace("C4", hh.computed.to_string() + " rounded up to a multiple of " + m_norms.round_up_to.value.to_string(),
              rounded.to_string());
        if (rounded != hh.computed) add("R-C-ROUND", minutes_nl(hh.computed) + " wordt " + minutes_nl(rounded));
        if (hh.raised_to_band_min) {
            trace("C5", rounded.to_string() + " < band minimum " + hh.band_min.to_string(),
                  "raised to the band minimum");
            add("R-C-BANDMIN", minutes_nl(hh.band_min));
        }
        else if (hh.above_band_max) {
            trace("C5", rounded.to_string() + " > band maximum " + hh.band_max.to_string(),
                  "flagged: needs a motivated maatwerk decision (not clamped)");
            add("R-C-MAATWERK", minutes_nl(rounded) + " > " + nl(hh.band_max));
            m_d.needs_motivation = true;
        }
        else {
            trace("C5", rounded.to_string() + " within " + hh.band_min.to_string() + "–" + hh.band_max.to_string(),
                  "within the band");
        }
        if (hh.unpriced_item) {
            for (const ItemLine& item : hh.items)
                if (!item.minutes) add("R-C-NOVALUE", item.label.nl);
            m_d.needs_motivation = true;
        }
        m_d.hh = std::move(hh);
        return true;
    }

    // ---- end of trajectory: E1–E5 ----

    Decision reassess(const TrajectoryEnd& end)
    {
        trace("E1", "end of trajectory " + m_policy.trajectory, "reassessment");
        if (end.dropout) {
            m_d.reassessment = Reassessment::dropout;
            const bool precedence = m_policy.mode == protocol::PrecedenceMode::precedence;
            const std::string input = "dropout, mode = " + std::string(protocol::to_string(m_policy.mode)) +
                                      ", dropout_medical = " + yes_no(m_f.dropout_medical);
            if (precedence && !m_f.dropout_medical) {
                trace("E5", input, "as a refusal: no maatwerk HH");
                add("R-E-DROPOUT", "zonder medische reden");
                add("R-B-DECLINE-PREC");
                m_d.outcome = Outcome::reablement_first;
                return std::move(m_d);
            }
            trace("E5", input, "assess HH normally");
            add("R-E-DROPOUT", m_f.dropout_medical ? "om medische redenen" : "herstelgerichte hulp is vrijwillig");
            assess_hh(m_home);
            return std::move(m_d);
        }
        const protocol::ReassessmentRule& rule = m_policy.reassessment;
        if (!end.retest)
            throw Error(
                ErrorCode::precondition_failed,
                "the reassessment compares " + rule.instrument + " " + rule.score + " at " + rule.retest_occasion +
                    " with " + rule.intake_occasion + "; " +
                    (end.retest_detail.empty() ? "one of them is not recorded for this trajectory" : end.retest_detail),
                {{"missing", rule.instrument + " at " + rule.intake_occasion + " and " + rule.retest_occasion}});
        const bool meaningful = *end.retest == TrajectoryEnd::Change::meaningful;
        const bool all_goals = end.goals > 0 && end.goals_met == end.goals;
        const std::string goals =
            std::to_string(end.goals_met) + " van " + std::to_string(end.goals) + " doelen gehaald";
        const std::string detail = end.retest_detail + "; " + goals;
        const std::string input =
            end.retest_detail + ", goals met " + std::to_string(end.goals_met) + " of " + std::to_string(end.goals);
        if (meaningful && all_goals) {
            trace("E2", input, "self-reliant: no maatwerk HH");
            m_d.reassessment = Reassessment::self_reliant;
            m_d.outcome = Outcome::no_hh_needed;
            add("R-E-SELFRELIANT", detail);
            return std::move(m_d);
        }
        if (meaningful || end.goals_met > 0) {
            trace("E3", input, "partial gain: HH with light and medium tasks done by the client");
            m_d.reassessment = Reassessment::partial_gain;
            add("R-E-PARTIAL", detail);
            protocol::NeedFacts home = m_home;
            home.light_and_medium_done = true;
            assess_hh(home);
            return std::move(m_d);
        }
        trace("E4", input, "no lasting gain: HH by the norm");
        m_d.reassessment = Reassessment::no_gain;
        add("R-E-NOGAIN", detail);
        assess_hh(m_home);
        return std::move(m_d);
    }

    const protocol::Policy& m_policy;
    const protocol::HhNorms& m_norms;
    const DecisionInput& m_in;
    const domain::OnderzoekFindings& m_f;
    protocol::NeedFacts m_home;
    Decision m_d;
};

}  // namespace

std::string_view to_string(Reassessment r)
{
    switch (r) {
    case Reassessment::self_reliant: return "self_reliant";
    case Reassessment::partial_gain: return "partial_gain";
    case Reassessment::no_gain: return "no_gain";
    case Reassessment::dropout: return "dropout";
    }
    return "unknown";
}

HhAmount compute_hh(const protocol::HhNorms& norms, const protocol::NeedFacts& facts)
{
    bool aggravating = false;
    for (const protocol::ExtraItem& item : norms.extra_items)
        aggravating = aggravating || fact_count(item.fact, facts) > 0;
    const BandCondition condition = facts.light_and_medium_done || facts.small_dwelling ? BandCondition::reduced_need
                                    : aggravating                                       ? BandCondition::aggravating
                                                                                        : BandCondition::average;
    const protocol::NormBand* band = norms.band_for(condition);
    if (!band)
        throw Error(ErrorCode::internal, "norm table " + norms.reference() + " has no band for " +
                                             std::string(protocol::to_string(condition)));
    HhAmount hh;
    hh.band = band->id;
    hh.band_label = band->label;
    hh.band_min = band->min;
    hh.band_max = band->max;
    hh.base = band->base_minutes;
    hh.two_weekly_minutes = band->two_weekly_minutes;
    hh.computed = band->base_minutes;
    if (band->add_extra_items) {
        for (const protocol::ExtraItem& item : norms.extra_items) {
            const int count = fact_count(item.fact, facts);
            if (count == 0) continue;
            ItemLine line{item.id, item.label, count, std::nullopt};
            if (item.minutes) {
                line.minutes = *item.minutes * Decimal::from_int(count);
                hh.computed += *line.minutes;
            }
            else {
                hh.unpriced_item = true;
            }
            hh.items.push_back(std::move(line));
        }
    }
    const Decimal rounded = round_up(hh.computed, norms.round_up_to.value);
    hh.raised_to_band_min = rounded < band->min;
    hh.above_band_max = rounded > band->max;
    hh.minutes_per_week = hh.raised_to_band_min ? band->min : rounded;
    return hh;
}

Decision decide(const protocol::Policy& policy, const protocol::HhNorms& norms, const DecisionInput& input)
{
    return Procedure(policy, norms, input).run();
}

}  // namespace reable::decision
