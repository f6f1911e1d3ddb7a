#include "export_reader.hpp"

#include "row_codec.hpp"

#include "reable/error.hpp"

#include <functional>

namespace reable::storage_sqlite {
namespace {

using namespace storage;

// The cohort: trajectory t of client c, narrowed by the filter's four parameters (?1 … ?4, NULL
// when not given). Every export query starts from it, so all of them cover the same trajectories.
constexpr std::string_view k_cohort = R"(
  FROM trajectory t JOIN client c ON c.id = t.client_id
)";
constexpr std::string_view k_cohort_filter = R"(
  WHERE (?1 IS NULL OR t.start_date >= ?1) AND (?2 IS NULL OR t.start_date <= ?2)
    AND (?3 IS NULL OR c.area_id = ?3)
    AND (?4 IS NULL OR EXISTS (SELECT 1 FROM trajectory_member tm JOIN member m ON m.id = tm.member_id
                               WHERE tm.trajectory_id = t.id AND m.team_id = ?4))
)";

std::string cohort_query(std::string_view select, std::string_view joins, std::string_view order)
{
    std::string sql(select);
    sql += k_cohort;
    sql += joins;
    sql += k_cohort_filter;
    sql += order;
    return sql;
}

void bind_filter(Statement& s, const ExportFilter& f)
{
    bind_date(s, 1, f.from);
    bind_date(s, 2, f.to);
    s.bind(3, f.area ? std::optional<std::int64_t>(f.area->value) : std::nullopt);
    s.bind(4, f.team ? std::optional<std::int64_t>(f.team->value) : std::nullopt);
}

/// A cursor over its own statement (not the connection's cache: several cursors are open at once).
template <class Row>
class StatementCursor final : public Cursor<Row> {
public:
    using Reader = std::function<void(const Statement&, Row&)>;
    StatementCursor(Connection& db, const std::string& sql, const ExportFilter& filter, Reader read)
        : m_statement(db.handle(), sql), m_read(std::move(read))
    {
        bind_filter(m_statement, filter);
    }
    bool next(Row& row) override
    {
        if (!m_statement.step()) return false;
        m_read(m_statement, row);
        return true;
    }

private:
    Statement m_statement;
    Reader m_read;
};

std::optional<int> optional_int(const Statement& s, int column)
{
    const auto v = s.optional_integer(column);
    return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

void read_trajectory(const Statement& s, ExportTrajectory& row)
{
    row.trajectory = domain::TrajectoryId{s.integer(0)};
    row.client = domain::ClientId{s.integer(1)};
    row.ordinal = static_cast<int>(s.integer(2));
    row.template_id = s.text(3);
    row.template_version = s.text(4);
    row.start = read_date(s, 5);
    row.state = read_code<domain::TrajectoryState>(s, 6, domain::parse_trajectory_state, "trajectory.state");
    row.ended_on = read_optional_date(s, 7);
    row.closure.reset();
    if (const auto closure = s.optional_text(8)) {
        if (*closure == "completed") row.closure = domain::Closure::completed;
        else if (*closure == "early") row.closure = domain::Closure::early;
        else if (*closure == "dropout") row.closure = domain::Closure::dropout;
        else throw_unknown_code("trajectory.closure", *closure);
    }
    row.end_reason_code = s.optional_text(9).value_or("");
    row.birth_date = read_date(s, 10);
    row.sex = read_code<domain::Sex>(s, 11, domain::parse_sex, "client.sex");
    row.household = read_code<domain::Household>(s, 12, domain::parse_household, "client.household");
    row.dwelling = read_code<domain::Dwelling>(s, 13, domain::parse_dwelling, "client.dwelling");
    row.area = domain::AreaId{s.integer(14)};
    row.area_name = s.text(15);
    const auto team = s.optional_integer(16);
    row.team = team ? std::optional<domain::TeamId>(domain::TeamId{*team}) : std::nullopt;
    row.team_name = s.optional_text(17).value_or("");
    row.melding_on = read_optional_date(s, 18);
    row.hh_minutes_requested = optional_int(s, 19);
}

// The melding of a trajectory: the one it was started from, else the client's latest melding
// received on or before the start.
constexpr std::string_view k_trajectory_select = R"(
SELECT t.id, t.client_id,
       (SELECT count(*) FROM trajectory o
         WHERE o.client_id = t.client_id AND (o.start_date < t.start_date OR (o.start_date = t.start_date AND o.id <= t.id))),
       t.template_id, t.template_version, t.start_date, t.state, t.ended_on, t.closure, t.end_reason_code,
       c.birth_date, c.sex, c.household, c.dwelling, c.area_id, a.name, te.id, te.name,
       mel.received_on, mel.hh_minutes_requested
)";
constexpr std::string_view k_trajectory_joins = R"(
  JOIN area a ON a.id = c.area_id
  LEFT JOIN team te ON te.id = (SELECT min(m.team_id) FROM trajectory_member tm JOIN member m ON m.id = tm.member_id
                                 WHERE tm.trajectory_id = t.id)
  LEFT JOIN melding mel ON mel.id = coalesce(t.melding_id,
      (SELECT ml.id FROM melding ml WHERE ml.client_id = t.client_id AND ml.received_on <= t.start_date
        ORDER BY ml.received_on DESC, ml.id DESC LIMIT 1))
)";

