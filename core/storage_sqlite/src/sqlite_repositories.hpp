#pragma once

// The SQLite implementations of the repository interfaces. Each works on the connection of the
// unit of work that owns it; statements are prepared once per connection and reused.

#include "reable/storage/repositories.hpp"
#include "sqlite_connection.hpp"

#include <unordered_map>

namespace reable::storage_sqlite {

class SqliteOrganisationRepository final : public storage::OrganisationRepository {
public:
    explicit SqliteOrganisationRepository(Connection& c) : m_db(c) {}
    domain::MunicipalityId add_municipality(const domain::Municipality& m) override;
    std::optional<domain::Municipality> municipality_by_code(std::string_view code) override;
    std::vector<domain::Municipality> municipalities() override;
    domain::AreaId add_area(const domain::Area& a) override;
    std::optional<domain::Area> area(domain::AreaId id) override;
    std::optional<domain::Area> area_by_name(domain::MunicipalityId m, std::string_view name) override;
    std::vector<domain::Area> areas(domain::MunicipalityId m) override;
    domain::TeamId add_team(const domain::Team& t) override;
    std::optional<domain::Team> team(domain::TeamId id) override;
    std::optional<domain::Team> team_by_name(domain::MunicipalityId m, std::string_view name) override;
    std::vector<domain::Team> teams() override;
    domain::MemberId add_member(const domain::Member& m) override;
    std::optional<domain::Member> member(domain::MemberId id) override;
    std::vector<domain::Member> members(std::optional<domain::TeamId> team) override;
    void set_member_active(domain::MemberId id, bool active) override;
    void forget_cached() { m_members.clear(); }

private:
    Connection& m_db;
    /// Members read in this unit of work. A repository lives for one transaction, in which only
    /// it changes members, so the cache cannot go stale; bulk logging reads the same few members
    /// for every row.
    std::unordered_map<std::int64_t, domain::Member> m_members;
};

class SqliteClientRepository final : public storage::ClientRepository {
public:
    explicit SqliteClientRepository(Connection& c) : m_db(c) {}
    domain::ClientId add(const domain::Client& c, const domain::ClientIdentity& identity) override;
    std::optional<domain::Client> find(domain::ClientId id) override;
    std::optional<domain::ClientIdentity> identity(domain::ClientId id) override;
    std::optional<domain::ClientId> find_by_bsn(const domain::Bsn& bsn) override;
    std::vector<domain::Client> list(std::optional<domain::AreaId> area) override;
    storage::PageOf<domain::Client> page(const storage::ClientQuery& query) override;
    std::size_t count() override;
    std::optional<storage::ClientScope> scope(domain::ClientId id) override;
    domain::MeldingId add_melding(const domain::Melding& m) override;
    std::optional<domain::Melding> melding(domain::MeldingId id) override;
    void update_melding(const domain::Melding& m) override;
    std::vector<domain::Melding> meldingen(std::optional<domain::ClientId> client) override;
    storage::PageOf<domain::Melding> melding_page(const storage::MeldingQuery& query) override;
    void forget_cached() { m_clients.clear(); }

private:
    std::vector<domain::InformalCarer> carers(domain::ClientId id);
    Connection& m_db;
    /// Clients read in this unit of work (clients are only ever added, never changed, here).
    std::unordered_map<std::int64_t, domain::Client> m_clients;
};

class SqliteTrajectoryRepository final : public storage::TrajectoryRepository {
public:
    explicit SqliteTrajectoryRepository(Connection& c) : m_db(c) {}
    domain::TrajectoryId add(const domain::Trajectory& t) override;
    std::optional<domain::Trajectory> find(domain::TrajectoryId id) override;
    std::vector<domain::Trajectory> for_client(domain::ClientId client) override;
    std::vector<domain::Trajectory> open() override;
    std::vector<domain::Trajectory> for_member(domain::MemberId member) override;
    storage::PageOf<domain::Trajectory> page(const storage::TrajectoryQuery& query) override;
    void record_transition(const domain::Trajectory& updated, const domain::Transition& t) override;
    std::vector<domain::Transition> history(domain::TrajectoryId id) override;
    void forget_cached() { m_trajectories.clear(); }

private:
    std::vector<domain::Trajectory> query(std::string_view where, std::int64_t key);
    void read_teams(std::vector<domain::Trajectory>& trajectories);
    Connection& m_db;
    /// Trajectories read in this unit of work, by id; record_transition() drops its entry. Safe
    /// for the same reason as the member cache: one repository per transaction.
    std::unordered_map<std::int64_t, domain::Trajectory> m_trajectories;
};

class SqliteSessionRepository final : public storage::SessionRepository {
public:
    explicit SqliteSessionRepository(Connection& c) : m_db(c) {}
    domain::SessionId add(const domain::Session& s) override;
    std::vector<domain::Session> for_trajectory(domain::TrajectoryId id) override;
    std::vector<domain::Session> for_member(domain::MemberId member, calendar::Date from,
                                            calendar::Date to) override;
    std::size_t count() override;
    domain::SignalId add_signal(const domain::Signal& s) override;
    std::vector<domain::Signal> open_signals() override;
    std::vector<domain::Signal> signals(domain::TrajectoryId id) override;

private:
    /// Reads the sessions `s` selects, and their goals from `goals` (rows of session_id, goal_id).
    std::vector<domain::Session> read_sessions(Statement& s, Statement& goals);
    std::vector<domain::Signal> read_signals(Statement& s);
    Connection& m_db;
};

class SqliteMeasurementRepository final : public storage::MeasurementRepository {
public:
    explicit SqliteMeasurementRepository(Connection& c) : m_db(c) {}
    domain::TestResultId add_result(const domain::TestResult& r) override;
    std::vector<domain::TestResult> results(domain::TrajectoryId id) override;
    domain::GoalId add_goal(const domain::Goal& g) override;
    std::vector<domain::Goal> goals(domain::TrajectoryId id) override;
    std::optional<domain::Goal> goal(domain::GoalId id) override;
    void add_rating(const domain::GoalRating& r) override;
    std::vector<domain::GoalRating> ratings(domain::TrajectoryId id) override;

private:
    Connection& m_db;
};

class SqliteDecisionRepository final : public storage::DecisionRepository {
public:
    explicit SqliteDecisionRepository(Connection& c) : m_db(c) {}
    domain::OnderzoekId add_findings(const domain::OnderzoekFindings& f) override;
    std::optional<domain::OnderzoekFindings> latest_findings(domain::ClientId client) override;
    std::vector<domain::OnderzoekFindings> findings(domain::ClientId client) override;
    domain::DecisionId add(const domain::RecordedDecision& d) override;
    std::optional<domain::RecordedDecision> find(domain::DecisionId id) override;
    std::vector<domain::RecordedDecision> for_client(domain::ClientId client) override;
    std::size_t count() override;

private:
    Connection& m_db;
};

class SqliteUserRepository final : public storage::UserRepository {
public:
    explicit SqliteUserRepository(Connection& c) : m_db(c) {}
    domain::UserId add(const domain::User& u) override;
    std::optional<domain::User> find(domain::UserId id) override;
    std::optional<domain::User> by_username(std::string_view username) override;
    std::vector<domain::User> list() override;
    void set_password(domain::UserId id, const std::string& password_hash) override;
    void set_active(domain::UserId id, bool active) override;
    void add_token(const domain::TokenRecord& t) override;
    std::optional<domain::TokenRecord> token(std::string_view digest) override;
    void revoke_token(std::string_view digest, const std::string& at) override;
    int revoke_tokens(domain::UserId id, const std::string& at) override;

private:
    Connection& m_db;
};

class SqliteAuditRepository final : public storage::AuditRepository {
public:
    explicit SqliteAuditRepository(Connection& c) : m_db(c) {}
    domain::AuditEvent append(domain::AuditEvent event) override;
    storage::PageOf<domain::AuditEvent> for_client(domain::ClientId client, storage::Page page) override;
    std::vector<domain::AuditEvent> after(std::int64_t after, std::size_t limit) override;
    std::size_t count() override;

private:
    Connection& m_db;
};

}  // namespace reable::storage_sqlite
