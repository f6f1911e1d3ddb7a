// Patient, EpisodeOfCare and CareTeam: the client and the trajectory.

#include "fhir_support.hpp"

#include <set>

namespace reable::exports::fhir {

namespace {

/// R4 EpisodeOfCare.status: planned | waitlist | active | onhold | finished | cancelled. A dropout
/// ended the care outside the planned course, which R4 calls cancelled.
std::string_view episode_status(domain::TrajectoryState state)
{
    switch (state) {
    case domain::TrajectoryState::referred: return "planned";
    case domain::TrajectoryState::intake:
    case domain::TrajectoryState::training:
    case domain::TrajectoryState::follow_up: return "active";
    case domain::TrajectoryState::closed: return "finished";
    case domain::TrajectoryState::dropped_out: return "cancelled";
    }
    return "active";
}

void age_extension(json::CompactWriter& w, const storage::ExportTrajectory& t)
{
    const int age = age_at_start_top_coded(t.birth_date, t.start);
    w.begin_object().key("url").value(k_ext_age).key("valueAge").begin_object();
    w.key("value").value(age);
    if (age == k_age_top_code) w.key("comparator").value(">=");  // 90 stands for 90 or older
    w.key("unit").value("years").key("system").value(k_ucum).key("code").value("a").end_object().end_object();
}

/// The period: in month mode "YYYY-MM" start and end; in days mode no date at all, only the end's
/// offset as an extension on the (valueless) end element.
void episode_period(json::CompactWriter& w, const Context& context)
{
    const storage::ExportTrajectory& t = context.record.trajectory;
    if (context.month_mode()) {
        w.key("period").begin_object().key("start").value(year_month(t.start));
        if (t.ended_on) w.key("end").value(year_month(*t.ended_on));
        w.end_object();
    }
    else if (t.ended_on) {
        w.key("period").begin_object().key("_end").begin_object().key("extension").begin_array();
        extension_days(w, context, *t.ended_on);
        w.end_array().end_object().end_object();
    }
}

/// The disciplines that logged a session or a test result in the trajectory, sorted.
std::set<std::string> disciplines(const TrajectoryRecord& record)
{
    std::set<std::string> found;
    for (const auto& s : record.sessions)
        if (!s.discipline.empty()) found.insert(s.discipline);
    for (const auto& v : record.values)
        if (!v.discipline.empty()) found.insert(v.discipline);
    return found;
}

}  // namespace

void write_patient(const Context& context, const Emit& emit)
{
    // No identifier, name, birthDate, address or telecom: the pseudonym, sex and age only.
    const storage::ExportTrajectory& t = context.record.trajectory;
    json::CompactWriter w;
    begin_resource(w, "Patient", context.record.pseudonym);
    w.key("extension").begin_array();
    age_extension(w, t);
    w.end_array();
    w.key("gender").value(t.sex == domain::Sex::female ? "female" : "male");
    w.end_object();
    emit(w.text());
}

void write_episode(const Context& context, const Emit& emit)
{
    const storage::ExportTrajectory& t = context.record.trajectory;
    json::CompactWriter w;
    begin_resource(w, "EpisodeOfCare", "eoc-" + context.key);
    w.key("extension").begin_array();
    age_extension(w, t);
    if (t.closure) extension_code(w, k_ext_closure, domain::to_string(*t.closure));
    if (!t.end_reason_code.empty()) extension_code(w, k_ext_end_reason, t.end_reason_code);
    w.end_array();
    w.key("status").value(episode_status(t.state));
    w.key("type").begin_array().begin_object().key("coding").begin_array();
    coding(w, k_cs_template, t.template_id, t.template_version);
    w.end_array().end_object().end_array();
    reference(w, "patient", context.patient);
    episode_period(w, context);
    w.key("team").begin_array().begin_object().key("reference").value(context.care_team).end_object().end_array();
    w.end_object();
    emit(w.text());
}

void write_care_team(const Context& context, const Emit& emit)
{
    json::CompactWriter w;
    begin_resource(w, "CareTeam", "ct-" + context.key);
    w.key("extension").begin_array();
    extension_reference(w, k_ext_workflow_episode, context.episode);
    w.end_array();
    w.key("status").value(domain::is_final(context.record.trajectory.state) ? "inactive" : "active");
    reference(w, "subject", context.patient);
    const auto roles = disciplines(context.record);
    if (!roles.empty()) {
        // By role only: no member reference, so no practitioner can be identified.
        w.key("participant").begin_array();
        for (const auto& role : roles) {
            w.begin_object().key("role").begin_array();
            codeable(w, k_cs_discipline, role);
            w.end_array().end_object();
        }
        w.end_array();
    }
    w.end_object();
    emit(w.text());
}

}  // namespace reable::exports::fhir