// A result's items (part 0: every trial of each item) and then its scores (part 1), flattened by
// SQLite's JSON functions so that no JSON is parsed outside the database. Test results are read
// through their (trajectory_id, occasion, instrument_id) index, so no sort is needed.
constexpr std::string_view k_values_select = R"(
SELECT r.trajectory_id, r.occasion, r.instrument_id, r.instrument_version, r.discipline, r.tested_on,
       p.part, v.key, tr.key, coalesce(tr.type, v.type), coalesce(tr.atom, v.atom)
)";
constexpr std::string_view k_values_joins = R"(
  JOIN test_result r ON r.trajectory_id = t.id
  JOIN (SELECT 0 AS part UNION ALL SELECT 1 AS part) p
  JOIN json_each(CASE p.part WHEN 0 THEN r.inputs_json ELSE r.scores_json END,
                 CASE p.part WHEN 0 THEN '$.items' ELSE '$.scores' END) v
  LEFT JOIN json_each(CASE WHEN v.type = 'array' THEN v.value END) tr
)";

void read_value(const Statement& s, ExportValue& row)
{
    row.trajectory = domain::TrajectoryId{s.integer(0)};
    row.occasion = s.text(1);
    row.instrument_id = s.text(2);
    row.instrument_version = s.text(3);
    row.discipline = s.text(4);
    row.tested_on = read_date(s, 5);
    row.is_item = s.integer(6) == 0;
    row.variable = s.text(7);
    row.trial = row.is_item ? static_cast<int>(s.integer(8)) + 1 : 0;
    const std::string type = s.text(9);
    row.number.clear();
    row.code.clear();
    if (type == "integer" || type == "real") row.number = s.text(10);
    else if (!s.is_null(10)) row.code = s.text(10);
}

void read_decision(const Statement& s, ExportDecision& row)
{
    row.trajectory = domain::TrajectoryId{s.integer(0)};
    row.decided_on = read_date(s, 1);
    row.kind = s.text(2);
    row.outcome = s.text(3);
    row.minutes_per_week = s.optional_text(4);
    row.starts_on = read_optional_date(s, 5);
    row.ends_on = read_optional_date(s, 6);
    row.policy_id = s.text(7);
    row.policy_version = s.text(8);
}

void read_session(const Statement& s, ExportSession& row)
{
    row.trajectory = domain::TrajectoryId{s.integer(0)};
    row.session = domain::SessionId{s.integer(1)};
    row.discipline = s.text(2);
    row.date = read_date(s, 3);
    row.minutes = static_cast<int>(s.integer(4));
    row.kind = s.text(5);
    row.attendance = s.text(6);
}

void read_goal(const Statement& s, ExportGoal& row)
{
    row.trajectory = domain::TrajectoryId{s.integer(0)};
    row.goal = domain::GoalId{s.integer(1)};
    row.number = static_cast<int>(s.integer(2));
    row.importance = static_cast<int>(s.integer(3));
    row.set_on = read_date(s, 4);
    row.occasion = s.optional_text(5).value_or("");
    row.performance = optional_int(s, 6);
    row.satisfaction = optional_int(s, 7);
    row.rated_on = read_optional_date(s, 8);
}

}  // namespace

std::size_t SqliteExportReader::count_trajectories(const ExportFilter& filter)
{
    Statement s(m_db.handle(), cohort_query("SELECT count(*)", "", ""));
    bind_filter(s, filter);
    s.step();
    return static_cast<std::size_t>(s.integer(0));
}

std::size_t SqliteExportReader::count_clients(const ExportFilter& filter)
{
    Statement s(m_db.handle(), cohort_query("SELECT count(DISTINCT t.client_id)", "", ""));
    bind_filter(s, filter);
    s.step();
    return static_cast<std::size_t>(s.integer(0));
}

std::unique_ptr<Cursor<ExportTrajectory>> SqliteExportReader::trajectories(const ExportFilter& filter)
{
    return std::make_unique<StatementCursor<ExportTrajectory>>(
        m_db, cohort_query(k_trajectory_select, k_trajectory_joins, " ORDER BY t.id"), filter, read_trajectory);
}

