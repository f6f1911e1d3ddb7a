#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

using namespace domain;

namespace {

constexpr std::string_view k_session_columns =
    "SELECT id, trajectory_id, member_id, discipline, session_date, minutes, kind, attendance, absence_reason, "
    "activities, notes FROM session ";

constexpr std::string_view k_signal_columns =
    "SELECT id, trajectory_id, session_id, kind, raised_on, raised_by, note, handled_on FROM signal ";

Session read_session(const Statement& s)
{
    Session out;
    out.id = SessionId{s.integer(0)};
    out.trajectory = TrajectoryId{s.integer(1)};
    out.member = MemberId{s.integer(2)};
    out.discipline = read_code<Discipline>(s, 3, parse_discipline, "discipline");
    out.date = read_date(s, 4);
    out.minutes = static_cast<int>(s.integer(5));
    out.kind = read_code<SessionKind>(s, 6, parse_session_kind, "session kind");
    out.attendance = read_code<Attendance>(s, 7, parse_attendance, "attendance");
    out.absence_reason = s.text(8);
    out.activities = split_lines(s.text(9));
    out.notes = s.text(10);
    return out;
}

Signal read_signal(const Statement& s)
{
    Signal out;
    out.id = SignalId{s.integer(0)};
    out.trajectory = TrajectoryId{s.integer(1)};
    if (const auto session = s.optional_integer(2)) out.session = SessionId{*session};
    out.kind = read_code<SignalKind>(s, 3, parse_signal_kind, "signal kind");
    out.raised_on = read_date(s, 4);
    out.raised_by = MemberId{s.integer(5)};
    out.note = s.text(6);
    out.handled_on = read_optional_date(s, 7);
    return out;
}

}  // namespace

SessionId SqliteSessionRepository::add(const Session& session)
{
    StatementUse s(m_db.cached("INSERT INTO session (trajectory_id, member_id, discipline, session_date, minutes, "
                               "kind, attendance, absence_reason, activities, notes) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bind(1, session.trajectory.value).bind(2, session.member.value).bind(3, to_string(session.discipline));
    bind_date(*s, 4, session.date);
    s->bind(5, session.minutes)
        .bind(6, to_string(session.kind))
        .bind(7, to_string(session.attendance))
        .bind(8, session.absence_reason)
        .bind(9, join_lines(session.activities))
        .bind(10, session.notes)
        .run();
    const SessionId id{m_db.last_insert_id()};
    if (!session.goals.empty()) {
        StatementUse g(m_db.cached("INSERT INTO session_goal (session_id, goal_id) VALUES (?, ?)"));
        for (GoalId goal : session.goals) g->bind(1, id.value).bind(2, goal.value).run();
    }
    return id;
}

std::vector<Session> SqliteSessionRepository::read_sessions(Statement& s, Statement& goals)
{
    std::vector<Session> out = all_rows(s, read_session);
    // The goals of all these sessions in one query (session_id, goal_id), not one query per session.
    std::unordered_map<std::int64_t, Session*> by_id;
    for (Session& session : out) by_id.emplace(session.id.value, &session);
    StatementUse use(goals);
    while (goals.step())
        if (const auto it = by_id.find(goals.integer(0)); it != by_id.end())
            it->second->goals.push_back(GoalId{goals.integer(1)});
    return out;
}

std::vector<Session> SqliteSessionRepository::for_trajectory(TrajectoryId id)
{
    Statement& s = m_db.cached(std::string(k_session_columns) + "WHERE trajectory_id = ? ORDER BY session_date, id");
    s.bind(1, id.value);
    Statement& goals = m_db.cached("SELECT g.session_id, g.goal_id FROM session_goal g JOIN session s ON s.id = g.session_id "
                                   "WHERE s.trajectory_id = ? ORDER BY g.session_id, g.goal_id");
    goals.bind(1, id.value);
    return read_sessions(s, goals);
}

std::vector<Session> SqliteSessionRepository::for_member(MemberId member, calendar::Date from, calendar::Date to)
{
    Statement& s = m_db.cached(std::string(k_session_columns) +
                               "WHERE member_id = ? AND session_date BETWEEN ? AND ? ORDER BY session_date, id");
    s.bind(1, member.value);
    bind_date(s, 2, from);
    bind_date(s, 3, to);
    Statement& goals = m_db.cached("SELECT g.session_id, g.goal_id FROM session_goal g JOIN session s ON s.id = g.session_id "
                                   "WHERE s.member_id = ? AND s.session_date BETWEEN ? AND ? ORDER BY g.session_id, g.goal_id");
    goals.bind(1, member.value);
    bind_date(goals, 2, from);
    bind_date(goals, 3, to);
    return read_sessions(s, goals);
}

std::size_t SqliteSessionRepository::count()
{
    return static_cast<std::size_t>(m_db.query_integer("SELECT count(*) FROM session").value_or(0));
}

SignalId SqliteSessionRepository::add_signal(const Signal& signal)
{
    StatementUse s(m_db.cached("INSERT INTO signal (trajectory_id, session_id, kind, raised_on, raised_by, note, "
                               "handled_on) VALUES (?, ?, ?, ?, ?, ?, ?)"));
    s->bind(1, signal.trajectory.value)
        .bind(2, signal.session ? std::optional<std::int64_t>(signal.session->value) : std::nullopt)
        .bind(3, to_string(signal.kind));
    bind_date(*s, 4, signal.raised_on);
    s->bind(5, signal.raised_by.value).bind(6, signal.note);
    bind_date(*s, 7, signal.handled_on);
    s->run();
    return SignalId{m_db.last_insert_id()};
}

std::vector<Signal> SqliteSessionRepository::open_signals()
{
    return all_rows(m_db.cached(std::string(k_signal_columns) + "WHERE handled_on IS NULL ORDER BY raised_on, id"),
                    read_signal);
}

std::vector<Signal> SqliteSessionRepository::signals(TrajectoryId id)
{
    Statement& s = m_db.cached(std::string(k_signal_columns) + "WHERE trajectory_id = ? ORDER BY raised_on, id");
    s.bind(1, id.value);
    return all_rows(s, read_signal);
}

}  // namespace reable::storage_sqlite
