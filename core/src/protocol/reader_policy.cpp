// The part of the loader that reads the decision files of protocols/policies/: household-help
// norm tables (reable.hh-norms/1, in policies/norms/) and municipal decision policies
// (reable.policy/1). Like the other readers it resolves every name, checks every range and keeps
// going after a problem. Messages are pinned by tests/unit/policy_messages_test.cpp.

#include "file_reader.hpp"

#include "reable/protocol/loader.hpp"

#include <set>

namespace reable::protocol::reading {
namespace {

constexpr std::string_view k_norms_format = "reable.hh-norms/1";
constexpr std::string_view k_policy_format = "reable.policy/1";

std::string names(const std::set<std::string>& set)
{
    return set.empty() ? "none" : json::join(std::vector<std::string>(set.begin(), set.end()));
}

/// What both decision readers share: numbers and decimals with provenance.
class DecisionFileReader : protected FileReader {
protected:
    using FileReader::FileReader;

    /// {"value": 14, "source": …, "confidence": …}
    std::optional<SourcedNumber> get_number(const ObjectPtr& o, std::string_view key, const std::string& ptr, int min,
                                            int max)
    {
        ObjectPtr n = sourced_object(o, key, ptr);
        if (!n) return std::nullopt;
        const std::string p = json::child(ptr, key);
        auto value = get_int(n, "value", p, true, min, max);
        auto provenance = get_provenance(n, p, true);
        if (!value || !provenance) return std::nullopt;
        return SourcedNumber{*value, *provenance};
    }

    std::optional<SourcedDecimal> get_sourced_decimal(const ObjectPtr& o, std::string_view key, const std::string& ptr)
    {
        ObjectPtr n = sourced_object(o, key, ptr);
        if (!n) return std::nullopt;
        const std::string p = json::child(ptr, key);
        auto value = get_decimal(n, "value", p, true);
        auto provenance = get_provenance(n, p, true);
        if (!value || !provenance) return std::nullopt;
        return SourcedDecimal{*value, *provenance};
    }

    std::optional<Decimal> get_minutes(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required)
    {
        auto value = get_decimal(o, key, ptr, required);
        if (value && (*value < Decimal() || *value > Decimal::from_int(10080))) {
            issue(json::child(ptr, key), "expected minutes per week from 0 to 10080, got " + value->to_string());
            return std::nullopt;
        }
        return value;
    }

private:
    ObjectPtr sourced_object(const ObjectPtr& o, std::string_view key, const std::string& ptr)
    {
        auto v = field(o, key, ptr, true);
        if (!v) return nullptr;
        const std::string p = json::child(ptr, key);
        if (json::is_number(*v)) {
            issue(p, "every number needs its provenance: write {\"value\": " + v->convert<std::string>() +
                         ", \"source\": \"…\", \"confidence\": \"…\"}");
            return nullptr;
        }
        ObjectPtr n = object_at(*v, p);
        if (n) check_fields(n, p, {"value", "source", "confidence", "note"});
        return n;
    }
};

// ---- norm tables ----

class NormsReader : private DecisionFileReader {
public:
    NormsReader(std::string file, std::vector<Issue>& issues) : DecisionFileReader(std::move(file), issues, true) {}

