#pragma once

// The narrow interfaces services use to read and write. They speak in domain values; no SQL and
// no row types cross them, so a second adapter (PostgreSQL) can implement them unchanged.
// Absence is std::optional; a broken rule of the stored data (a duplicate, a dangling reference)
// is Error{conflict}; a failing database is Error{storage_failure}.

#include "reable/calendar.hpp"
#include "reable/domain/client.hpp"
#include "reable/domain/audit.hpp"
#include "reable/domain/decision.hpp"
#include "reable/domain/measurement.hpp"
#include "reable/domain/melding.hpp"
#include "reable/domain/onderzoek.hpp"
#include "reable/domain/organisation.hpp"
#include "reable/domain/session.hpp"
#include "reable/domain/trajectory.hpp"
#include "reable/domain/user.hpp"

#include <optional>
#include <string_view>
#include <vector>

namespace reable::storage {

/// A window on a long list: `limit` rows from `offset`, in id order.
struct Page {
    std::size_t offset = 0;
    std::size_t limit = 50;
};

/// One page of a list and the number of rows that match in all.
template <class T>
struct PageOf {
    std::vector<T> items;
    std::size_t total = 0;
};

/// What decides who may see a client: the municipality of the area the client lives in, and the
/// teams whose members serve (or served) one of the client's trajectories.
struct ClientScope {
    domain::MunicipalityId municipality;
    std::vector<domain::TeamId> teams;
};

/// Filters for a client list; each one given narrows it.
struct ClientQuery {
    std::optional<domain::AreaId> area;
    std::optional<domain::MunicipalityId> municipality;
    std::optional<domain::TeamId> team;  ///< clients with a trajectory the team serves
    Page page;
};

/// Filters for the meldingen of many clients (an access team's work list); each one given
/// narrows it.
struct MeldingQuery {
    std::optional<domain::MunicipalityId> municipality;
    std::optional<domain::TeamId> team;  ///< clients with a trajectory the team serves
    bool open_only = true;               ///< not yet decided
    Page page;
};

/// Filters for a trajectory list; each one given narrows it.
struct TrajectoryQuery {
    std::optional<domain::ClientId> client;
    std::optional<domain::TeamId> team;
    std::optional<domain::MunicipalityId> municipality;
    std::optional<domain::AreaId> area;
    std::optional<domain::TrajectoryState> state;
    bool open_only = false;  ///< not closed and not dropped out
    std::optional<calendar::Date> started_from;  ///< start date on or after
    std::optional<calendar::Date> started_to;    ///< start date on or before
    Page page;
};

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
    virtual PageOf<domain::Client> page(const ClientQuery& query) = 0;
    virtual std::size_t count() = 0;
    /// nullopt when the client does not exist.
    virtual std::optional<ClientScope> scope(domain::ClientId id) = 0;

    virtual domain::MeldingId add_melding(const domain::Melding& m) = 0;
    virtual std::optional<domain::Melding> melding(domain::MeldingId id) = 0;
    virtual void update_melding(const domain::Melding& m) = 0;
    virtual std::vector<domain::Melding> meldingen(std::optional<domain::ClientId> client) = 0;
    /// A page of the meldingen the query admits, in deadline order: by the earliest due date of a
    /// legal deadline not yet met (domain::deadlines), so the overdue ones come first, the most
    /// overdue first; meldingen with every deadline met last; then by id.
    virtual PageOf<domain::Melding> melding_page(const MeldingQuery& query) = 0;
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
    virtual PageOf<domain::Trajectory> page(const TrajectoryQuery& query) = 0;
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

/// Users and their bearer tokens.
class UserRepository {
public:
    virtual ~UserRepository() = default;
    /// Error{conflict} when the username is taken.
    virtual domain::UserId add(const domain::User& u) = 0;
    virtual std::optional<domain::User> find(domain::UserId id) = 0;
    virtual std::optional<domain::User> by_username(std::string_view username) = 0;
    virtual std::vector<domain::User> list() = 0;
    virtual void set_password(domain::UserId id, const std::string& password_hash) = 0;
    virtual void set_active(domain::UserId id, bool active) = 0;

    virtual void add_token(const domain::TokenRecord& t) = 0;
    virtual std::optional<domain::TokenRecord> token(std::string_view digest) = 0;
    virtual void revoke_token(std::string_view digest, const std::string& at) = 0;
    /// Revokes every live token of the user (a new password, a disabled account). Returns how many.
    virtual int revoke_tokens(domain::UserId id, const std::string& at) = 0;
};

/// The NEN 7513 audit log: append-only and hash-chained.
class AuditRepository {
public:
    virtual ~AuditRepository() = default;
    /// Appends the event after the newest one: sets its id, prev_hash and hash, and returns it.
    /// Runs inside the caller's write transaction, which holds the write lock, so the chain
    /// cannot fork.
    virtual domain::AuditEvent append(domain::AuditEvent event) = 0;
    /// A client's events, newest first.
    virtual PageOf<domain::AuditEvent> for_client(domain::ClientId client, Page page) = 0;
    /// Up to `limit` events with an id above `after`, oldest first: for walking the whole log.
    virtual std::vector<domain::AuditEvent> after(std::int64_t after, std::size_t limit) = 0;
    virtual std::size_t count() = 0;
};

}  // namespace reable::storage
