// Round trips through the SQLite repositories, and what the stored data refuses.

#include "reable/error.hpp"
#include "storage_fixture.hpp"

#include <doctest/doctest.h>

using namespace reable;
using namespace reable::domain;
using reable::testing::StorageFixture;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

ErrorCode code_of(auto&& action)
{
    try {
        action();
    }
    catch (const Error& e) {
        return e.code();
    }
    return ErrorCode::internal;
}

Trajectory groningen_trajectory(ClientId client, const StorageFixture& f)
{
    Trajectory t;
    t.client = client;
    t.template_id = "groningen-14w-2y";
    t.template_version = "1.0.0";
    t.start = day("2026-01-05");
    t.team = {{Discipline::physiotherapist, f.physio}, {Discipline::household_helper, f.helper}};
    return t;
}

}  // namespace

TEST_CASE("organisation: municipalities, areas, teams and members round-trip")
{
    StorageFixture f;
    auto work = f.db->read();
    auto& org = work->organisation();
    CHECK(org.municipality_by_code("GM0014")->name == "Groningen");
    CHECK_FALSE(org.municipality_by_code("GM9999"));
    CHECK(org.area_by_name(f.groningen, "Oosterparkwijk")->id == f.oost);
    CHECK(org.team_by_name(f.groningen, "Team Oost")->id == f.team);
    const auto members = org.members(f.team);
    REQUIRE(members.size() == 4);
    CHECK(members[1].name == "Fenna Bakker");
    CHECK(members[1].discipline == Discipline::physiotherapist);
    CHECK(members[1].active);
}

TEST_CASE("clients: clinical facts and identity are stored apart and come back whole")
{
    StorageFixture f;
    {
        auto work = f.db->write();
        Client c;
        c.birth_date = day("1944-02-29");
        c.sex = Sex::male;
        c.area = f.oost;
        c.household = Household::couple;
        c.household_size = 2;
        c.dwelling = Dwelling::single_family_house;
        c.rooms_in_use = 4;
        c.rooms_not_in_use = 2;
        c.pets = 1;
        c.carers = {{"partner", 20, true}, {"son", 2, false}};
        work->clients().add(c, {Bsn::parse("10000021"), "Dhr. B. de Boer"});  // 8 digits: leading zero
        work->commit();
    }
    auto work = f.db->read();
    const auto id = work->clients().find_by_bsn(Bsn::parse("010000021"));
    REQUIRE(id);
    const auto c = work->clients().find(*id);
    REQUIRE(c);
    CHECK(calendar::format_iso_date(c->birth_date) == "1944-02-29");
    CHECK(c->sex == Sex::male);
    CHECK(c->household == Household::couple);
    CHECK(c->dwelling == Dwelling::single_family_house);
    CHECK(c->rooms_not_in_use == 2);
    CHECK(c->pets == 1);
    REQUIRE(c->carers.size() == 2);
    CHECK(c->carers[0].lives_in);
    CHECK(c->carers[1].hours_per_week == 2);
    CHECK(work->clients().identity(*id)->bsn.digits() == "010000021");
    CHECK(work->clients().count() == 1);
}

TEST_CASE("a second client with the same BSN is a conflict and nothing of it is kept")
{
    StorageFixture f;
    auto work = f.db->write();
    f.add_client(*work, 0);
    CHECK(code_of([&] { f.add_client(*work, 0); }) == ErrorCode::conflict);
}

TEST_CASE("an uncommitted unit of work writes nothing")
{
    StorageFixture f;
    {
        auto work = f.db->write();
        f.add_client(*work, 1);
        // no commit: destroyed here
    }
    CHECK(f.db->read()->clients().count() == 0);
}

