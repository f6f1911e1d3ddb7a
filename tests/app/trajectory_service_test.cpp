// Trajectories, test results, goals, the agenda and the demo seed through the core services, on
// real SQLite files with the shipped protocol set.

#include "reable/app/agenda_service.hpp"
#include "reable/app/demo_seed.hpp"
#include "reable/app/measurement_service.hpp"
#include "reable/app/protocol_set.hpp"
#include "reable/app/session_service.hpp"
#include "reable/app/trajectory_service.hpp"
#include "reable/scoring/json_io.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"
#include "app/trajectory_fixture.hpp"
#include "storage/storage_fixture.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

using namespace reable;
using namespace reable::domain;
using reable::testing::day;
using reable::testing::error_of;
using reable::testing::problems_of;
using reable::testing::shipped;
using reable::testing::TrajectoryFixture;

TEST_CASE("a trajectory starts from the newest template version with its care team")
{
    TrajectoryFixture f;
    auto work = f.db->read();
    const Trajectory t = *work->trajectories().find(f.trajectory);
    CHECK(t.template_id == "groningen-14w-2y");
    CHECK(t.template_version == shipped().trajectory("groningen-14w-2y").version);
    CHECK(t.state == TrajectoryState::referred);
    CHECK(t.team.size() == 4);
}

TEST_CASE("starting a trajectory refuses what does not fit, naming each problem")
{
    TrajectoryFixture f;
    app::TrajectoryStartInput in = f.start_input();
    auto work = f.db->write();
    const ClientId other = f.add_client(*work, 1);
    in.client = other.value;
    SUBCASE("unknown template, two physiotherapists and a bad date at once")
    {
        in.template_id = "groningen-15w";
        in.start = "2026-13-01";
        in.members = {f.physio.value, f.physio.value};
        const auto problems = problems_of([&] { app::start_trajectory(*work, shipped(), in); });
        REQUIRE(problems.size() == 3);
        CHECK(problems[0].rfind("template: ", 0) == 0);
        CHECK(problems[1] == "start: \"2026-13-01\" is not a date; use YYYY-MM-DD with a day that exists");
        CHECK(problems[2] == "members: two members of discipline physiotherapist; a trajectory has one per discipline");
    }
    SUBCASE("an inactive member")
    {
        work->organisation().set_member_active(f.ergo, false);
        CHECK(problems_of([&] { app::start_trajectory(*work, shipped(), in); }) ==
              std::vector<std::string>{"members: member 1 (Anna de Vries) is not active"});
    }
    SUBCASE("a second open trajectory for the same client")
    {
        in.client = f.client.value;
        CHECK(error_of([&] { app::start_trajectory(*work, shipped(), in); }) ==
              "conflict: client 1 already has trajectory 1 in state referred; close it or record the dropout first");
    }
}

TEST_CASE("the state machine through the service: the regular path, illegal steps, reasons")
{
    TrajectoryFixture f;
    CHECK(error_of([&] { f.move("training", "2026-01-01"); }) ==
          "precondition_failed: a trajectory in state referred cannot move to training; allowed: intake, closed, "
          "dropped_out");
    f.move("intake", "2026-01-01");
    f.move("training", "2026-01-08");
    CHECK(error_of([&] { f.move("closed", "2026-02-01"); }) ==
          "invalid_input: an early closure needs a reason");
    CHECK(error_of([&] { f.move("dropped_out", "2026-02-01"); }) == "invalid_input: a dropout needs a reason");
    CHECK(error_of([&] { f.move("follow_up", "2026-02-20"); }) ==
          "invalid_input: date: \"2026-02-20\" is in the future; the latest allowed date is 2026-02-19");
    f.move("dropped_out", "2026-02-01", "hospital admission");

    auto work = f.db->write();
    const Trajectory t = *work->trajectories().find(f.trajectory);
    CHECK(t.state == TrajectoryState::dropped_out);
    CHECK(t.closure == Closure::dropout);
    CHECK(work->trajectories().history(f.trajectory).size() == 3);

    // Nothing can be logged after the end.
    app::SessionInput s;
    s.trajectory = f.trajectory.value;
    s.member = f.physio.value;
    s.date = "2026-02-05";
    s.minutes = "45";
    CHECK(problems_of([&] { app::log_session(*work, f.clock, s); }) ==
          std::vector<std::string>{"date: \"2026-02-05\" is after the trajectory ended on 2026-02-01"});
    CHECK(problems_of([&] { app::record_test(*work, shipped(), f.clock, f.sppb("week_7", "2026-02-05", f.physio)); }) ==
          std::vector<std::string>{"date: \"2026-02-05\" is after the trajectory ended on 2026-02-01"});
}

