// The facts evaluations need (requested minutes of household help at the melding, coded reasons of
// a dropout or an early closure) through the core services, and the demo seed's meldingen,
// reason codes and synthetic decisions, on real SQLite files with the shipped protocol set.

#include "reable/app/client_service.hpp"
#include "reable/app/demo_seed.hpp"
#include "reable/app/protocol_set.hpp"
#include "reable/app/trajectory_service.hpp"
#include "reable/domain/decision.hpp"
#include "reable/schedule/schedule.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"
#include "app/trajectory_fixture.hpp"

#include <doctest/doctest.h>

#include <sqlite3.h>

#include <map>

using namespace reable;
using namespace reable::domain;
using reable::testing::day;
using reable::testing::error_of;
using reable::testing::problems_of;
using reable::testing::shipped;
using Fixture = reable::testing::TrajectoryFixture;

TEST_CASE("a melding records the minutes of household help asked for, a whole number from 1 to 10080")
{
    Fixture f;
    auto work = f.db->write();
    const MeldingId with = app::add_melding(*work, f.clock, f.client.value, "2026-01-02", "180");
    const MeldingId without = app::add_melding(*work, f.clock, f.client.value, "2026-01-03");
    CHECK(work->clients().melding(with)->hh_minutes_requested == 180);
    CHECK_FALSE(work->clients().melding(without)->hh_minutes_requested.has_value());
    CHECK(app::add_melding(*work, f.clock, f.client.value, "2026-01-04", "1") > without);
    CHECK(app::add_melding(*work, f.clock, f.client.value, "2026-01-04", "10080") > without);

    CHECK(error_of([&] { app::add_melding(*work, f.clock, f.client.value, "2026-01-05", "0"); }) ==
          "invalid_input: hh_minutes_requested: 0 is not allowed; allowed: 1 to 10080");
    CHECK(error_of([&] { app::add_melding(*work, f.clock, f.client.value, "2026-01-05", "10081"); }) ==
          "invalid_input: hh_minutes_requested: 10081 is not allowed; allowed: 1 to 10080");
    CHECK(error_of([&] { app::add_melding(*work, f.clock, f.client.value, "2026-01-05", "99999999999"); }) ==
          "invalid_input: hh_minutes_requested: 99999999999 is not allowed; allowed: 1 to 10080");
    CHECK(error_of([&] { app::add_melding(*work, f.clock, f.client.value, "2026-01-05", "90.5"); }) ==
          "invalid_input: hh_minutes_requested: \"90.5\" is not a whole number; allowed: 1 to 10080");
    // Every problem at once, and nothing written.
    CHECK(problems_of([&] { app::add_melding(*work, f.clock, f.client.value, "2026-02-30", "-5"); }) ==
          std::vector<std::string>{"received_on: \"2026-02-30\" is not a date; use YYYY-MM-DD with a day that exists",
                                   "hh_minutes_requested: -5 is not allowed; allowed: 1 to 10080"});
    CHECK(work->clients().meldingen(f.client).size() == 4);

    app::update_melding(*work, f.clock, without.value, "", "", "", "240");
    CHECK(work->clients().melding(without)->hh_minutes_requested == 240);
    app::update_melding(*work, f.clock, without.value, "2026-01-10", "", "");
    CHECK(work->clients().melding(without)->hh_minutes_requested == 240);  // an empty text leaves it
    CHECK(error_of([&] { app::update_melding(*work, f.clock, without.value, "", "", "", "none"); }) ==
          "invalid_input: hh_minutes_requested: \"none\" is not a whole number; allowed: 1 to 10080");
}

TEST_CASE("a dropout keeps its reason code beside the free-text reason")
{
    Fixture f;
    f.move("intake", "2026-01-01");
    f.move("training", "2026-01-08");
    f.move("dropped_out", "2026-02-01", "opgenomen in het ziekenhuis", "admission");
    const Trajectory t = f.stored();
    CHECK(t.end_reason == "opgenomen in het ziekenhuis");
    CHECK(t.end_reason_code == EndReason::admission);
}

TEST_CASE("an early closure may carry a reason code, and the code stays optional")
{
    Fixture f;
    SUBCASE("with a code")
    {
        f.move("closed", "2026-01-05", "client verhuist", "moved");
        CHECK(f.stored().closure == Closure::early);
        CHECK(f.stored().end_reason_code == EndReason::moved);
    }
    SUBCASE("without a code")
    {
        f.move("dropped_out", "2026-01-05", "wil niet meer");
        CHECK(f.stored().state == TrajectoryState::dropped_out);
        CHECK_FALSE(f.stored().end_reason_code.has_value());
    }
}

TEST_CASE("a reason code is refused when unknown, or with a step that is no dropout or early closure")
{
    Fixture f;
    CHECK(error_of([&] { f.move("dropped_out", "2026-01-05", "ziek", "hospital"); }) ==
          "invalid_input: reason_code: \"hospital\" is not allowed; allowed: admission, care_home, deceased, "
          "health, motivation, moved, declined_further, other");
    CHECK(error_of([&] { f.move("intake", "2026-01-01", "", "moved"); }) ==
          "invalid_input: reason_code: \"moved\" is not allowed with a step to intake; a reason code goes only "
          "with dropped_out or an early closure");
    CHECK(f.stored().state == TrajectoryState::referred);
    f.move("intake", "2026-01-01");
    f.move("training", "2026-01-08");
    f.move("follow_up", "2026-02-10");
    // A completed closure after the follow-up has no reason code.
    CHECK(error_of([&] { f.move("closed", "2026-02-15", "", "other"); }) ==
          "invalid_input: reason_code: \"other\" is not allowed with a step to closed; a reason code goes only "
          "with dropped_out or an early closure");
    CHECK(f.stored().state == TrajectoryState::follow_up);
    f.move("closed", "2026-02-15");
    CHECK_FALSE(f.stored().end_reason_code.has_value());
}

