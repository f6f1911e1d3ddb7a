// Session logging and the all-or-nothing CSV import, through the core services on real SQLite files.

#include "reable/app/session_import.hpp"
#include "reable/app/session_service.hpp"
#include "reable/error.hpp"
#include "storage/storage_fixture.hpp"

#include <doctest/doctest.h>

using namespace reable;
using namespace reable::domain;
using reable::testing::problems_of;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

struct SessionFixture : testing::StorageFixture {
    FixedClock clock{day("2026-03-01")};
    TrajectoryId trajectory;
    SessionFixture()
    {
        auto work = db->write();
        Trajectory t;
        t.client = add_client(*work);
        t.template_id = "groningen-14w-2y";
        t.template_version = "1.0.0";
        t.start = day("2026-01-05");
        trajectory = work->trajectories().add(t);
        work->commit();
    }
    app::SessionInput valid() const
    {
        app::SessionInput in;
        in.trajectory = trajectory.value;
        in.member = physio.value;
        in.date = "2026-01-07";
        in.minutes = "45";
        return in;
    }
    std::size_t sessions() { return db->read()->sessions().count(); }
};

}  // namespace

TEST_CASE("a valid session is stored with the member's discipline, and its signals reach the list")
{
    SessionFixture f;
    app::SessionInput in = f.valid();
    in.signals = {"loneliness", "fall"};
    in.activities = {"traplopen"};
    auto work = f.db->write();
    const SessionId id = app::log_session(*work, f.clock, in);
    const auto stored = work->sessions().for_trajectory(f.trajectory);
    REQUIRE(stored.size() == 1);
    CHECK(stored[0].id == id);
    CHECK(stored[0].discipline == Discipline::physiotherapist);
    CHECK(work->sessions().open_signals().size() == 2);
}

TEST_CASE("bad sessions are refused with every problem named, and nothing is written")
{
    SessionFixture f;
    app::SessionInput in = f.valid();
    std::vector<std::string> expected;
    SUBCASE("impossible date")
    {
        in.date = "2026-02-30";
        expected = {"date: \"2026-02-30\" is not a date; use YYYY-MM-DD with a day that exists"};
    }
    SUBCASE("future date")
    {
        in.date = "2026-03-02";
        expected = {"date: \"2026-03-02\" is in the future; the latest allowed date is 2026-03-01"};
    }
    SUBCASE("before the trajectory starts")
    {
        in.date = "2026-01-04";
        expected = {"date: \"2026-01-04\" is before the trajectory started on 2026-01-05"};
    }
    SUBCASE("zero minutes")
    {
        in.minutes = "0";
        expected = {"minutes: 0 is not allowed; allowed: 1 to 1440"};
    }
    SUBCASE("more than a day")
    {
        in.minutes = "1441";
        expected = {"minutes: 1441 is not allowed; allowed: 1 to 1440"};
    }
    SUBCASE("minutes that are not a number")
    {
        in.minutes = "45.5";
        expected = {"minutes: \"45.5\" is not a whole number; allowed: 1 to 1440"};
    }
    SUBCASE("unknown member")
    {
        in.member = 999;
        expected = {"member: there is no member 999"};
    }
    SUBCASE("no-show without a reason, unknown kind and signal, all at once")
    {
        in.attendance = "no_show";
        in.kind = "massage";
        in.signals = {"sadness"};
        expected = {"kind: \"massage\" is not allowed; allowed: training, assessment, home_visit, phone, team_meeting",
                    "absence_reason: a no_show session needs a reason",
                    "signals: \"sadness\" is not allowed; allowed: caregiver_overload, loneliness, cognitive_decline, "
                    "fall, financial_trouble, unsafe_home"};
    }
    {
        auto work = f.db->write();
        CHECK(problems_of([&] { app::log_session(*work, f.clock, in); }) == expected);
    }
    CHECK(f.sessions() == 0);
}

TEST_CASE("the same session twice is a duplicate")
{
    SessionFixture f;
    auto work = f.db->write();
    app::log_session(*work, f.clock, f.valid());
    CHECK(problems_of([&] { app::log_session(*work, f.clock, f.valid()); }) ==
          std::vector<std::string>{"member 2 already logged a training session for trajectory 1 on 2026-01-07"});
}

TEST_CASE("a CSV import is all or nothing and lists every bad row with its line")
{
    SessionFixture f;
    SUBCASE("all good")
    {
        const std::string csv = f.scratch.write("ok.csv",
                                                "trajectory,member,date,minutes,kind,activities,signals\n"
                                                "1,2,2026-01-07,45,training,\"opstaan; traplopen\",\n"
                                                "1,3,2026-01-08,60,home_visit,\"samen stofzuigen\",\"loneliness\"\n"
                                                "\n"
                                                "1,1,2026-01-09,30,assessment,\"ADL, \"\"keuken\"\"\",\n");
        const app::ImportSummary s = app::import_sessions(*f.db, f.clock, csv);
        CHECK(s.sessions == 3);
        CHECK(s.signals == 1);
        const auto stored = f.db->read()->sessions().for_trajectory(f.trajectory);
        CHECK(stored[0].activities == std::vector<std::string>{"opstaan", "traplopen"});
        CHECK(stored[2].activities == std::vector<std::string>{"ADL, \"keuken\""});
    }
    SUBCASE("bad rows: nothing is imported")
    {
        const std::string csv = f.scratch.write("bad.csv",
                                                "trajectory,member,date,minutes\n"
                                                "1,2,2026-01-07,45\n"
                                                "1,2,2026-01-08,0\n"
                                                "1,2,2026-01-07,45\n"
                                                "1,x,2026-01-09,30\n"
                                                "1,2,2026-01-10\n");
        CHECK(problems_of([&] { app::import_sessions(*f.db, f.clock, csv); }) ==
              std::vector<std::string>{
                  "line 3: minutes: 0 is not allowed; allowed: 1 to 1440",
                  "line 4: member 2 already logged a training session for trajectory 1 on 2026-01-07",
                  "line 5: member: \"x\" is not an id",
                  "line 6: has 3 fields; the header has 4"});
        CHECK(f.sessions() == 0);
    }
    SUBCASE("a header with unknown and missing columns")
    {
        const std::string csv = f.scratch.write("header.csv", "trajectory,member,when,minutes\n1,2,2026-01-07,45\n");
        CHECK(problems_of([&] { app::import_sessions(*f.db, f.clock, csv); }) ==
              std::vector<std::string>{"line 1: unknown column \"when\"; known: " + std::string(app::k_session_columns),
                                       "line 1: required column \"date\" is missing"});
    }
    SUBCASE("malformed quoting")
    {
        const std::string csv = f.scratch.write("quote.csv", "trajectory,member,date,minutes\n1,2,\"2026-01-07,45\n");
        CHECK(problems_of([&] { app::import_sessions(*f.db, f.clock, csv); }) ==
              std::vector<std::string>{"line 2: the CSV ends inside a quoted field"});
        CHECK(f.sessions() == 0);
    }
}
