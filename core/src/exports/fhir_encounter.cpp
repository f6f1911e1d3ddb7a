// Encounter: one per logged session.

#include "fhir_support.hpp"

namespace reable::exports::fhir {

namespace {

/// R4 Encounter.status (planned | arrived | triaged | in-progress | onleave | finished |
/// cancelled | entered-in-error | unknown) has no "no-show": a no-show is written as cancelled,
/// and the attendance extension (attended, cancelled, no_show) on every Encounter tells them apart.
std::string_view encounter_status(std::string_view attendance)
{
    if (attendance == "attended") return "finished";
    if (attendance == "cancelled" || attendance == "no_show") return "cancelled";
    return "unknown";
}

/// v3 ActCode: a phone call is virtual (VR); every other contact is home health (HH), including a
/// team meeting, which is care for the client given at no other place.
void encounter_class(json::CompactWriter& w, std::string_view kind)
{
    w.key("class").begin_object().key("system").value(k_act_code);
    if (kind == "phone")
        w.key("code").value("VR").key("display").value("virtual");
    else
        w.key("code").value("HH").key("display").value("home health");
    w.end_object();
}

void write_encounter(const Context& context, const storage::ExportSession& s, int n, const Emit& emit)
{
    json::CompactWriter w;
    begin_resource(w, "Encounter", "enc-" + context.key + '-' + std::to_string(n));
    w.key("extension").begin_array();
    extension_code(w, k_ext_attendance, s.attendance);
    extension_days(w, context, s.date);
    w.end_array();
    w.key("status").value(encounter_status(s.attendance));
    encounter_class(w, s.kind);
    w.key("type").begin_array();
    codeable(w, k_cs_session_kind, s.kind);
    w.end_array();
    reference(w, "subject", context.patient);
    w.key("episodeOfCare")
        .begin_array()
        .begin_object()
        .key("reference")
        .value(context.episode)
        .end_object()
        .end_array();
    if (!s.discipline.empty()) {
        // By discipline only: no individual, so no practitioner can be identified.
        w.key("participant").begin_array().begin_object().key("type").begin_array();
        codeable(w, k_cs_discipline, s.discipline);
        w.end_array().end_object().end_array();
    }
    if (context.month_mode()) w.key("period").begin_object().key("start").value(year_month(s.date)).end_object();
    if (s.minutes > 0) {
        w.key("length");
        ucum_quantity(w, std::to_string(s.minutes), "min", "min");
    }
    w.end_object();
    emit(w.text());
}

}  // namespace

void write_encounters(const Context& context, const Emit& emit)
{
    int n = 0;
    for (const auto& session : context.record.sessions) write_encounter(context, session, ++n, emit);
}

}  // namespace reable::exports::fhir
