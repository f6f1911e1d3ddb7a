#include "unit_of_work.hpp"

#include "reable/error.hpp"

namespace reable::storage_sqlite {

SqliteUnitOfWork::SqliteUnitOfWork(Connection& db, bool write)
    : m_db(db), m_organisation(db), m_clients(db), m_trajectories(db), m_sessions(db), m_measurements(db),
      m_decisions(db), m_users(db), m_audit(db)
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

}  // namespace reable::storage_sqlite
