#pragma once

// The narrow interfaces services use to read and write. They speak in domain values; no SQL and
// no row types cross them, so a second adapter (PostgreSQL) can implement them unchanged.
// Absence is std::optional; a broken rule of the stored data (a duplicate, a dangling reference)
// is Error{conflict}; a failing database is Error{storage_failure}.

#include "reable/calendar.hpp"
#include "reable/domain/client.hpp"
#include "reable/domain/decision.hpp"
#include "reable/domain/measurement.hpp"
#include "reable/domain/melding.hpp"
#include "reable/domain/onderzoek.hpp"
#include "reable/domain/organisation.hpp"
#include "reable/domain/session.hpp"
#include "reable/domain/trajectory.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace reable::storage {

class OrganisationRepository {
public:
    virtual ~OrganisationRepository() = default;
    virtual domain::MunicipalityId add_municipality(const domain::Municipality& m) = 0;
    virtual std::optional<domain::Municipality> municipality_by_code(std::string_view code) = 0;
    virtual std::vector<domain::Municipality> municipalities() = 0;

    virtual domain::AreaId add_area(const domain::Area& a) = 0;
    virtual std::optional<domain::Area> area(domain::AreaId id) = 0;
    virtual std::optional<domain::Area> area_by_name(domain::MunicipalityId m, std::string_view name) = 0;
    virtual std::vector<domain::Area> areas(domain::MunicipalityId m) = 0;

    virtual domain::TeamId add_team(const domain::Team& t) = 0;
    virtual std::optional<domain::Team> team(domain::TeamId id) = 0;
    virtual std::optional<domain::Team> team_by_name(domain::MunicipalityId m, std::string_view name) = 0;
    virtual std::vector<domain::Team> teams() = 0;

    virtual domain::MemberId add_member(const domain::Member& m) = 0;
    virtual std::optional<domain::Member> member(domain::MemberId id) = 0;
    /// Members of one team, or of every team when `team` is empty; active and inactive alike.
    virtual std::vector<domain::Member> members(std::optional<domain::TeamId> team) = 0;
    virtual void set_member_active(domain::MemberId id, bool active) = 0;
};

class ClientRepository {
public:
    virtual ~ClientRepository() = default;
    /// Stores the client, its carers and (in a separate table) its identity.
    virtual domain::ClientId add(const domain::Client& c, const domain::ClientIdentity& identity) = 0;
    virtual std::optional<domain::Client> find(domain::ClientId id) = 0;
    /// Reading an identity is a separate call so that it can be audited and refused by role.
    virtual std::optional<domain::ClientIdentity> identity(domain::ClientId id) = 0;
    virtual std::optional<domain::ClientId> find_by_bsn(const domain::Bsn& bsn) = 0;
    virtual std::vector<domain::Client> list(std::optional<domain::AreaId> area) = 0;
    virtual std::size_t count() = 0;

    virtual domain::MeldingId add_melding(const domain::Melding& m) = 0;
    virtual std::optional<domain::Melding> melding(domain::MeldingId id) = 0;
    virtual void update_melding(const domain::Melding& m) = 0;
    virtual std::vector<domain::Melding> meldingen(std::optional<domain::ClientId> client) = 0;
};

class TrajectoryRepository {
public:
    virtual ~TrajectoryRepository() = default;
    /// Stores the trajectory with its care team.
    virtual domain::TrajectoryId add(const domain::Trajectory& t) = 0;
    virtual std::optional<domain::Trajectory> find(domain::TrajectoryId id) = 0;
    virtual std::vector<domain::Trajectory> for_client(domain::ClientId client) = 0;
    /// Trajectories that are not closed or dropped out.
    virtual std::vector<domain::Trajectory> open() = 0;
    /// Trajectories a member serves (any state).
    virtual std::vector<domain::Trajectory> for_member(domain::MemberId member) = 0;
    /// Writes the new state (and, for a final state, the end fields) with its history entry.
    virtual void record_transition(const domain::Trajectory& updated, const domain::Transition& t) = 0;
    virtual std::vector<domain::Transition> history(domain::TrajectoryId id) = 0;
};

class SessionRepository {
public:
    virtual ~SessionRepository() = default;
    virtual domain::SessionId add(const domain::Session& s) = 0;
    virtual std::vector<domain::Session> for_trajectory(domain::TrajectoryId id) = 0;
    /// A member's sessions dated from..to (inclusive).
    virtual std::vector<domain::Session> for_member(domain::MemberId member, calendar::Date from,
                                                    calendar::Date to) = 0;
    virtual std::size_t count() = 0;

    virtual domain::SignalId add_signal(const domain::Signal& s) = 0;
    /// Signals not yet handled, oldest first.
    virtual std::vector<domain::Signal> open_signals() = 0;
    virtual std::vector<domain::Signal> signals(domain::TrajectoryId id) = 0;
};

class MeasurementRepository {
public:
    virtual ~MeasurementRepository() = default;
    virtual domain::TestResultId add_result(const domain::TestResult& r) = 0;
    virtual std::vector<domain::TestResult> results(domain::TrajectoryId id) = 0;

    virtual domain::GoalId add_goal(const domain::Goal& g) = 0;
    virtual std::vector<domain::Goal> goals(domain::TrajectoryId id) = 0;
    virtual std::optional<domain::Goal> goal(domain::GoalId id) = 0;
    virtual void add_rating(const domain::GoalRating& r) = 0;
    virtual std::vector<domain::GoalRating> ratings(domain::TrajectoryId id) = 0;
};

/// The access team's findings and decisions. Both are append-only: a new onderzoek or decision
/// supersedes an older one without changing it.
class DecisionRepository {
public:
    virtual ~DecisionRepository() = default;
    virtual domain::OnderzoekId add_findings(const domain::OnderzoekFindings& f) = 0;
    /// The client's newest findings: the latest recorded_on, then the highest id.
    virtual std::optional<domain::OnderzoekFindings> latest_findings(domain::ClientId client) = 0;
    /// All of a client's findings, oldest first.
    virtual std::vector<domain::OnderzoekFindings> findings(domain::ClientId client) = 0;

    virtual domain::DecisionId add(const domain::RecordedDecision& d) = 0;
    virtual std::optional<domain::RecordedDecision> find(domain::DecisionId id) = 0;
    /// A client's decisions, oldest first.
    virtual std::vector<domain::RecordedDecision> for_client(domain::ClientId client) = 0;
    virtual std::size_t count() = 0;
};

}  // namespace reable::storage