TEST_CASE("trajectories, sessions, signals, results and goals round-trip")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work);
    const TrajectoryId tid = work->trajectories().add(groningen_trajectory(client, f));

    Trajectory t = *work->trajectories().find(tid);
    CHECK(t.state == TrajectoryState::referred);
    REQUIRE(t.team.size() == 2);
    CHECK(t.team[0].discipline == Discipline::household_helper);  // ordered by discipline code
    CHECK(work->trajectories().for_member(f.physio).size() == 1);
    CHECK(work->trajectories().for_member(f.ergo).empty());

    t.state = TrajectoryState::dropped_out;
    t.ended_on = day("2026-02-01");
    t.closure = Closure::dropout;
    t.end_reason = "moved to a care home";
    work->trajectories().record_transition(t, {TrajectoryState::referred, TrajectoryState::dropped_out,
                                               day("2026-02-01"), "moved to a care home"});
    CHECK(work->trajectories().find(tid)->closure == Closure::dropout);
    CHECK(work->trajectories().open().empty());
    CHECK(work->trajectories().history(tid).at(0).reason == "moved to a care home");

    const GoalId goal = work->measurements().add_goal({{}, tid, "Zelf de was doen", 8, day("2026-01-05")});
    work->measurements().add_rating({goal, "intake", 3, 2, day("2026-01-05")});
    work->measurements().add_rating({goal, "week_14", 7, 8, day("2026-04-13")});
    CHECK(work->measurements().ratings(tid).size() == 2);
    CHECK(work->measurements().goals(tid).at(0).importance == 8);

    Session s;
    s.trajectory = tid;
    s.member = f.physio;
    s.discipline = Discipline::physiotherapist;
    s.date = day("2026-01-07");
    s.minutes = 45;
    s.activities = {"opstaan uit stoel", "traplopen"};
    s.goals = {goal};
    s.notes = "Goed gemotiveerd.";
    const SessionId sid = work->sessions().add(s);
    const auto logged = work->sessions().for_trajectory(tid);
    REQUIRE(logged.size() == 1);
    CHECK(logged[0].activities == std::vector<std::string>{"opstaan uit stoel", "traplopen"});
    CHECK(logged[0].goals == std::vector<GoalId>{goal});
    CHECK(work->sessions().for_member(f.physio, day("2026-01-07"), day("2026-01-07")).size() == 1);
    CHECK(work->sessions().for_member(f.physio, day("2026-01-08"), day("2026-01-31")).empty());

    // The same member, day, kind and trajectory again is a duplicate.
    CHECK(code_of([&] { work->sessions().add(s); }) == ErrorCode::conflict);

    work->sessions().add_signal({{}, tid, sid, SignalKind::loneliness, day("2026-01-07"), f.physio, "alleen", {}});
    CHECK(work->sessions().open_signals().size() == 1);

    TestResult r;
    r.trajectory = tid;
    r.occasion = "intake";
    r.instrument_id = "sppb";
    r.instrument_version = "1.0.0";
    r.member = f.physio;
    r.tested_on = day("2026-01-05");
    r.inputs_json = R"({"items":{}})";
    r.scores_json = R"({"scores":[]})";
    r.total = "8";
    work->measurements().add_result(r);
    CHECK(work->measurements().results(tid).at(0).total == "8");
    CHECK(code_of([&] { work->measurements().add_result(r); }) == ErrorCode::conflict);
}

TEST_CASE("the database refuses values no front end should ever let through")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work);
    const TrajectoryId tid = work->trajectories().add(groningen_trajectory(client, f));
    Session s;
    s.trajectory = tid;
    s.member = f.physio;
    s.date = day("2026-01-07");
    SUBCASE("zero minutes") { s.minutes = 0; }
    SUBCASE("more than a day") { s.minutes = 1441; }
    SUBCASE("an unknown member")
    {
        s.minutes = 30;
        s.member = MemberId{999};
    }
    CHECK(code_of([&] { work->sessions().add(s); }) == ErrorCode::conflict);
}

TEST_CASE("meldingen keep the minutes of household help asked for, and the database refuses an impossible amount")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work);
    const MeldingId asked = work->clients().add_melding({{}, client, day("2026-01-02"), {}, {}, {}, 180});
    const MeldingId silent = work->clients().add_melding({{}, client, day("2026-01-03"), {}, {}, {}, std::nullopt});
    CHECK(work->clients().melding(asked)->hh_minutes_requested == 180);
    CHECK_FALSE(work->clients().melding(silent)->hh_minutes_requested.has_value());

    Melding m = *work->clients().melding(silent);
    m.aanvraag_on = day("2026-01-10");
    m.hh_minutes_requested = 10080;
    work->clients().update_melding(m);
    const std::vector<Melding> all = work->clients().meldingen(client);
    REQUIRE(all.size() == 2);
    CHECK(all[0].hh_minutes_requested == 180);
    CHECK(all[1].hh_minutes_requested == 10080);
    CHECK(all[1].aanvraag_on == day("2026-01-10"));

    m.hh_minutes_requested = 0;
    CHECK(code_of([&] { work->clients().update_melding(m); }) == ErrorCode::conflict);
    CHECK(code_of([&] { work->clients().add_melding({{}, client, day("2026-01-04"), {}, {}, {}, 10081}); }) ==
          ErrorCode::conflict);
}

TEST_CASE("a trajectory's end reason code is written with its end and read back by every query")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work);
    const TrajectoryId tid = work->trajectories().add(groningen_trajectory(client, f));
    CHECK_FALSE(work->trajectories().find(tid)->end_reason_code.has_value());

    Trajectory t = *work->trajectories().find(tid);
    t.state = TrajectoryState::dropped_out;
    t.ended_on = day("2026-02-01");
    t.closure = Closure::dropout;
    t.end_reason = "verhuisd naar verpleeghuis";
    t.end_reason_code = EndReason::care_home;
    work->trajectories().record_transition(t, {TrajectoryState::referred, TrajectoryState::dropped_out,
                                               day("2026-02-01"), t.end_reason});
    CHECK(work->trajectories().find(tid)->end_reason_code == EndReason::care_home);
    CHECK(work->trajectories().for_client(client).at(0).end_reason_code == EndReason::care_home);
    storage::TrajectoryQuery q;
    q.client = client;
    CHECK(work->trajectories().page(q).items.at(0).end_reason_code == EndReason::care_home);
}

TEST_CASE("end reason codes read back as they are written")
{
    for (const EndReason r : {EndReason::admission, EndReason::care_home, EndReason::deceased, EndReason::health,
                              EndReason::motivation, EndReason::moved, EndReason::declined_further, EndReason::other})
        CHECK(parse_end_reason(to_string(r)) == r);
    CHECK_FALSE(parse_end_reason("hospital").has_value());
    CHECK(end_reason_codes() ==
          "admission, care_home, deceased, health, motivation, moved, declined_further, other");
}
