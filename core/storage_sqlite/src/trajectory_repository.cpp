#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

using namespace domain;

namespace {

std::optional<Closure> parse_closure(std::string_view code)
{
    for (Closure c : {Closure::completed, Closure::early, Closure::dropout})
        if (to_string(c) == code) return c;
    return std::nullopt;
}

Trajectory read_trajectory(const Statement& s)
{
    Trajectory t;
    t.id = TrajectoryId{s.integer(0)};
    t.client = ClientId{s.integer(1)};
    if (const auto m = s.optional_integer(2)) t.melding = MeldingId{*m};
    t.template_id = s.text(3);
    t.template_version = s.text(4);
    t.start = read_date(s, 5);
    t.state = read_code<TrajectoryState>(s, 6, parse_trajectory_state, "trajectory state");
    t.ended_on = read_optional_date(s, 7);
    if (!s.is_null(8)) t.closure = read_code<Closure>(s, 8, parse_closure, "closure");
    t.end_reason = s.text(9);
    if (!s.is_null(10)) t.end_reason_code = read_code<EndReason>(s, 10, parse_end_reason, "end reason code");
    return t;
}

}  // namespace

TrajectoryId SqliteTrajectoryRepository::add(const Trajectory& t)
{
    StatementUse s(m_db.cached("INSERT INTO trajectory (client_id, melding_id, template_id, template_version, "
                               "start_date, state) VALUES (?, ?, ?, ?, ?, ?)"));
    s->bind(1, t.client.value)
        .bind(2, t.melding ? std::optional<std::int64_t>(t.melding->value) : std::nullopt)
        .bind(3, t.template_id)
        .bind(4, t.template_version);
    bind_date(*s, 5, t.start);
    s->bind(6, to_string(t.state)).run();
    const TrajectoryId id{m_db.last_insert_id()};

    StatementUse member(
        m_db.cached("INSERT INTO trajectory_member (trajectory_id, discipline, member_id) VALUES (?, ?, ?)"));
    for (const CareAssignment& a : t.team)
        member->bind(1, id.value).bind(2, to_string(a.discipline)).bind(3, a.member.value).run();
    return id;
}

std::vector<Trajectory> SqliteTrajectoryRepository::query(std::string_view where, std::int64_t key)
{
    Statement& s = m_db.cached("SELECT id, client_id, melding_id, template_id, template_version, start_date, state, "
                               "ended_on, closure, end_reason, end_reason_code FROM trajectory " +
                               std::string(where) + " ORDER BY id");
    if (where.find('?') != std::string_view::npos) s.bind(1, key);
    std::vector<Trajectory> out = all_rows(s, read_trajectory);
    read_teams(out);
    return out;
}

void SqliteTrajectoryRepository::read_teams(std::vector<Trajectory>& trajectories)
{
    Statement& team = m_db.cached(
        "SELECT discipline, member_id FROM trajectory_member WHERE trajectory_id = ? ORDER BY discipline");
    for (Trajectory& t : trajectories) {
        team.bind(1, t.id.value);
        t.team = all_rows(team, [](const Statement& r) {
            return CareAssignment{read_code<Discipline>(r, 0, parse_discipline, "discipline"), MemberId{r.integer(1)}};
        });
    }
}

namespace {

/// The filters of a TrajectoryQuery as one WHERE clause with numbered parameters ?1..?8, shared by
/// the list and its count.
constexpr std::string_view k_trajectory_filter =
    "FROM trajectory t JOIN client c ON c.id = t.client_id JOIN area a ON a.id = c.area_id "
    "WHERE (?1 IS NULL OR t.client_id = ?1) "
    "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM trajectory_member tm JOIN member m ON m.id = tm.member_id "
    "WHERE tm.trajectory_id = t.id AND m.team_id = ?2)) "
    "AND (?3 IS NULL OR a.municipality_id = ?3) AND (?4 IS NULL OR c.area_id = ?4) "
    "AND (?5 IS NULL OR t.state = ?5) AND (?6 = 0 OR t.state NOT IN ('closed', 'dropped_out')) "
    "AND (?7 IS NULL OR t.start_date >= ?7) AND (?8 IS NULL OR t.start_date <= ?8) ";

void bind_trajectory_filter(Statement& s, const storage::TrajectoryQuery& q)
{
    s.bind(1, optional_id(q.client))
        .bind(2, optional_id(q.team))
        .bind(3, optional_id(q.municipality))
        .bind(4, optional_id(q.area))
        .bind(5, q.state ? std::optional<std::string>(std::string(to_string(*q.state))) : std::nullopt)
        .bind(6, q.open_only ? 1 : 0);
    bind_date(s, 7, q.started_from);
    bind_date(s, 8, q.started_to);
}

}  // namespace