    std::optional<HhNorms> read(const Var& root_value)
    {
        const std::size_t before = m_issues.size();
        ObjectPtr root = object_at(root_value, "");
        if (!root) return std::nullopt;
        check_fields(root, "",
                     {"format", "id", "version", "label", "notes", "sources", "basis_rooms", "round_up_to", "bands",
                      "extra_items", "examples"});
        read_identity(root, k_norms_format, m_norms.id, m_norms.version);
        if (auto label = get_text(root, "label", "", true)) m_norms.label = *label;
        if (auto notes = get_string(root, "notes", "", false)) m_norms.notes = *notes;
        read_sources(root, m_norms.sources);
        if (auto rooms = get_text(root, "basis_rooms", "", true)) m_norms.basis_rooms = *rooms;
        if (auto step = get_sourced_decimal(root, "round_up_to", "")) {
            if (step->value <= Decimal())
                issue("/round_up_to/value", "must be more than 0, got " + step->value.to_string());
            else
                m_norms.round_up_to = *step;
        }
        each_object(root, "bands", "", true, [&](const ObjectPtr& o, const std::string& p) { read_band(o, p); });
        check_bands();
        each_object(root, "extra_items", "", true, [&](const ObjectPtr& o, const std::string& p) { read_item(o, p); });
        each_object(root, "examples", "", true, [&](const ObjectPtr& o, const std::string& p) { read_example(o, p); });
        if (m_issues.size() != before) return std::nullopt;
        m_norms.file = m_file;
        return std::move(m_norms);
    }

private:
    void read_band(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p,
                     {"id", "label", "min", "max", "when", "base_minutes", "add_extra_items", "two_weekly_minutes",
                      "source", "confidence", "note"});
        const std::size_t before = m_issues.size();
        NormBand band;
        auto id = get_id(o, p);
        auto label = get_text(o, "label", p, true);
        auto min = get_minutes(o, "min", p, true);
        auto max = get_minutes(o, "max", p, true);
        auto when = get_enum<BandCondition>(o, "when", p, true, band_condition_from_string,
                                            "reduced_need, aggravating, average");
        auto base = get_minutes(o, "base_minutes", p, true);
        auto add = get_bool(o, "add_extra_items", p);
        band.two_weekly_minutes = get_minutes(o, "two_weekly_minutes", p, false);
        auto provenance = get_provenance(o, p, true);
        if (min && max && *min > *max)
            issue(p, "min must not be above max; got " + min->to_string() + " to " + max->to_string());
        if (m_issues.size() != before || !id || !label || !min || !max || !when || !base || !provenance) return;
        if (m_norms.find_band(*id)) {
            issue(json::child(p, "id"), "duplicate band id " + in_quotes(*id));
            return;
        }
        if (m_norms.band_for(*when)) {
            issue(json::child(p, "when"), "another band already applies when " + in_quotes(to_string(*when)));
            return;
        }
        const bool adds = add.value_or(false);
        if (!adds && (*base < *min || *base > *max))
            issue(json::child(p, "base_minutes"), "base " + base->to_string() + " lies outside the band " +
                                                      min->to_string() + " to " + max->to_string());
        band.id = *id;
        band.label = *label;
        band.min = *min;
        band.max = *max;
        band.when = *when;
        band.base_minutes = *base;
        band.add_extra_items = adds;
        band.provenance = *provenance;
        m_norms.bands.push_back(std::move(band));
    }

    void check_bands()
    {
        for (BandCondition c : {BandCondition::reduced_need, BandCondition::average, BandCondition::aggravating})
            if (!m_norms.band_for(c) && m_issues.empty())
                issue("/bands", "no band applies when " + in_quotes(to_string(c)) +
                                    "; give one band for each of reduced_need, average, aggravating");
        for (std::size_t i = 0; i < m_norms.bands.size(); ++i)
            for (std::size_t j = 0; j < i; ++j) {
                const NormBand& a = m_norms.bands[i];
                const NormBand& b = m_norms.bands[j];
                if (a.min <= b.max && b.min <= a.max)
                    issue("/bands", "band " + in_quotes(a.id) + " (" + a.min.to_string() + " to " + a.max.to_string() +
                                        ") overlaps band " + in_quotes(b.id) + " (" + b.min.to_string() + " to " +
                                        b.max.to_string() + ")");
            }
    }

