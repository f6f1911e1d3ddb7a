#pragma once

// The cohort one trajectory at a time: the export reader's cursors (each ordered by trajectory
// id) merged, so that a writer sees a trajectory with all its values, decisions, sessions and
// goals together while memory holds no more than that one trajectory.

#include "reable/exports/pseudonym.hpp"
#include "reable/storage/export_reader.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace reable::exports {

/// Which parts of a trajectory a writer needs (cursors not asked for are never opened).
struct RecordParts {
    bool values = false;
    bool scores_only = false;  ///< of the values, only the scores (not the items' trials)
    bool decisions = false;
    bool sessions = false;
    bool goals = false;
};

struct TrajectoryRecord {
    storage::ExportTrajectory trajectory;
    std::string pseudonym;  ///< of the client
    std::vector<storage::ExportValue> values;
    std::vector<storage::ExportDecision> decisions;
    std::vector<storage::ExportSession> sessions;
    std::vector<storage::ExportGoal> goals;
};

class RecordStream {
public:
    RecordStream(storage::ExportReader& reader, const storage::ExportFilter& filter, RecordParts parts,
                 const PseudonymKey& key);
    ~RecordStream();
    RecordStream(const RecordStream&) = delete;
    RecordStream& operator=(const RecordStream&) = delete;

    /// The next trajectory (its vectors replaced); false at the end.
    bool next(TrajectoryRecord& record);

private:
    struct Cursors;
    std::unique_ptr<Cursors> m_cursors;
    const PseudonymKey& m_key;
    std::int64_t m_last_client = 0;
};

}  // namespace reable::exports
