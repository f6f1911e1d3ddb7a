#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

using namespace domain;

TestResultId SqliteMeasurementRepository::add_result(const TestResult& r)
{
    StatementUse s(m_db.cached("INSERT INTO test_result (trajectory_id, occasion, instrument_id, instrument_version, "
                               "member_id, discipline, tested_on, inputs_json, scores_json, total) "
                               "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bind(1, r.trajectory.value)
        .bind(2, r.occasion)
        .bind(3, r.instrument_id)
        .bind(4, r.instrument_version)
        .bind(5, r.member.value)
        .bind(6, to_string(r.discipline));
    bind_date(*s, 7, r.tested_on);
    s->bind(8, r.inputs_json).bind(9, r.scores_json).bind(10, r.total).run();
    return TestResultId{m_db.last_insert_id()};
}

std::vector<TestResult> SqliteMeasurementRepository::results(TrajectoryId id)
{
    Statement& s = m_db.cached("SELECT id, trajectory_id, occasion, instrument_id, instrument_version, member_id, "
                               "discipline, tested_on, inputs_json, scores_json, total FROM test_result "
                               "WHERE trajectory_id = ? ORDER BY tested_on, id");
    s.bind(1, id.value);
    return all_rows(s, [](const Statement& r) {
        TestResult t;
        t.id = TestResultId{r.integer(0)};
        t.trajectory = TrajectoryId{r.integer(1)};
        t.occasion = r.text(2);
        t.instrument_id = r.text(3);
        t.instrument_version = r.text(4);
        t.member = MemberId{r.integer(5)};
        t.discipline = read_code<Discipline>(r, 6, parse_discipline, "discipline");
        t.tested_on = read_date(r, 7);
        t.inputs_json = r.text(8);
        t.scores_json = r.text(9);
        t.total = r.optional_text(10);
        return t;
    });
}

GoalId SqliteMeasurementRepository::add_goal(const Goal& g)
{
    StatementUse s(
        m_db.cached("INSERT INTO copm_goal (trajectory_id, problem, importance, set_on) VALUES (?, ?, ?, ?)"));
    s->bind(1, g.trajectory.value).bind(2, g.problem).bind(3, g.importance);
    bind_date(*s, 4, g.set_on);
    s->run();
    return GoalId{m_db.last_insert_id()};
}

namespace {

Goal read_goal(const Statement& r)
{
    return Goal{GoalId{r.integer(0)}, TrajectoryId{r.integer(1)}, r.text(2), static_cast<int>(r.integer(3)),
                read_date(r, 4)};
}

}  // namespace

std::vector<Goal> SqliteMeasurementRepository::goals(TrajectoryId id)
{
    Statement& s = m_db.cached(
        "SELECT id, trajectory_id, problem, importance, set_on FROM copm_goal WHERE trajectory_id = ? ORDER BY id");
    s.bind(1, id.value);
    return all_rows(s, read_goal);
}

std::optional<Goal> SqliteMeasurementRepository::goal(GoalId id)
{
    Statement& s = m_db.cached("SELECT id, trajectory_id, problem, importance, set_on FROM copm_goal WHERE id = ?");
    s.bind(1, id.value);
    return first_row(s, read_goal);
}

void SqliteMeasurementRepository::add_rating(const GoalRating& r)
{
    StatementUse s(m_db.cached("INSERT INTO copm_rating (goal_id, occasion, performance, satisfaction, rated_on) "
                               "VALUES (?, ?, ?, ?, ?)"));
    s->bind(1, r.goal.value).bind(2, r.occasion).bind(3, r.performance).bind(4, r.satisfaction);
    bind_date(*s, 5, r.rated_on);
    s->run();
}

std::vector<GoalRating> SqliteMeasurementRepository::ratings(TrajectoryId id)
{
    Statement& s = m_db.cached("SELECT r.goal_id, r.occasion, r.performance, r.satisfaction, r.rated_on "
                               "FROM copm_rating r JOIN copm_goal g ON g.id = r.goal_id "
                               "WHERE g.trajectory_id = ? ORDER BY r.goal_id, r.rated_on");
    s.bind(1, id.value);
    return all_rows(s, [](const Statement& r) {
        return GoalRating{GoalId{r.integer(0)}, r.text(1), static_cast<int>(r.integer(2)),
                          static_cast<int>(r.integer(3)), read_date(r, 4)};
    });
}

}  // namespace reable::storage_sqlite