TEST_CASE("a test result is scored, stored with its instrument version, and makes its occasion done")
{
    TrajectoryFixture f;
    auto work = f.db->write();
    const TestResult r = app::record_test(*work, shipped(), f.clock, f.sppb("intake", "2026-01-02", f.physio));
    CHECK(r.instrument_version == shipped().instrument("sppb").version);
    CHECK(r.total == "8 points");
    const TestResult stored = work->measurements().results(f.trajectory).at(0);
    CHECK(stored.scores_json.find("\"version\"") != std::string::npos);
    // The raw values read back as they were entered.
    CHECK(scoring::read_scoring_input(stored.inputs_json).items.size() == 5);

    const app::TrajectoryView v = app::view_trajectory(*work, shipped(), f.clock, f.trajectory.value);
    REQUIRE(v.occasions.size() == 7);
    CHECK(v.occasions[0].state.status == schedule::OccasionStatus::done);
    CHECK(v.occasions[0].state.deviation_days == 1);
    CHECK(v.occasions[0].recorded == std::vector<std::string>{"sppb"});
    CHECK(v.occasions[1].occasion->id == "week_7");
    CHECK(calendar::format_iso_date(v.occasions[1].planned.target) == "2026-02-19");
    CHECK(v.occasions[1].state.status == schedule::OccasionStatus::due);
    CHECK(v.occasions[2].state.status == schedule::OccasionStatus::upcoming);
}

TEST_CASE("test results are refused for the wrong occasion, instrument, discipline or date")
{
    TrajectoryFixture f;
    auto work = f.db->write();
    app::TestInput t = f.sppb("intake", "2026-01-02", f.physio);
    std::vector<std::string> expected;
    SUBCASE("a discipline that may not perform it")
    {
        t.member = f.social.value;
        expected = {"member: a social_worker may not record sppb at intake; allowed: physiotherapist"};
    }
    SUBCASE("an occasion the template does not have")
    {
        t.occasion = "week_8";
        expected = {"occasion: \"week_8\" is not an occasion of groningen-14w-2y 1.0.0; its occasions are: intake, "
                    "week_7, week_14, fu_3m, fu_6m, fu_12m, fu_24m"};
    }
    SUBCASE("an instrument not planned at the occasion")
    {
        t.occasion = "week_7";
        t.instrument = "gfi";
        expected = {"instrument: \"gfi\" is not measured at week_7; planned there: sppb, tug, copm"};
    }
    SUBCASE("a future date")
    {
        t.date = "2026-02-20";
        expected = {"date: \"2026-02-20\" is in the future; the latest allowed date is 2026-02-19"};
    }
    SUBCASE("a value the instrument refuses")
    {
        t.items = scoring::read_scoring_input(R"({"items": {"gait_4m": -1}})").items;
        const auto problems = problems_of([&] { app::record_test(*work, shipped(), f.clock, t); });
        REQUIRE(problems.size() == 1);
        CHECK(problems[0].rfind("gait_4m: ", 0) == 0);
        return;
    }
    CHECK(problems_of([&] { app::record_test(*work, shipped(), f.clock, t); }) == expected);
    CHECK(work->measurements().results(f.trajectory).empty());
}

TEST_CASE("the same instrument twice at one occasion is a duplicate")
{
    TrajectoryFixture f;
    auto work = f.db->write();
    app::record_test(*work, shipped(), f.clock, f.sppb("intake", "2026-01-02", f.physio));
    CHECK(error_of([&] { app::record_test(*work, shipped(), f.clock, f.sppb("intake", "2026-01-03", f.physio)); }) ==
          "conflict: sppb is already recorded at intake for trajectory 1");
}

