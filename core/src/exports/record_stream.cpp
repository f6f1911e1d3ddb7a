#include "reable/exports/record_stream.hpp"

namespace reable::exports {
namespace {

/// A cursor with one row of look-ahead: the rows of a trajectory are taken while their id matches.
template <class Row>
class Lookahead {
public:
    explicit Lookahead(std::unique_ptr<storage::Cursor<Row>> cursor) : m_cursor(std::move(cursor))
    {
        if (m_cursor) m_has = m_cursor->next(m_row);
    }
    /// Moves the rows of `trajectory` into `out` (cleared first); rows of earlier trajectories
    /// (outside the cohort, which cannot happen with one filter) are skipped.
    void take(domain::TrajectoryId trajectory, std::vector<Row>& out)
    {
        out.clear();
        while (m_has && m_row.trajectory.value < trajectory.value) m_has = m_cursor->next(m_row);
        while (m_has && m_row.trajectory.value == trajectory.value) {
            out.push_back(m_row);
            m_has = m_cursor->next(m_row);
        }
    }

private:
    std::unique_ptr<storage::Cursor<Row>> m_cursor;
    Row m_row{};
    bool m_has = false;
};

template <class Row>
std::unique_ptr<storage::Cursor<Row>> open_if(bool wanted, auto open)
{
    return wanted ? open() : nullptr;
}

}  // namespace

struct RecordStream::Cursors {
    std::unique_ptr<storage::Cursor<storage::ExportTrajectory>> trajectories;
    Lookahead<storage::ExportValue> values;
    Lookahead<storage::ExportDecision> decisions;
    Lookahead<storage::ExportSession> sessions;
    Lookahead<storage::ExportGoal> goals;
};

RecordStream::RecordStream(storage::ExportReader& reader, const storage::ExportFilter& filter, RecordParts parts,
                           const PseudonymKey& key)
    : m_cursors(std::make_unique<Cursors>(Cursors{
          reader.trajectories(filter),
          Lookahead<storage::ExportValue>(
              open_if<storage::ExportValue>(parts.values, [&] { return reader.values(filter, parts.scores_only); })),
          Lookahead<storage::ExportDecision>(
              open_if<storage::ExportDecision>(parts.decisions, [&] { return reader.decisions(filter); })),
          Lookahead<storage::ExportSession>(
              open_if<storage::ExportSession>(parts.sessions, [&] { return reader.sessions(filter); })),
          Lookahead<storage::ExportGoal>(open_if<storage::ExportGoal>(parts.goals, [&] { return reader.goals(filter); })),
      })),
      m_key(key)
{
}

RecordStream::~RecordStream() = default;

bool RecordStream::next(TrajectoryRecord& record)
{
    if (!m_cursors->trajectories->next(record.trajectory)) return false;
    // A client's trajectories usually follow one another: compute its pseudonym once.
    if (record.pseudonym.empty() || record.trajectory.client.value != m_last_client) {
        record.pseudonym = m_key.pseudonym(record.trajectory.client);
        m_last_client = record.trajectory.client.value;
    }
    const domain::TrajectoryId id = record.trajectory.trajectory;
    m_cursors->values.take(id, record.values);
    m_cursors->decisions.take(id, record.decisions);
    m_cursors->sessions.take(id, record.sessions);
    m_cursors->goals.take(id, record.goals);
    return true;
}

}  // namespace reable::exports
