#pragma once

// The pseudonymised evaluator export as FHIR R4 resources in Bulk Data form: one NDJSON file per
// resource type, one resource per line. Privacy first: the client is a pseudonym with a sex and an
// age at the start (top-coded); no database id, name, address, birth date or free text is written,
// and dates are either days since the trajectory start or the calendar month only.
//
// What each resource holds (the mapping decisions):
// - Patient: id = the pseudonym; gender; the age at the start of the trajectory it is written with
//   (extension age-at-start, valueAge in years, top-coded at 90 with comparator ">="). Written once
//   per pseudonym per writer, with the first of the client's trajectories that the run meets.
// - EpisodeOfCare "eoc-<pseudonym prefix>-<ordinal>": one per trajectory; status from the state
//   (referred → planned, intake/training/follow_up → active, closed → finished, dropped_out →
//   cancelled); type = the template (local code, Coding.version = template version); period;
//   team → the CareTeam; extensions: age-at-start, closure and end-reason (codes).
// - CareTeam "ct-<prefix>-<ordinal>": the disciplines that logged a session or a test result in
//   the trajectory, by role only (no member).
// - Encounter "enc-<prefix>-<ordinal>-<n>": one per logged session, n counting the trajectory's
//   sessions from 1 in the order given.
// - Observation "obs-<prefix>-<ordinal>-<n>": one per test result (an instrument at an occasion),
//   its scores as components; items (raw trials and answers) are not exported.
// - Goal "goal-<prefix>-<ordinal>-<number>": one per COPM problem, never its text.
// Decisions on household help are not part of the FHIR export.

#include "reable/exports/options.hpp"
#include "reable/exports/record_stream.hpp"
#include "reable/protocol/registry.hpp"

#include <array>
#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_set>

namespace reable::exports {

enum class FhirType { patient, episode_of_care, care_team, encounter, observation, goal };

inline constexpr std::array<FhirType, 6> k_fhir_types{FhirType::patient,     FhirType::episode_of_care,
                                                      FhirType::care_team,   FhirType::encounter,
                                                      FhirType::observation, FhirType::goal};

/// The FHIR resource type name: "Patient", "EpisodeOfCare" …
std::string_view resource_type(FhirType type);
/// The Bulk Data output file of a type: "Patient.ndjson" …
std::string_view file_name(FhirType type);

class FhirWriter {
public:
    /// One output stream per resource type (Bulk Data: one NDJSON file per type); a type whose
    /// stream is null or absent is skipped (not even built).
    FhirWriter(const protocol::Registry& registry, DateMode dates, std::map<FhirType, std::ostream*> outputs);

    /// All resources of one trajectory, one JSON object per line, "\n" line ends, UTF-8. The same
    /// records in the same order give the same bytes.
    void write(const TrajectoryRecord& record);

    /// Resources written per type, for every type that has an output (0 when none was written).
    std::map<FhirType, std::size_t> counts() const;

private:
    const protocol::Registry& m_registry;
    DateMode m_dates;
    std::array<std::ostream*, k_fhir_types.size()> m_outputs{};
    std::array<std::size_t, k_fhir_types.size()> m_counts{};
    /// Pseudonyms whose Patient was written: a client's trajectories need not come one after
    /// another, and the first of them in the export need not be the client's first (a filter).
    std::unordered_set<std::string> m_patients;
    /// Instrument lookups by "id version" (null when the registry lacks it): one per result would
    /// otherwise search the registry millions of times.
    std::map<std::string, const protocol::Instrument*, std::less<>> m_instruments;

    void emit(FhirType type, const std::string& line);
    bool wants(FhirType type) const;
    const protocol::Instrument* instrument(const std::string& id, const std::string& version);
};

}  // namespace reable::exports
