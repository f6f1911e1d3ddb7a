#pragma once

// Private plumbing of the FHIR writer (fhir_*.cpp): the code systems and extension urls, the one
// context every resource of a trajectory is built from, and small writers for FHIR data types.

#include "reable/compact_json.hpp"
#include "reable/exports/fhir_writer.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace reable::exports::fhir {

inline constexpr std::string_view k_ucum = "http://unitsofmeasure.org";
inline constexpr std::string_view k_act_code = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
inline constexpr std::string_view k_data_absent = "http://terminology.hl7.org/CodeSystem/data-absent-reason";
inline constexpr std::string_view k_goal_achievement = "http://terminology.hl7.org/CodeSystem/goal-achievement";
/// R4 core extension; its context includes Observation and CareTeam (not Goal).
inline constexpr std::string_view k_ext_workflow_episode =
    "http://hl7.org/fhir/StructureDefinition/workflow-episodeOfCare";

// Local code systems.
inline constexpr std::string_view k_cs_template = "https://reable.nl/fhir/CodeSystem/trajectory-template";
inline constexpr std::string_view k_cs_discipline = "https://reable.nl/fhir/CodeSystem/discipline";
inline constexpr std::string_view k_cs_session_kind = "https://reable.nl/fhir/CodeSystem/session-kind";
inline constexpr std::string_view k_cs_instrument = "https://reable.nl/fhir/CodeSystem/instrument";
inline constexpr std::string_view k_cs_instrument_score = "https://reable.nl/fhir/CodeSystem/instrument-score";
inline constexpr std::string_view k_cs_value_state = "https://reable.nl/fhir/CodeSystem/value-state";

// Local extensions.
inline constexpr std::string_view k_ext_age = "https://reable.nl/fhir/StructureDefinition/age-at-start";
inline constexpr std::string_view k_ext_days = "https://reable.nl/fhir/StructureDefinition/days-since-start";
inline constexpr std::string_view k_ext_occasion = "https://reable.nl/fhir/StructureDefinition/occasion";
inline constexpr std::string_view k_ext_attendance = "https://reable.nl/fhir/StructureDefinition/attendance";
inline constexpr std::string_view k_ext_closure = "https://reable.nl/fhir/StructureDefinition/closure";
inline constexpr std::string_view k_ext_end_reason = "https://reable.nl/fhir/StructureDefinition/end-reason";
inline constexpr std::string_view k_ext_episode = "https://reable.nl/fhir/StructureDefinition/episode-of-care";
inline constexpr std::string_view k_ext_copm_importance = "https://reable.nl/fhir/StructureDefinition/copm-importance";
inline constexpr std::string_view k_ext_copm_rating = "https://reable.nl/fhir/StructureDefinition/copm-rating";

/// Everything the resources of one trajectory share. Ids are built from the pseudonym and the
/// client's trajectory ordinal only: never from a database id, which could be linked back.
struct Context {
    const TrajectoryRecord& record;
    DateMode dates;
    std::string key;        ///< "<first 16 characters of the pseudonym>-<ordinal>"
    std::string patient;    ///< "Patient/<pseudonym>"
    std::string episode;    ///< "EpisodeOfCare/eoc-<key>"
    std::string care_team;  ///< "CareTeam/ct-<key>"

    Context(const TrajectoryRecord& r, DateMode d);
    calendar::Date start() const { return record.trajectory.start; }
    bool month_mode() const { return dates == DateMode::month; }
};

/// Receives one finished resource (one NDJSON line without its line end).
using Emit = std::function<void(const std::string& line)>;
/// The instrument of a result, or null when the registry lacks that id and version.
using InstrumentLookup = std::function<const protocol::Instrument*(const std::string& id, const std::string& version)>;

// Dates, computed here rather than through options.hpp so the writer stands alone.
std::string year_month(calendar::Date day);  ///< "2026-03"
int days_since_start(const Context& context, calendar::Date day);
/// Completed years at the trajectory start, top-coded at k_age_top_code.
int age_at_start_top_coded(calendar::Date birth, calendar::Date start);

// Writers for FHIR data types. Each writes one complete value (after a key, or in an array).
void begin_resource(json::CompactWriter& w, std::string_view type, std::string_view id);
void coding(json::CompactWriter& w, std::string_view system, std::string_view code, std::string_view version = {});
/// {"coding":[{system, code}]}
void codeable(json::CompactWriter& w, std::string_view system, std::string_view code);
/// key: {"reference": ref}
void reference(json::CompactWriter& w, std::string_view key, std::string_view ref);
/// A UCUM quantity: {"value", "unit", "system", "code"}; `value_json` is a JSON number's text.
void ucum_quantity(json::CompactWriter& w, std::string_view value_json, std::string_view unit, std::string_view code);

// Extensions (each one object in an "extension" array).
void extension_integer(json::CompactWriter& w, std::string_view url, int value);
void extension_code(json::CompactWriter& w, std::string_view url, std::string_view code);
void extension_reference(json::CompactWriter& w, std::string_view url, std::string_view ref);
/// days-since-start for `day`, in days mode only (month mode writes the date element instead).
void extension_days(json::CompactWriter& w, const Context& context, calendar::Date day);

/// Whether `text` is a JSON number exactly as RFC 8259 spells one ("6.2", "-1", "1e3").
bool is_json_number(std::string_view text);

// The resources (fhir_episode.cpp, fhir_encounter.cpp, fhir_observation.cpp, fhir_goal.cpp).
void write_patient(const Context& context, const Emit& emit);
void write_episode(const Context& context, const Emit& emit);
void write_care_team(const Context& context, const Emit& emit);
void write_encounters(const Context& context, const Emit& emit);
void write_observations(const Context& context, const InstrumentLookup& lookup, const Emit& emit);
void write_goals(const Context& context, const Emit& emit);

}  // namespace reable::exports::fhir