    void read_item(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"id", "label", "fact", "minutes", "source", "confidence", "note"});
        auto id = get_id(o, p);
        auto label = get_text(o, "label", p, true);
        auto fact = get_enum<NormFact>(o, "fact", p, true, norm_fact_from_string, norm_fact_codes());
        std::optional<Decimal> minutes;
        bool unpriced = false;
        if (auto v = field(o, "minutes", p, true)) {
            if (v->isEmpty())
                unpriced = true;
            else
                minutes = get_minutes(o, "minutes", p, true);
        }
        auto provenance = get_provenance(o, p, true);
        if (unpriced && provenance && !is_unverified(provenance->confidence))
            issue(json::child(p, "minutes"), "null minutes (no value in the source) must be labelled unverified");
        if (!id || !label || !fact || (!minutes && !unpriced) || !provenance) return;
        for (const ExtraItem& earlier : m_norms.extra_items)
            if (earlier.id == *id) {
                issue(json::child(p, "id"), "duplicate extra item id " + in_quotes(*id));
                return;
            }
        m_norms.extra_items.push_back({*id, *label, *fact, minutes, *provenance});
    }

    void read_example(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"name", "facts", "expect"});
        NormExample example;
        example.pointer = p;
        auto name = get_string(o, "name", p, true);
        if (ObjectPtr facts = get_object(o, "facts", p, true))
            example.facts = read_need_facts(facts, json::child(p, "facts"));
        ObjectPtr expect = get_object(o, "expect", p, true);
        if (!name || !expect) return;
        const std::string ep = json::child(p, "expect");
        check_fields(expect, ep, {"band", "computed", "minutes_per_week", "needs_motivation"});
        auto band = get_string(expect, "band", ep, true);
        auto computed = get_minutes(expect, "computed", ep, true);
        auto minutes = get_minutes(expect, "minutes_per_week", ep, true);
        auto motivation = get_bool(expect, "needs_motivation", ep);
        if (band && !m_norms.find_band(*band)) issue(json::child(ep, "band"), "unknown band " + in_quotes(*band));
        if (!band || !computed || !minutes) return;
        example.name = *name;
        example.band = *band;
        example.computed = *computed;
        example.minutes_per_week = *minutes;
        example.needs_motivation = motivation.value_or(false);
        m_norms.examples.push_back(std::move(example));
    }

public:
    /// The facts of a home as an example writes them; shared with the policy reader.
    NeedFacts read_need_facts(const ObjectPtr& f, const std::string& p)
    {
        check_fields(f, p,
                     {"light_and_medium_done", "small_dwelling", "limitation", "household_size", "rooms_in_use",
                      "rooms_not_in_use", "pets"});
        NeedFacts facts;
        facts.light_and_medium_done = get_bool(f, "light_and_medium_done", p).value_or(false);
        facts.small_dwelling = get_bool(f, "small_dwelling", p).value_or(false);
        if (auto l =
                get_enum<domain::Limitation>(f, "limitation", p, false, domain::parse_limitation, "none, some, much"))
            facts.limitation = *l;
        facts.household_size = get_int(f, "household_size", p, false, 1, 20).value_or(1);
        facts.rooms_in_use = get_int(f, "rooms_in_use", p, false, 0, 50).value_or(0);
        facts.rooms_not_in_use = get_int(f, "rooms_not_in_use", p, false, 0, 50).value_or(0);
        facts.pets = get_bool(f, "pets", p).value_or(false);
        return facts;
    }

private:
    HhNorms m_norms;
};

// ---- policies ----

class PolicyReader : private DecisionFileReader {
public:
    PolicyReader(std::string file, std::vector<Issue>& issues, const PolicyContext& context)
        : DecisionFileReader(std::move(file), issues, true), m_context(context)
    {}

    std::optional<Policy> read(const Var& root_value)
    {
        const std::size_t before = m_issues.size();
        ObjectPtr root = object_at(root_value, "");
        if (!root) return std::nullopt;
        check_fields(root, "",
                     {"format", "id", "version", "label", "description", "notes", "municipality", "sources", "mode",
                      "legal_route", "target_group", "capacity", "temporary_weeks", "trajectory", "reassessment", "hh",
                      "examples"});
        read_identity(root, k_policy_format, m_policy.id, m_policy.version);
        if (auto label = get_text(root, "label", "", true)) m_policy.label = *label;
        if (auto description = get_text(root, "description", "", true)) m_policy.description = *description;
        if (auto notes = get_string(root, "notes", "", false)) m_policy.notes = *notes;
        if (auto municipality = get_text(root, "municipality", "", true)) m_policy.municipality = *municipality;
        read_sources(root, m_policy.sources);
        read_mode(root);
        if (ObjectPtr t = get_object(root, "target_group", "", true)) read_target_group(t, "/target_group");
        read_capacity(root);
        if (auto weeks = get_number(root, "temporary_weeks", "", 1, 52)) m_policy.temporary_weeks = *weeks;
        read_trajectory(root);
        if (ObjectPtr r = get_object(root, "reassessment", "", true)) read_reassessment(r, "/reassessment");
        if (ObjectPtr hh = get_object(root, "hh", "", true)) read_hh(hh, "/hh");
        each_object(root, "examples", "", true, [&](const ObjectPtr& o, const std::string& p) { read_example(o, p); });
        if (m_issues.size() != before) return std::nullopt;
        m_policy.file = m_file;
        return std::move(m_policy);
    }

private:
    void read_mode(const ObjectPtr& root)
    {
        ObjectPtr mode = get_object(root, "mode", "", true);
        if (!mode) return;
        check_fields(mode, "/mode", {"value", "source", "confidence", "note"});
        auto value = get_enum<PrecedenceMode>(mode, "value", "/mode", true, precedence_mode_from_string,
                                              "precedence, voluntary");
        auto provenance = get_provenance(mode, "/mode", true);
        if (value) m_policy.mode = *value;
        if (provenance) m_policy.mode_provenance = *provenance;
        auto route = get_string(root, "legal_route", "", false);
        if (value == PrecedenceMode::precedence && !route)
            issue("/legal_route",
                  "required when mode is precedence: say how reablement comes first in law (a beschikking for "
                  "reablement, or a motivated finding under art. 2.3.5 lid 3)");
        if (route) m_policy.legal_route = *route;
    }

