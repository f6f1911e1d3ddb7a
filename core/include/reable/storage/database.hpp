#pragma once

#include "reable/storage/export_reader.hpp"
#include "reable/storage/repositories.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace reable::storage {

/// One transaction with the repositories bound to it. Nothing is visible to others until
/// commit(); destroying an uncommitted unit of work rolls everything back, so a failed request
/// writes nothing.
class UnitOfWork {
public:
    virtual ~UnitOfWork() = default;
    virtual OrganisationRepository& organisation() = 0;
    virtual ClientRepository& clients() = 0;
    virtual TrajectoryRepository& trajectories() = 0;
    virtual SessionRepository& sessions() = 0;
    virtual MeasurementRepository& measurements() = 0;
    virtual DecisionRepository& decisions() = 0;
    virtual UserRepository& users() = 0;
    virtual AuditRepository& audit() = 0;
    virtual ExportReader& exports() = 0;
    /// Makes the work durable (with the default durability: on disk when this returns).
    virtual void commit() = 0;

    /// Savepoints let several independent requests share one transaction (and one commit): each
    /// runs between savepoint() and release_savepoint(), and a failing one is undone alone with
    /// rollback_to_savepoint() (which also releases it). Not nested.
    virtual void savepoint() = 0;
    virtual void release_savepoint() = 0;
    virtual void rollback_to_savepoint() = 0;
};

struct AppliedMigration {
    int version = 0;
    std::string name;
    std::string applied_at;  ///< UTC, ISO 8601
};

struct SchemaStatus {
    int version = 0;         ///< the schema version of the database
    int latest = 0;          ///< the newest version this program knows
    std::vector<AppliedMigration> applied;
    std::vector<std::string> pending;  ///< "0002_trajectories_and_sessions"
};

/// A store of record. Opening it never changes the schema; migrate() does.
class Database {
public:
    virtual ~Database() = default;
    /// A transaction that will write (it takes the write lock at once, so it cannot fail halfway
    /// for a lock held by another writer).
    virtual std::unique_ptr<UnitOfWork> write() = 0;
    /// A transaction that only reads, seeing one consistent snapshot.
    virtual std::unique_ptr<UnitOfWork> read() = 0;
    virtual SchemaStatus status() = 0;
    /// Bytes on disk: the database file and its write-ahead log.
    virtual std::uint64_t size_bytes() = 0;
    /// Applies the pending migrations in order, each in its own transaction. Returns how many.
    virtual int migrate() = 0;
    /// Copies the live database to `target` (a new file) while others keep working, then checks
    /// the copy. Throws Error{storage_failure} when the copy fails its integrity check.
    virtual void backup(const std::filesystem::path& target) = 0;
    /// Replaces the contents with those of a backup after checking it (integrity, schema version).
    virtual void restore(const std::filesystem::path& source) = 0;
};

}  // namespace reable::storage
