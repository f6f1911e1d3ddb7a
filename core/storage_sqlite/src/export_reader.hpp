#pragma once

#include "reable/storage/export_reader.hpp"
#include "sqlite_connection.hpp"

namespace reable::storage_sqlite {

/// The export queries. Each cursor owns its own prepared statement (several are open at once,
/// merged by trajectory id), and every query selects ids, dates, codes and numbers only.
class SqliteExportReader final : public storage::ExportReader {
public:
    explicit SqliteExportReader(Connection& c) : m_db(c) {}
    std::size_t count_trajectories(const storage::ExportFilter& filter) override;
    std::size_t count_clients(const storage::ExportFilter& filter) override;
    std::unique_ptr<storage::Cursor<storage::ExportTrajectory>> trajectories(const storage::ExportFilter& filter) override;
    std::unique_ptr<storage::Cursor<storage::ExportValue>> values(const storage::ExportFilter& filter,
                                                                  bool scores_only) override;
    std::unique_ptr<storage::Cursor<storage::ExportDecision>> decisions(const storage::ExportFilter& filter) override;
    std::unique_ptr<storage::Cursor<storage::ExportSession>> sessions(const storage::ExportFilter& filter) override;
    std::unique_ptr<storage::Cursor<storage::ExportGoal>> goals(const storage::ExportFilter& filter) override;
    std::vector<storage::ExportColumnSource> column_sources(const storage::ExportFilter& filter) override;

    std::int64_t add_run(const storage::ExportRun& run) override;
    void finish_run(std::int64_t id, const std::string& status, const std::string& finished_at,
                    const std::string& manifest_json) override;
    std::optional<storage::ExportRun> run(std::int64_t id) override;

private:
    Connection& m_db;
};

}  // namespace reable::storage_sqlite
