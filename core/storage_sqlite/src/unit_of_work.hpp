#pragma once

#include "reable/storage/database.hpp"
#include "export_reader.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

/// BEGIN on construction, COMMIT on commit(), ROLLBACK on destruction when not committed.
class SqliteUnitOfWork final : public storage::UnitOfWork {
public:
    /// `write`: BEGIN IMMEDIATE, so the write lock is taken now and a busy database fails here,
    /// before anything was done, rather than halfway through the work.
    SqliteUnitOfWork(Connection& db, bool write);
    ~SqliteUnitOfWork() override;

    storage::OrganisationRepository& organisation() override { return m_organisation; }
    storage::ClientRepository& clients() override { return m_clients; }
    storage::TrajectoryRepository& trajectories() override { return m_trajectories; }
    storage::SessionRepository& sessions() override { return m_sessions; }
    storage::MeasurementRepository& measurements() override { return m_measurements; }
    storage::DecisionRepository& decisions() override { return m_decisions; }
    storage::UserRepository& users() override { return m_users; }
    storage::AuditRepository& audit() override { return m_audit; }
    storage::ExportReader& exports() override { return m_exports; }
    void commit() override;
    void savepoint() override;
    void release_savepoint() override;
    void rollback_to_savepoint() override;

private:
    Connection& m_db;
    bool m_open = true;
    SqliteOrganisationRepository m_organisation;
    SqliteClientRepository m_clients;
    SqliteTrajectoryRepository m_trajectories;
    SqliteSessionRepository m_sessions;
    SqliteMeasurementRepository m_measurements;
    SqliteDecisionRepository m_decisions;
    SqliteUserRepository m_users;
    SqliteAuditRepository m_audit;
    SqliteExportReader m_exports;
};

}  // namespace reable::storage_sqlite
