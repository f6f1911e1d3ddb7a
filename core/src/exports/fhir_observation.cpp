// Observation: one per test result (an instrument at an occasion), its scores as components.
//
// One Observation per result rather than one per score keeps a result's scores together, as the
// instrument defines them (SPPB's balance, gait, chair and total). Items (trials, answers) are not
// exported: the scores are what an evaluation compares, and the raw trials add volume, not
// outcomes. A result with no score rows is not written.

#include "fhir_support.hpp"

#include <algorithm>
#include <vector>

namespace reable::exports::fhir {

namespace {

struct Result {
    const storage::ExportValue* head = nullptr;  ///< the first row: occasion, instrument, date
    std::vector<const storage::ExportValue*> scores;
};

bool same_result(const storage::ExportValue& a, const storage::ExportValue& b)
{
    return a.occasion == b.occasion && a.instrument_id == b.instrument_id &&
           a.instrument_version == b.instrument_version && a.tested_on == b.tested_on;
}

/// UCUM codes; counts and points are dimensionless annotations.
std::string_view ucum_code(units::Unit unit)
{
    switch (unit) {
    case units::Unit::seconds: return "s";
    case units::Unit::kilograms: return "kg";
    case units::Unit::metres: return "m";
    case units::Unit::centimetres: return "cm";
    case units::Unit::metres_per_second: return "m/s";
    case units::Unit::count: return "{#}";
    case units::Unit::points: return "{score}";
    case units::Unit::percent: return "%";
    }
    return "1";
}

/// A state is not a number: the value is absent, with the reason. "unable" and "not_attempted"
/// mean the test was not (fully) performed; anything else ("missing", "used_arms" …) is unknown.
/// The state itself follows as a local coding, so nothing is lost.
std::string_view absent_reason(std::string_view state)
{
    if (state == "unable" || state == "not_attempted") return "not-performed";
    return "unknown";
}

void absent(json::CompactWriter& w, std::string_view reason, std::string_view state)
{
    w.key("dataAbsentReason").begin_object().key("coding").begin_array();
    coding(w, k_data_absent, reason);
    if (!state.empty()) coding(w, k_cs_value_state, state);
    w.end_array().end_object();
}

void component_value(json::CompactWriter& w, const storage::ExportValue& v, const protocol::Score* score)
{
    if (v.number.empty()) {
        absent(w, absent_reason(v.code), v.code);
        return;
    }
    std::string number = v.number;  // verbatim when it already is a JSON number ("6.2")
    if (!is_json_number(number)) {
        const auto parsed = Decimal::parse(number);
        if (!parsed) {
            absent(w, "error", {});
            return;
        }
        number = parsed->to_string();
    }
    w.key("valueQuantity");
    if (score)
        ucum_quantity(w, number, units::symbol(score->unit), ucum_code(score->unit));
    else
        w.begin_object().key("value").raw(number).end_object();  // unit unknown: the version is not loaded
}

void component(json::CompactWriter& w, const storage::ExportValue& v, const protocol::Instrument* instrument)
{
    w.begin_object().key("code").begin_object().key("coding").begin_array();
    coding(w, k_cs_instrument_score, v.instrument_id + '.' + v.variable, v.instrument_version);
    w.end_array().end_object();
    component_value(w, v, instrument ? instrument->find_score(v.variable) : nullptr);
    w.end_object();
}

/// The instrument's confirmed codes (LOINC, SNOMED CT) when it has any, always with the local code.
void observation_code(json::CompactWriter& w, const storage::ExportValue& head, const protocol::Instrument* instrument)
{
    w.key("code").begin_object().key("coding").begin_array();
    if (instrument) {
        for (const auto& c : instrument->codes) {
            w.begin_object().key("system").value(c.system).key("code").value(c.code);
            if (!c.display.empty()) w.key("display").value(c.display);
            w.end_object();
        }
    }
    coding(w, k_cs_instrument, head.instrument_id, head.instrument_version);
    w.end_array().end_object();
}

void write_observation(const Context& context, const protocol::Instrument* instrument, const Result& result, int n,
                       const Emit& emit)
{
    const storage::ExportValue& head = *result.head;
    json::CompactWriter w;
    begin_resource(w, "Observation", "obs-" + context.key + '-' + std::to_string(n));
    w.key("extension").begin_array();
    extension_reference(w, k_ext_workflow_episode, context.episode);
    extension_code(w, k_ext_occasion, head.occasion);
    extension_days(w, context, head.tested_on);
    w.end_array();
    w.key("status").value("final");
    observation_code(w, head, instrument);
    reference(w, "subject", context.patient);
    if (context.month_mode()) w.key("effectiveDateTime").value(year_month(head.tested_on));
    w.key("component").begin_array();
    for (const auto* score : result.scores) component(w, *score, instrument);
    w.end_array();
    w.end_object();
    emit(w.text());
}

/// Whether row `v` starts a new result: another occasion, instrument or date; an item after the
/// scores (rows of a result are its items, then its scores); or a score already seen.
bool starts_new(const Result& current, const storage::ExportValue& v)
{
    if (!current.head) return false;
    if (!same_result(*current.head, v)) return true;
    if (current.scores.empty()) return false;
    if (v.is_item) return true;
    return std::any_of(current.scores.begin(), current.scores.end(),
                       [&](const auto* s) { return s->variable == v.variable; });
}

}  // namespace

void write_observations(const Context& context, const InstrumentLookup& lookup, const Emit& emit)
{
    Result current;
    int n = 0;
    const auto flush = [&] {
        if (current.head && !current.scores.empty())
            write_observation(context, lookup(current.head->instrument_id, current.head->instrument_version), current,
                              ++n, emit);
        current = Result{};
    };
    for (const auto& v : context.record.values) {
        if (starts_new(current, v)) flush();
        if (!current.head) current.head = &v;
        if (!v.is_item) current.scores.push_back(&v);
    }
    flush();
}

}  // namespace reable::exports::fhir