storage::PageOf<Trajectory> SqliteTrajectoryRepository::page(const storage::TrajectoryQuery& q)
{
    storage::PageOf<Trajectory> out;
    Statement& s = m_db.cached("SELECT t.id, t.client_id, t.melding_id, t.template_id, t.template_version, "
                               "t.start_date, t.state, t.ended_on, t.closure, t.end_reason, t.end_reason_code " +
                               std::string(k_trajectory_filter) + "ORDER BY t.id LIMIT ?9 OFFSET ?10");
    bind_trajectory_filter(s, q);
    s.bind(9, static_cast<std::int64_t>(q.page.limit)).bind(10, static_cast<std::int64_t>(q.page.offset));
    out.items = all_rows(s, read_trajectory);
    read_teams(out.items);

    Statement& count = m_db.cached("SELECT count(*) " + std::string(k_trajectory_filter));
    bind_trajectory_filter(count, q);
    StatementUse use(count);
    count.step();
    out.total = static_cast<std::size_t>(count.integer(0));
    return out;
}

std::optional<Trajectory> SqliteTrajectoryRepository::find(TrajectoryId id)
{
    if (const auto cached = m_trajectories.find(id.value); cached != m_trajectories.end()) return cached->second;
    std::vector<Trajectory> found = query("WHERE id = ?", id.value);
    if (found.empty()) return std::nullopt;
    return m_trajectories.emplace(id.value, std::move(found.front())).first->second;
}

std::vector<Trajectory> SqliteTrajectoryRepository::for_client(ClientId client)
{
    return query("WHERE client_id = ?", client.value);
}

std::vector<Trajectory> SqliteTrajectoryRepository::open()
{
    return query("WHERE state NOT IN ('closed', 'dropped_out')", 0);
}

std::vector<Trajectory> SqliteTrajectoryRepository::for_member(MemberId member)
{
    return query("WHERE id IN (SELECT trajectory_id FROM trajectory_member WHERE member_id = ?)", member.value);
}

void SqliteTrajectoryRepository::record_transition(const Trajectory& updated, const Transition& t)
{
    m_trajectories.erase(updated.id.value);
    StatementUse s(m_db.cached("UPDATE trajectory SET state = ?, ended_on = ?, closure = ?, end_reason = ?, "
                               "end_reason_code = ? WHERE id = ?"));
    s->bind(1, to_string(updated.state));
    bind_date(*s, 2, updated.ended_on);
    s->bind(3, updated.closure ? std::optional<std::string>(std::string(to_string(*updated.closure))) : std::nullopt)
        .bind(4, updated.end_reason)
        .bind(5, updated.end_reason_code
                     ? std::optional<std::string>(std::string(to_string(*updated.end_reason_code)))
                     : std::nullopt)
        .bind(6, updated.id.value)
        .run();

    StatementUse h(m_db.cached("INSERT INTO trajectory_transition (trajectory_id, from_state, to_state, on_date, "
                               "reason) VALUES (?, ?, ?, ?, ?)"));
    h->bind(1, updated.id.value).bind(2, to_string(t.from)).bind(3, to_string(t.to));
    bind_date(*h, 4, t.on);
    h->bind(5, t.reason).run();
}

std::vector<Transition> SqliteTrajectoryRepository::history(TrajectoryId id)
{
    Statement& s = m_db.cached("SELECT from_state, to_state, on_date, reason FROM trajectory_transition "
                               "WHERE trajectory_id = ? ORDER BY id");
    s.bind(1, id.value);
    return all_rows(s, [](const Statement& r) {
        return Transition{read_code<TrajectoryState>(r, 0, parse_trajectory_state, "trajectory state"),
                          read_code<TrajectoryState>(r, 1, parse_trajectory_state, "trajectory state"),
                          read_date(r, 2), r.text(3)};
    });
}

}  // namespace reable::storage_sqlite
