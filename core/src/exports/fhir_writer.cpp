#include "reable/exports/fhir_writer.hpp"

#include "fhir_support.hpp"

#include "reable/error.hpp"

namespace reable::exports {

namespace {

std::size_t index_of(FhirType type) { return static_cast<std::size_t>(type); }

}  // namespace

std::string_view resource_type(FhirType type)
{
    switch (type) {
    case FhirType::patient: return "Patient";
    case FhirType::episode_of_care: return "EpisodeOfCare";
    case FhirType::care_team: return "CareTeam";
    case FhirType::encounter: return "Encounter";
    case FhirType::observation: return "Observation";
    case FhirType::goal: return "Goal";
    }
    return "Unknown";
}

std::string_view file_name(FhirType type)
{
    switch (type) {
    case FhirType::patient: return "Patient.ndjson";
    case FhirType::episode_of_care: return "EpisodeOfCare.ndjson";
    case FhirType::care_team: return "CareTeam.ndjson";
    case FhirType::encounter: return "Encounter.ndjson";
    case FhirType::observation: return "Observation.ndjson";
    case FhirType::goal: return "Goal.ndjson";
    }
    return "Unknown.ndjson";
}

FhirWriter::FhirWriter(const protocol::Registry& registry, DateMode dates, std::map<FhirType, std::ostream*> outputs)
    : m_registry(registry), m_dates(dates)
{
    for (const auto& [type, out] : outputs) m_outputs[index_of(type)] = out;
}

bool FhirWriter::wants(FhirType type) const { return m_outputs[index_of(type)] != nullptr; }

void FhirWriter::emit(FhirType type, const std::string& line)
{
    std::ostream& out = *m_outputs[index_of(type)];
    out.write(line.data(), static_cast<std::streamsize>(line.size()));
    out.put('\n');
    ++m_counts[index_of(type)];
}

const protocol::Instrument* FhirWriter::instrument(const std::string& id, const std::string& version)
{
    std::string key = id + ' ' + version;
    if (const auto cached = m_instruments.find(key); cached != m_instruments.end()) return cached->second;
    const protocol::Instrument* found = nullptr;
    try {
        found = &m_registry.instrument(id, version);
    }
    catch (const Error&) {
        // A version this installation no longer ships: the result is still exported, with the
        // local codes only and numbers without a unit.
    }
    m_instruments.emplace(std::move(key), found);
    return found;
}

void FhirWriter::write(const TrajectoryRecord& record)
{
    const fhir::Context context(record, m_dates);
    const auto to = [this](FhirType type) { return [this, type](const std::string& line) { emit(type, line); }; };

    if (wants(FhirType::patient) && m_patients.insert(record.pseudonym).second)
        fhir::write_patient(context, to(FhirType::patient));
    if (wants(FhirType::episode_of_care)) fhir::write_episode(context, to(FhirType::episode_of_care));
    if (wants(FhirType::care_team)) fhir::write_care_team(context, to(FhirType::care_team));
    if (wants(FhirType::encounter)) fhir::write_encounters(context, to(FhirType::encounter));
    if (wants(FhirType::observation)) {
        const fhir::InstrumentLookup lookup = [this](const std::string& id, const std::string& version) {
            return instrument(id, version);
        };
        fhir::write_observations(context, lookup, to(FhirType::observation));
    }
    if (wants(FhirType::goal)) fhir::write_goals(context, to(FhirType::goal));
}

std::map<FhirType, std::size_t> FhirWriter::counts() const
{
    std::map<FhirType, std::size_t> counts;
    for (const FhirType type : k_fhir_types)
        if (wants(type)) counts[type] = m_counts[index_of(type)];
    return counts;
}

}  // namespace reable::exports
