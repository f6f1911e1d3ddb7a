#include "unit_of_work.hpp"

#include "reable/error.hpp"

namespace reable::storage_sqlite {

SqliteUnitOfWork::SqliteUnitOfWork(Connection& db, bool write)
    : m_db(db), m_organisation(db), m_clients(db), m_trajectories(db), m_sessions(db), m_measurements(db),
      m_decisions(db), m_users(db), m_audit(db), m_exports(db)
{
    // Prepared once per connection: a web request opens a transaction every time.
    StatementUse begin(m_db.cached(write ? "BEGIN IMMEDIATE" : "BEGIN"));
    begin->run();
}

SqliteUnitOfWork::~SqliteUnitOfWork()
{
    if (!m_open) return;
    // Rolling back cannot usefully fail: if it did, SQLite has already rolled back itself.
    sqlite3_exec(m_db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void SqliteUnitOfWork::commit()
{
    if (!m_open) throw Error(ErrorCode::internal, "a unit of work was committed twice");
    StatementUse commit(m_db.cached("COMMIT"));
    commit->run();
    m_open = false;
}

void SqliteUnitOfWork::savepoint()
{
    StatementUse s(m_db.cached("SAVEPOINT request"));
    s->run();
}

void SqliteUnitOfWork::release_savepoint()
{
    StatementUse s(m_db.cached("RELEASE request"));
    s->run();
}

void SqliteUnitOfWork::rollback_to_savepoint()
{
    {
        StatementUse s(m_db.cached("ROLLBACK TO request"));
        s->run();
    }
    release_savepoint();
    // Rows the repositories cached may have been rolled back with the savepoint.
    m_organisation.forget_cached();
    m_clients.forget_cached();
    m_trajectories.forget_cached();
}

}  // namespace reable::storage_sqlite