std::unique_ptr<Cursor<ExportValue>> SqliteExportReader::values(const ExportFilter& filter, bool scores_only)
{
    std::string joins(k_values_joins);
    if (scores_only) {
        const std::string both = "(SELECT 0 AS part UNION ALL SELECT 1 AS part)";
        joins.replace(joins.find(both), both.size(), "(SELECT 1 AS part)");
    }
    return std::make_unique<StatementCursor<ExportValue>>(
        m_db, cohort_query(k_values_select, joins, " ORDER BY t.id, r.occasion, r.instrument_id"), filter, read_value);
}

std::unique_ptr<Cursor<ExportDecision>> SqliteExportReader::decisions(const ExportFilter& filter)
{
    return std::make_unique<StatementCursor<ExportDecision>>(
        m_db,
        cohort_query("SELECT t.id, d.decided_on, d.kind, d.outcome, d.minutes_per_week, d.starts_on, d.ends_on, "
                     "d.policy_id, d.policy_version",
                     " JOIN decision d ON d.client_id = t.client_id", " ORDER BY t.id, d.decided_on, d.id"),
        filter, read_decision);
}

std::unique_ptr<Cursor<ExportSession>> SqliteExportReader::sessions(const ExportFilter& filter)
{
    return std::make_unique<StatementCursor<ExportSession>>(
        m_db,
        cohort_query("SELECT t.id, s.id, s.discipline, s.session_date, s.minutes, s.kind, s.attendance",
                     " JOIN session s ON s.trajectory_id = t.id", " ORDER BY t.id, s.session_date, s.id"),
        filter, read_session);
}

std::unique_ptr<Cursor<ExportGoal>> SqliteExportReader::goals(const ExportFilter& filter)
{
    return std::make_unique<StatementCursor<ExportGoal>>(
        m_db,
        cohort_query("SELECT t.id, g.id, (SELECT count(*) FROM copm_goal g2 WHERE g2.trajectory_id = g.trajectory_id "
                     "AND g2.id <= g.id), g.importance, g.set_on, cr.occasion, cr.performance, cr.satisfaction, "
                     "cr.rated_on",
                     " JOIN copm_goal g ON g.trajectory_id = t.id LEFT JOIN copm_rating cr ON cr.goal_id = g.id",
                     " ORDER BY t.id, g.id, cr.rated_on, cr.occasion"),
        filter, read_goal);
}

std::vector<ExportColumnSource> SqliteExportReader::column_sources(const ExportFilter& filter)
{
    Statement s(m_db.handle(),
                cohort_query("SELECT DISTINCT r.instrument_id, r.instrument_version, r.occasion",
                             " JOIN test_result r ON r.trajectory_id = t.id", " ORDER BY 1, 2, 3"));
    bind_filter(s, filter);
    std::vector<ExportColumnSource> out;
    while (s.step()) out.push_back({s.text(0), s.text(1), s.text(2)});
    return out;
}

std::int64_t SqliteExportReader::add_run(const ExportRun& run)
{
    Statement& s = m_db.cached(
        "INSERT INTO export_run (started_at, finished_at, user_name, user_role, kind, filters_json, status, "
        "manifest_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    StatementUse use(s);
    s.bind(1, run.started_at).bind(2, run.finished_at).bind(3, run.user_name).bind(4, run.user_role);
    s.bind(5, run.kind).bind(6, run.filters_json).bind(7, run.status).bind(8, run.manifest_json);
    s.step();
    return m_db.last_insert_id();
}

void SqliteExportReader::finish_run(std::int64_t id, const std::string& status, const std::string& finished_at,
                                    const std::string& manifest_json)
{
    Statement& s = m_db.cached("UPDATE export_run SET status = ?, finished_at = ?, manifest_json = ? WHERE id = ?");
    StatementUse use(s);
    s.bind(1, status).bind(2, finished_at).bind(3, manifest_json).bind(4, id);
    s.step();
    if (m_db.changes() != 1) throw Error(ErrorCode::not_found, "export run " + std::to_string(id) + " does not exist");
}

std::optional<ExportRun> SqliteExportReader::run(std::int64_t id)
{
    Statement& s = m_db.cached(
        "SELECT id, started_at, finished_at, user_name, user_role, kind, filters_json, status, manifest_json "
        "FROM export_run WHERE id = ?");
    s.bind(1, id);
    return first_row(s, [](const Statement& r) {
        return ExportRun{r.integer(0), r.text(1), r.optional_text(2), r.text(3), r.text(4),
                         r.text(5),    r.text(6), r.text(7),          r.text(8)};
    });
}

}  // namespace reable::storage_sqlite