TEST_CASE("adherence counts attended sessions against the plan up to today")
{
    TrajectoryFixture f;
    auto work = f.db->write();
    for (const char* date : {"2026-01-01", "2026-01-08", "2026-01-15"}) {
        app::SessionInput s;
        s.trajectory = f.trajectory.value;
        s.member = f.physio.value;
        s.date = date;
        s.minutes = "45";
        app::log_session(*work, f.clock, s);
    }
    app::SessionInput cancelled;
    cancelled.trajectory = f.trajectory.value;
    cancelled.member = f.physio.value;
    cancelled.date = "2026-01-22";
    cancelled.minutes = "45";
    cancelled.attendance = "cancelled";
    cancelled.absence_reason = "ziek";
    app::log_session(*work, f.clock, cancelled);

    const app::TrajectoryView v = app::view_trajectory(*work, shipped(), f.clock, f.trajectory.value);
    const auto physio = std::find_if(v.adherence.begin(), v.adherence.end(), [](const schedule::Adherence& a) {
        return a.discipline == Discipline::physiotherapist;
    });
    REQUIRE(physio != v.adherence.end());
    CHECK(physio->planned == 8);  // one a week on Thursdays, 1 January to 19 February
    CHECK(physio->attended == 3);
    CHECK(v.sessions_logged == 4);
    CHECK(v.minutes_logged == 180);
}

TEST_CASE("COPM goals with ratings at occasions")
{
    TrajectoryFixture f;
    auto work = f.db->write();
    const GoalId g = app::add_goal(*work, f.clock, f.trajectory.value, "Zelf de was doen", "8", "2026-01-02");
    app::rate_goal(*work, shipped(), f.clock, g.value, "intake", "3", "2", "2026-01-02");
    CHECK(work->measurements().ratings(f.trajectory).size() == 1);
    CHECK(problems_of([&] { app::add_goal(*work, f.clock, f.trajectory.value, "", "11", "2026-01-02"); }) ==
          std::vector<std::string>{"problem: is required", "importance: 11 is not allowed; allowed: 1 to 10"});
    CHECK(error_of([&] { app::rate_goal(*work, shipped(), f.clock, g.value, "intake", "4", "4", "2026-01-03"); }) ==
          "conflict: goal 1 is already rated at intake");
}

TEST_CASE("a member's agenda lists planned sessions and measurement occasions with their status")
{
    TrajectoryFixture f;
    auto work = f.db->read();
    const auto lines = app::agenda(*work, shipped(), f.clock, f.physio.value, day("2026-02-16"), day("2026-02-22"));
    REQUIRE(lines.size() == 2);
    CHECK(calendar::format_iso_date(lines[0].date) == "2026-02-19");
    CHECK(lines[0].what == "training, 45 min");
    CHECK(lines[0].status == "planned");
    CHECK(lines[1].what.rfind("measurement week_7: sppb, tug, copm", 0) == 0);
    CHECK(lines[1].status == "due");
    CHECK(error_of([&] { app::agenda(*work, shipped(), f.clock, 99, day("2026-02-16"), day("2026-02-22")); }) ==
          "not_found: there is no member 99");
}

namespace {

/// Every session and result of a database as text, to compare two databases.
std::string contents(const std::filesystem::path& path)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    std::string out;
    for (const char* sql : {"SELECT group_concat(trajectory_id || member_id || session_date || minutes || attendance "
                            "|| activities, ';') FROM session",
                            "SELECT group_concat(instrument_id || tested_on || inputs_json, ';') FROM test_result",
                            "SELECT group_concat(bsn || name, ';') FROM client_identity"}) {
        sqlite3_stmt* s = nullptr;
        sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
            out += reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        out += '\n';
        sqlite3_finalize(s);
    }
    sqlite3_close(db);
    return out;
}

}  // namespace

TEST_CASE("the demo seed is deterministic, valid and refuses a database with clients")
{
    testing::Scratch scratch;
    const FixedClock clock{day("2026-11-23")};
    auto seeded = [&](const char* name, std::uint64_t seed) {
        const auto path = scratch.path(name);
        auto db = storage_sqlite::open_sqlite(path, {.create = true});
        db->migrate();
        const app::SeedSummary s = app::seed_demo(*db, shipped(), clock, {.clients = 30, .seed = seed});
        CHECK(s.clients == 30);
        CHECK(s.sessions > 30 * 10);
        CHECK(s.tests > 30);
        CHECK(db->read()->sessions().count() == static_cast<std::size_t>(s.sessions));
        CHECK(error_of([&] { app::seed_demo(*db, shipped(), clock, {.clients = 5}); }) ==
              "precondition_failed: the demo seed needs an empty database; this one has clients");
        return path;
    };
    const auto a = seeded("a.db", 7);
    const auto b = seeded("b.db", 7);
    const auto c = seeded("c.db", 8);
    CHECK(contents(a) == contents(b));
    CHECK(contents(a) != contents(c));
}