    void read_target_group(const ObjectPtr& t, const std::string& p)
    {
        check_fields(t, p, {"exclusions", "min_age", "max_decline_months", "physical_test", "household_goal"});
        TargetGroupRule& rule = m_policy.target_group;
        each_object(t, "exclusions", p, true,
                    [&](const ObjectPtr& o, const std::string& ep) { read_exclusion(o, ep); });
        if (auto age = get_number(t, "min_age", p, 18, 120)) rule.min_age = *age;
        if (auto months = get_number(t, "max_decline_months", p, 1, 120)) rule.max_decline_months = *months;
        if (ObjectPtr test = get_object(t, "physical_test", p, false))
            read_physical_test(test, json::child(p, "physical_test"));
        if (ObjectPtr goal = get_object(t, "household_goal", p, false)) {
            const std::string gp = json::child(p, "household_goal");
            check_fields(goal, gp, {"source", "confidence", "note"});
            rule.household_goal = get_provenance(goal, gp, true);
        }
    }

    void read_exclusion(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"exclusion", "screen_below", "dementia", "source", "confidence", "note"});
        auto exclusion = get_enum<Exclusion>(o, "exclusion", p, true, exclusion_from_string, exclusion_codes());
        auto provenance = get_provenance(o, p, true);
        if (!exclusion || !provenance) return;
        ExclusionRule rule{*exclusion, std::nullopt, {}, *provenance};
        if (*exclusion == Exclusion::cognition) {
            rule.screen_below = get_decimal(o, "screen_below", p, false);
            if (ArrayPtr grades = get_array(o, "dementia", p, false)) {
                for (std::size_t i = 0; i < grades->size(); ++i)
                    if (auto d = enum_at<domain::Dementia>(grades->get(i), json::child(json::child(p, "dementia"), i),
                                                           domain::parse_dementia, "none, mild, moderate, severe"))
                        rule.dementia.push_back(*d);
            }
            if (!rule.screen_below && rule.dementia.empty())
                issue(p, "a cognition exclusion needs \"screen_below\", \"dementia\" or both");
        }
        else if (o->has("screen_below") || o->has("dementia")) {
            issue(p, "\"screen_below\" and \"dementia\" belong to the cognition exclusion only");
        }
        if (m_policy.find_exclusion(*exclusion)) {
            issue(json::child(p, "exclusion"), "exclusion " + in_quotes(to_string(*exclusion)) + " is listed twice");
            return;
        }
        m_policy.target_group.exclusions.push_back(std::move(rule));
    }

    void read_physical_test(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p,
                     {"instrument", "score", "cutoff", "direction", "max_age_days", "source", "confidence", "note"});
        auto instrument = get_string(o, "instrument", p, true);
        auto score = get_string(o, "score", p, true);
        auto cutoff = get_decimal(o, "cutoff", p, true);
        auto direction =
            get_enum<CutoffDirection>(o, "direction", p, true, cutoff_direction_from_string, "at_most, at_least");
        auto max_age = get_int(o, "max_age_days", p, true, 1, 730);
        auto provenance = get_provenance(o, p, true);
        const bool known = instrument && score && known_score(*instrument, *score, p);
        if (!known || !cutoff || !direction || !max_age || !provenance) return;
        m_policy.target_group.physical_test =
            PhysicalTestRule{*instrument, *score, *cutoff, *direction, *max_age, *provenance};
    }

    bool known_score(const std::string& instrument, const std::string& score, const std::string& p)
    {
        auto it = m_context.instrument_scores.find(instrument);
        if (it == m_context.instrument_scores.end()) {
            std::set<std::string> known;
            for (const auto& [id, scores] : m_context.instrument_scores) known.insert(id);
            issue(json::child(p, "instrument"),
                  "unknown instrument " + in_quotes(instrument) + "; known instruments: " + names(known));
            return false;
        }
        if (!it->second.count(score)) {
            issue(json::child(p, "score"), "instrument " + in_quotes(instrument) + " has no score " + in_quotes(score) +
                                               "; its scores: " + names(it->second));
            return false;
        }
        return true;
    }

    void read_capacity(const ObjectPtr& root)
    {
        ObjectPtr c = get_object(root, "capacity", "", true);
        if (!c) return;
        check_fields(c, "/capacity", {"max_wait_days", "when_unavailable"});
        if (auto wait = get_number(c, "max_wait_days", "/capacity", 0, 365)) m_policy.max_wait_days = *wait;
        ObjectPtr w = get_object(c, "when_unavailable", "/capacity", true);
        if (!w) return;
        const std::string p = "/capacity/when_unavailable";
        check_fields(w, p, {"value", "source", "confidence", "note"});
        auto value =
            get_enum<WhenUnavailable>(w, "value", p, true, when_unavailable_from_string, "assess_hh, temporary_hh");
        auto provenance = get_provenance(w, p, true);
        if (value) m_policy.when_unavailable = *value;
        if (provenance) m_policy.unavailable_provenance = *provenance;
    }

    void read_trajectory(const ObjectPtr& root)
    {
        auto id = get_string(root, "trajectory", "", true);
        if (!id) return;
        if (!m_context.trajectory_occasions.count(*id)) {
            std::set<std::string> known;
            for (const auto& [t, occasions] : m_context.trajectory_occasions) known.insert(t);
            issue("/trajectory",
                  "unknown trajectory template " + in_quotes(*id) + "; known templates: " + names(known));
            return;
        }
        m_policy.trajectory = *id;
    }

    void read_reassessment(const ObjectPtr& r, const std::string& p)
    {
        check_fields(r, p,
                     {"instrument", "score", "intake_occasion", "retest_occasion", "goal_min_gain", "source",
                      "confidence", "note"});
        ReassessmentRule& rule = m_policy.reassessment;
        auto instrument = get_string(r, "instrument", p, true);
        auto score = get_string(r, "score", p, true);
        auto intake = get_string(r, "intake_occasion", p, true);
        auto retest = get_string(r, "retest_occasion", p, true);
        auto gain = get_number(r, "goal_min_gain", p, 1, 9);
        auto provenance = get_provenance(r, p, true);
        if (instrument && score && known_score(*instrument, *score, p)) {
            rule.instrument = *instrument;
            rule.score = *score;
        }
        for (const auto& [key, occasion] :
             {std::pair{"intake_occasion", intake}, std::pair{"retest_occasion", retest}}) {
            if (!occasion) continue;
            auto it = m_context.trajectory_occasions.find(m_policy.trajectory);
            if (it != m_context.trajectory_occasions.end() && !it->second.count(*occasion))
                issue(json::child(p, key), "template " + in_quotes(m_policy.trajectory) + " has no occasion " +
                                               in_quotes(*occasion) + "; its occasions: " + names(it->second));
        }
        if (intake) rule.intake_occasion = *intake;
        if (retest) rule.retest_occasion = *retest;
        if (gain) rule.goal_min_gain = *gain;
        if (provenance) rule.provenance = *provenance;
    }

    void read_hh(const ObjectPtr& hh, const std::string& p)
    {
        check_fields(hh, p, {"norms", "months", "review_months", "objection_weeks", "product_code"});
        if (auto norms = get_string(hh, "norms", p, true)) {
            if (!m_context.norm_ids.count(*norms))
                issue(json::child(p, "norms"), "unknown norm table " + in_quotes(*norms) +
                                                   "; norm tables in policies/norms: " + names(m_context.norm_ids));
            else
                m_policy.norms = *norms;
        }
        if (auto months = get_number(hh, "months", p, 1, 120)) m_policy.hh_months = *months;
        if (auto review = get_number(hh, "review_months", p, 1, 120)) m_policy.review_months = *review;
        if (auto weeks = get_number(hh, "objection_weeks", p, 6, 6)) m_policy.objection_weeks = *weeks;
        m_policy.product_code = get_string(hh, "product_code", p, false);
    }

    // ---- worked examples ----

    void read_example(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"name", "date", "age", "home", "findings", "tests", "choice", "trajectory_end", "expect"});
        PolicyExample example;
        example.pointer = p;
        PolicyExampleInput& in = example.input;
        auto name = get_string(o, "name", p, true);
        auto date_text = get_string(o, "date", p, true);
        std::optional<calendar::Date> date;
        if (date_text) {
            date = calendar::parse_iso_date(*date_text);
            if (!date)
                issue(json::child(p, "date"),
                      "expected a date as YYYY-MM-DD that exists, got " + in_quotes(*date_text));
        }
        in.age = get_int(o, "age", p, false, 0, 130).value_or(75);
        if (ObjectPtr home = get_object(o, "home", p, false)) read_home(home, json::child(p, "home"), in.home);
        if (ObjectPtr findings = get_object(o, "findings", p, false))
            read_findings(findings, json::child(p, "findings"), in.findings);
        if (ObjectPtr tests = get_object(o, "tests", p, false)) {
            for (const auto& [key, value] : *tests) {
                const std::string tp = json::child(json::child(p, "tests"), key);
                if (json::is_number(value)) {
                    if (auto d = decimal_at(value, tp)) in.tests[key] = d->to_string();
                }
                else if (value.isString()) {
                    in.tests[key] = value.convert<std::string>();
                }
                else {
                    issue(tp, "expected a score or a state, got " + json::describe(value));
                }
            }
        }
        if (auto choice =
                get_enum<domain::Choice>(o, "choice", p, false, domain::parse_choice, "not_asked, accept, decline"))
            in.choice = *choice;
        if (ObjectPtr end = get_object(o, "trajectory_end", p, false))
            read_trajectory_end(end, json::child(p, "trajectory_end"), in);
        if (ObjectPtr expect = get_object(o, "expect", p, true)) read_expect(expect, json::child(p, "expect"), example);
        if (!name || !date) return;
        example.name = *name;
        in.date = *date;
        m_policy.examples.push_back(std::move(example));
    }

    void read_home(const ObjectPtr& h, const std::string& p, NeedFacts& home)
    {
        check_fields(h, p, {"household_size", "rooms_in_use", "rooms_not_in_use", "pets"});
        home.household_size = get_int(h, "household_size", p, false, 1, 20).value_or(1);
        home.rooms_in_use = get_int(h, "rooms_in_use", p, false, 0, 50).value_or(0);
        home.rooms_not_in_use = get_int(h, "rooms_not_in_use", p, false, 0, 50).value_or(0);
        home.pets = get_bool(h, "pets", p).value_or(false);
    }

    void read_findings(const ObjectPtr& f, const std::string& p, domain::OnderzoekFindings& out)
    {
        check_fields(f, p,
                     {"concerns_household_help", "terminal", "bedbound", "cognitive_screen", "dementia",
                      "serious_psychiatric", "needs_institutional_care", "cannot_communicate", "decline_since",
                      "decline_recoverable", "household_goal", "acute_need", "reablement_wait_days", "does_light_tasks",
                      "does_medium_tasks", "limitation", "small_dwelling", "network_covers_all", "dropout_medical"});
        auto flag = [&](const char* key, bool& slot) {
            if (auto v = get_bool(f, key, p)) slot = *v;
        };
        flag("concerns_household_help", out.concerns_household_help);
        flag("terminal", out.terminal);
        flag("bedbound", out.bedbound);
        out.cognitive_screen = get_int(f, "cognitive_screen", p, false, 0, 30);
        if (auto d = get_enum<domain::Dementia>(f, "dementia", p, false, domain::parse_dementia,
                                                "none, mild, moderate, severe"))
            out.dementia = *d;
        flag("serious_psychiatric", out.serious_psychiatric);
        flag("needs_institutional_care", out.needs_institutional_care);
        flag("cannot_communicate", out.cannot_communicate);
        if (auto since = get_string(f, "decline_since", p, false)) {
            out.decline_since = calendar::parse_iso_date(*since);
            if (!out.decline_since)
                issue(json::child(p, "decline_since"),
                      "expected a date as YYYY-MM-DD that exists, got " + in_quotes(*since));
        }
        flag("decline_recoverable", out.decline_recoverable);
        flag("household_goal", out.household_goal);
        flag("acute_need", out.acute_need);
        out.reablement_wait_days = get_int(f, "reablement_wait_days", p, false, 0, 3650);
        flag("does_light_tasks", out.does_light_tasks);
        flag("does_medium_tasks", out.does_medium_tasks);
        if (auto l =
                get_enum<domain::Limitation>(f, "limitation", p, false, domain::parse_limitation, "none, some, much"))
            out.limitation = *l;
        flag("small_dwelling", out.small_dwelling);
        flag("network_covers_all", out.network_covers_all);
        flag("dropout_medical", out.dropout_medical);
    }

    void read_trajectory_end(const ObjectPtr& e, const std::string& p, PolicyExampleInput& in)
    {
        check_fields(e, p, {"retest", "goals", "goals_met", "dropout"});
        in.reassessment = true;
        in.retest_change = get_string(e, "retest", p, false);
        if (in.retest_change && *in.retest_change != "meaningful" && *in.retest_change != "not_meaningful" &&
            *in.retest_change != "declined")
            issue(json::child(p, "retest"),
                  "unknown value " + in_quotes(*in.retest_change) + "; allowed: meaningful, not_meaningful, declined");
        in.goals = get_int(e, "goals", p, false, 0, 20).value_or(0);
        in.goals_met = get_int(e, "goals_met", p, false, 0, 20).value_or(0);
        in.dropout = get_bool(e, "dropout", p).value_or(false);
    }

    void read_expect(const ObjectPtr& e, const std::string& p, PolicyExample& example)
    {
        check_fields(e, p, {"outcome", "band", "minutes_per_week", "reasons", "reassessment", "error"});
        example.outcome =
            get_enum<domain::Outcome>(e, "outcome", p, false, domain::parse_outcome, domain::outcome_codes());
        example.band = get_string(e, "band", p, false);
        example.minutes_per_week = get_minutes(e, "minutes_per_week", p, false);
        example.reassessment = get_string(e, "reassessment", p, false);
        example.error = get_string(e, "error", p, false);
        if (ArrayPtr reasons = get_array(e, "reasons", p, false)) {
            for (std::size_t i = 0; i < reasons->size(); ++i) {
                const Var v = reasons->get(i);
                if (v.isString())
                    example.reasons.push_back(v.convert<std::string>());
                else
                    issue(json::child(json::child(p, "reasons"), i),
                          "expected a reason code, got " + json::describe(v));
            }
        }
        if (example.error && (example.outcome || example.band || example.minutes_per_week))
            issue(p, "an example that expects an error expects nothing else");
        if (!example.error && !example.outcome) issue(p, "give the expected \"outcome\" or \"error\"");
    }

    Policy m_policy;
    const PolicyContext& m_context;
};

}  // namespace
}  // namespace reable::protocol::reading

namespace reable::protocol {

NormsLoad read_norms(const std::string& json_text, const std::string& file)
{
    NormsLoad load;
    auto root = reading::parse_file(json_text, file, load.issues);
    if (!root) return load;
    reading::NormsReader reader(file, load.issues);
    if (auto norms = reader.read(*root)) load.norms.push_back(std::move(*norms));
    return load;
}

NormsLoad read_norms_directory(const std::filesystem::path& directory)
{
    return reading::read_directory(directory, &NormsLoad::norms, "norm table", read_norms);
}

PolicyLoad read_policy(const std::string& json_text, const std::string& file, const PolicyContext& context)
{
    PolicyLoad load;
    auto root = reading::parse_file(json_text, file, load.issues);
    if (!root) return load;
    reading::PolicyReader reader(file, load.issues, context);
    if (auto policy = reader.read(*root)) load.policies.push_back(std::move(*policy));
    return load;
}

PolicyLoad read_policy_directory(const std::filesystem::path& directory, const PolicyContext& context)
{
    return reading::read_directory(
        directory, &PolicyLoad::policies, "policy",
        [&](const std::string& text, const std::string& file) { return read_policy(text, file, context); });
}

}  // namespace reable::protocol
