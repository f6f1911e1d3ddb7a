#include "reable/decision/json_io.hpp"

#include "reable/compact_json.hpp"

namespace reable::decision {
namespace {

void optional_date(json::CompactWriter& w, std::string_view key, const std::optional<calendar::Date>& day)
{
    w.key(key);
    if (day)
        w.value(calendar::format_iso_date(*day));
    else
        w.null();
}

void optional_int(json::CompactWriter& w, std::string_view key, const std::optional<int>& n)
{
    w.key(key);
    if (n)
        w.value(*n);
    else
        w.null();
}

void text(json::CompactWriter& w, const protocol::Text& t)
{
    w.begin_object().key("nl").value(t.nl).key("en").value(t.en).end_object();
}

void amount(json::CompactWriter& w, const HhAmount& hh)
{
    w.begin_object();
    w.key("band").value(hh.band).key("band_label");
    text(w, hh.band_label);
    w.key("band_min").value(hh.band_min).key("band_max").value(hh.band_max);
    w.key("base").value(hh.base).key("items").begin_array();
    for (const ItemLine& item : hh.items) {
        w.begin_object().key("id").value(item.id).key("label");
        text(w, item.label);
        w.key("count").value(item.count).key("minutes");
        if (item.minutes)
            w.value(*item.minutes);
        else
            w.null();
        w.end_object();
    }
    w.end_array();
    w.key("computed").value(hh.computed).key("minutes_per_week").value(hh.minutes_per_week);
    w.key("two_weekly_minutes");
    if (hh.two_weekly_minutes)
        w.value(*hh.two_weekly_minutes);
    else
        w.null();
    w.key("above_band_max").value(hh.above_band_max).key("raised_to_band_min").value(hh.raised_to_band_min);
    w.key("unpriced_item").value(hh.unpriced_item).end_object();
}

}  // namespace

std::string inputs_json(const DecisionInput& in)
{
    const domain::OnderzoekFindings& f = in.findings;
    json::CompactWriter w;
    w.begin_object();
    w.key("date").value(calendar::format_iso_date(in.date)).key("age").value(in.age);
    w.key("home").begin_object();
    w.key("household_size").value(in.home.household_size).key("rooms_in_use").value(in.home.rooms_in_use);
    w.key("rooms_not_in_use").value(in.home.rooms_not_in_use).key("pets").value(in.home.pets).end_object();
    w.key("findings").begin_object();
    w.key("id").value(static_cast<int>(f.id.value)).key("recorded_on").value(calendar::format_iso_date(f.recorded_on));
    w.key("concerns_household_help").value(f.concerns_household_help);
    w.key("terminal").value(f.terminal).key("bedbound").value(f.bedbound);
    optional_int(w, "cognitive_screen", f.cognitive_screen);
    w.key("dementia").value(domain::to_string(f.dementia));
    w.key("serious_psychiatric").value(f.serious_psychiatric);
    w.key("needs_institutional_care").value(f.needs_institutional_care);
    w.key("cannot_communicate").value(f.cannot_communicate);
    optional_date(w, "decline_since", f.decline_since);
    w.key("decline_recoverable").value(f.decline_recoverable).key("household_goal").value(f.household_goal);
    w.key("acute_need").value(f.acute_need);
    optional_int(w, "reablement_wait_days", f.reablement_wait_days);
    w.key("does_light_tasks").value(f.does_light_tasks).key("does_medium_tasks").value(f.does_medium_tasks);
    w.key("limitation").value(domain::to_string(f.limitation)).key("small_dwelling").value(f.small_dwelling);
    w.key("network_covers_all").value(f.network_covers_all).key("dropout_medical").value(f.dropout_medical);
    w.end_object();
    w.key("tests").begin_array();
    for (const TestFact& t : in.tests) {
        w.begin_object().key("instrument").value(t.instrument).key("version").value(t.version);
        w.key("score").value(t.score).key("tested_on").value(calendar::format_iso_date(t.tested_on)).key("value");
        if (t.value)
            w.value(*t.value);
        else
            w.value(t.state);
        w.end_object();
    }
    w.end_array();
    w.key("choice").value(domain::to_string(in.choice));
    w.key("trajectory_end");
    if (in.trajectory_end) {
        const TrajectoryEnd& e = *in.trajectory_end;
        w.begin_object().key("dropout").value(e.dropout).key("retest");
        if (!e.retest)
            w.null();
        else
            w.value(*e.retest == TrajectoryEnd::Change::meaningful       ? "meaningful"
                    : *e.retest == TrajectoryEnd::Change::not_meaningful ? "not_meaningful"
                                                                         : "declined");
        w.key("retest_detail").value(e.retest_detail).key("goals").value(e.goals).key("goals_met").value(e.goals_met);
        w.end_object();
    }
    else {
        w.null();
    }
    w.end_object();
    return w.text();
}

std::string result_json(const Decision& d, const std::string& beschikking, const std::optional<Allocation>& a)
{
    json::CompactWriter w;
    w.begin_object();
    w.key("outcome").value(domain::to_string(d.outcome));
    w.key("policy").begin_object().key("id").value(d.policy_id).key("version").value(d.policy_version).end_object();
    w.key("norms");
    if (d.norm_id.empty())
        w.null();
    else
        w.begin_object().key("id").value(d.norm_id).key("version").value(d.norm_version).end_object();
    w.key("in_target_group");
    if (d.in_target_group)
        w.value(*d.in_target_group);
    else
        w.null();
    w.key("reassessment");
    if (d.reassessment)
        w.value(to_string(*d.reassessment));
    else
        w.null();
    optional_int(w, "temporary_weeks", d.temporary_weeks);
    w.key("needs_motivation").value(d.needs_motivation);
    w.key("hh");
    if (d.hh)
        amount(w, *d.hh);
    else
        w.null();
    w.key("reasons").begin_array();
    for (const Reason& r : d.reasons)
        w.begin_object()
            .key("code")
            .value(r.code)
            .key("sentence")
            .value(r.sentence)
            .key("basis")
            .value(r.basis)
            .end_object();
    w.end_array().key("trace").begin_array();
    for (const TraceLine& t : d.trace)
        w.begin_object()
            .key("rule")
            .value(t.rule)
            .key("input")
            .value(t.input)
            .key("result")
            .value(t.result)
            .end_object();
    w.end_array();
    w.key("allocation");
    if (a) {
        w.begin_object().key("product_category").value(a->product_category).key("product_code");
        if (a->product_code)
            w.value(*a->product_code);
        else
            w.null();
        w.key("volume").value(a->volume).key("unit").value(a->unit).key("frequency").value(a->frequency);
        w.key("starts_on").value(calendar::format_iso_date(a->starts_on));
        optional_date(w, "ends_on", a->ends_on);
        w.end_object();
    }
    else {
        w.null();
    }
    w.key("beschikking").value(beschikking);
    w.end_object();
    return w.text();
}

std::string to_json(const domain::RecordedDecision& r)
{
    json::CompactWriter w;
    w.begin_object();
    w.key("id").value(static_cast<int>(r.id.value)).key("client").value(static_cast<int>(r.client.value));
    w.key("melding");
    if (r.melding)
        w.value(static_cast<int>(r.melding->value));
    else
        w.null();
    w.key("trajectory");
    if (r.trajectory)
        w.value(static_cast<int>(r.trajectory->value));
    else
        w.null();
    w.key("kind").value(domain::to_string(r.kind)).key("decided_on").value(calendar::format_iso_date(r.decided_on));
    w.key("policy").begin_object().key("id").value(r.policy_id).key("version").value(r.policy_version).end_object();
    w.key("choice").value(domain::to_string(r.choice));
    w.key("computed_outcome").value(domain::to_string(r.computed_outcome));
    w.key("computed_minutes_per_week");
    if (r.computed_minutes)
        w.raw(*r.computed_minutes);
    else
        w.null();
    w.key("band").value(r.band).key("needs_motivation").value(r.needs_motivation);
    w.key("outcome").value(domain::to_string(r.outcome)).key("minutes_per_week");
    if (r.minutes_per_week)
        w.raw(*r.minutes_per_week);
    else
        w.null();
    w.key("motivation").value(r.motivation);
    optional_date(w, "starts_on", r.starts_on);
    optional_date(w, "ends_on", r.ends_on);
    optional_date(w, "review_on", r.review_on);
    w.key("inputs").raw(r.inputs_json).key("result").raw(r.result_json);
    w.end_object();
    return w.text();
}

}  // namespace reable::decision