namespace {

/// The seeded rows an evaluation reads, as text, to compare two seeds.
std::string evaluation_rows(const std::filesystem::path& path)
{
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    std::string out;
    for (const char* sql :
         {"SELECT group_concat(client_id || received_on || onderzoek_done_on || aanvraag_on || decided_on || "
          "hh_minutes_requested, ';') FROM melding",
          "SELECT group_concat(id || melding_id || start_date || state || ifnull(ended_on, '') || "
          "ifnull(end_reason_code, ''), ';') FROM trajectory",
          "SELECT group_concat(client_id || melding_id || ifnull(trajectory_id, '') || kind || decided_on || policy_id "
          "|| policy_version || outcome || ifnull(minutes_per_week, '') || ifnull(starts_on, ''), ';') FROM "
          "decision"}) {
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

TEST_CASE("the demo seed gives every trajectory a melding with minutes, codes its dropouts and records decisions")
{
    testing::Scratch scratch;
    const FixedClock clock{day("2026-11-23")};
    const protocol::Policy& policy = shipped().policy("groningen-precedence");
    auto seeded = [&](const char* name) {
        const auto path = scratch.path(name);
        auto db = storage_sqlite::open_sqlite(path, {.create = true});
        db->migrate();
        const app::SeedSummary s = app::seed_demo(*db, shipped(), clock, {.clients = 40, .seed = 5});
        CHECK(s.meldingen == 40);
        CHECK(s.dropouts > 0);
        CHECK(db->read()->decisions().count() == static_cast<std::size_t>(s.decisions));

        auto work = db->read();
        std::map<std::int64_t, Melding> meldingen;
        for (const Melding& m : work->clients().meldingen(std::nullopt)) meldingen.emplace(m.id.value, m);
        CHECK(meldingen.size() == 40);
        int initial = 0, at_training_end = 0, at_dropout = 0, granted = 0, not_needed = 0, later = 0, dropouts = 0;
        for (const Client& c : work->clients().list(std::nullopt)) {
            const std::vector<Trajectory> trajectories = work->trajectories().for_client(c.id);
            REQUIRE(trajectories.size() == 1);
            const Trajectory& t = trajectories.front();
            REQUIRE(t.melding.has_value());
            const Melding& m = meldingen.at(t.melding->value);
            CHECK(m.client == c.id);
            REQUIRE(m.hh_minutes_requested.has_value());
            const int asked = *m.hh_minutes_requested;
            CHECK(asked >= 90);
            CHECK(asked <= 240);
            CHECK(asked % 5 == 0);
            CHECK((t.start - m.received_on).count() >= 14);
            CHECK((t.start - m.received_on).count() <= 28);
            if (t.state == TrajectoryState::dropped_out) {
                ++dropouts;
                CHECK(t.end_reason_code.has_value());
                CHECK_FALSE(t.end_reason.empty());
            }
            else {
                CHECK_FALSE(t.end_reason_code.has_value());
            }
            const calendar::Date training_end =
                schedule::training_end(shipped().trajectory(t.template_id, t.template_version), t.start);
            for (const RecordedDecision& d : work->decisions().for_client(c.id)) {
                CHECK(d.melding == t.melding);
                CHECK(d.policy_id == policy.id);
                CHECK(d.policy_version == policy.version);
                CHECK(d.inputs_json == R"({"synthetic": true})");
                CHECK(d.result_json == R"({"synthetic": true})");
                CHECK(d.computed_outcome == d.outcome);
                CHECK(d.computed_minutes == d.minutes_per_week);
                CHECK(d.motivation.empty());
                CHECK(d.decided_on <= clock.today());
                CHECK_FALSE(d.ends_on.has_value());
                if (d.kind == DecisionKind::initial) {
                    ++initial;
                    CHECK(d.outcome == Outcome::reablement_first);
                    CHECK_FALSE(d.minutes_per_week.has_value());
                    CHECK(d.decided_on < t.start);
                    CHECK(d.decided_on > m.received_on);
                    CHECK(m.decided_on == d.decided_on);
                    continue;
                }
                CHECK(d.trajectory == t.id);
                if (d.outcome == Outcome::hh_granted) {
                    ++granted;
                    REQUIRE(d.minutes_per_week.has_value());
                    CHECK(std::stoi(*d.minutes_per_week) >= 1);
                    CHECK(d.starts_on == d.decided_on);
                }
                else {
                    ++not_needed;
                    CHECK(d.outcome == Outcome::no_hh_needed);
                    CHECK_FALSE(d.minutes_per_week.has_value());
                    CHECK_FALSE(d.starts_on.has_value());
                }
                if (t.state == TrajectoryState::dropped_out) {
                    ++at_dropout;
                    CHECK(d.decided_on == *t.ended_on);
                }
                else if (d.decided_on == training_end) {
                    ++at_training_end;
                    CHECK(training_end <= clock.today());
                }
                else {
                    ++later;
                    CHECK(d.decided_on > training_end);
                    CHECK(d.outcome == Outcome::hh_granted);
                }
            }
        }
        CHECK(initial == 40);
        CHECK(at_training_end > 0);
        CHECK(at_dropout == dropouts);
        CHECK(dropouts == s.dropouts);
        CHECK(granted > 0);
        CHECK(not_needed > 0);
        CHECK(initial + at_training_end + at_dropout + later == s.decisions);
        return path;
    };
    const auto a = seeded("a.db");
    const auto b = seeded("b.db");
    CHECK(evaluation_rows(a) == evaluation_rows(b));
    CHECK(evaluation_rows(a).find("\n\n") == std::string::npos);  // no table came back empty
}
