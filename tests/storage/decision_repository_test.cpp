// Onderzoek findings and recorded decisions through the SQLite repository: round trips, the order
// they come back in, and what the stored data refuses.

#include "reable/error.hpp"
#include "storage_fixture.hpp"

#include <doctest/doctest.h>

using namespace reable;
using namespace reable::domain;
using reable::testing::error_of;
using reable::testing::StorageFixture;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

/// A date as text for readable failures; "none" when empty.
std::string iso(const std::optional<calendar::Date>& d) { return d ? calendar::format_iso_date(*d) : "none"; }

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

/// Findings with every field away from its default, so a column mixed up or dropped shows.
OnderzoekFindings full_findings(ClientId client)
{
    OnderzoekFindings f;
    f.client = client;
    f.recorded_on = day("2026-03-02");
    f.concerns_household_help = false;
    f.terminal = true;
    f.bedbound = true;
    f.cognitive_screen = 23;
    f.dementia = Dementia::moderate;
    f.serious_psychiatric = true;
    f.needs_institutional_care = true;
    f.cannot_communicate = true;
    f.decline_since = day("2026-01-15");
    f.decline_recoverable = true;
    f.household_goal = true;
    f.acute_need = true;
    f.reablement_wait_days = 21;
    f.does_light_tasks = true;
    f.does_medium_tasks = true;
    f.limitation = Limitation::much;
    f.small_dwelling = true;
    f.network_covers_all = true;
    f.dropout_medical = true;
    return f;
}

OnderzoekFindings findings_on(ClientId client, const char* recorded_on)
{
    OnderzoekFindings f;
    f.client = client;
    f.recorded_on = day(recorded_on);
    return f;
}

/// A decision as the engine leaves it: final outcome and minutes equal to the computed ones.
RecordedDecision computed_decision(ClientId client, const char* decided_on)
{
    RecordedDecision d;
    d.client = client;
    d.decided_on = day(decided_on);
    d.policy_id = "groningen-hh";
    d.policy_version = "2026.1";
    d.computed_outcome = Outcome::no_hh_needed;
    d.outcome = Outcome::no_hh_needed;
    d.inputs_json = "{}";
    d.result_json = "{}";
    return d;
}

Trajectory trajectory_for(ClientId client, std::optional<MeldingId> melding)
{
    Trajectory t;
    t.client = client;
    t.melding = melding;
    t.template_id = "groningen-14w-2y";
    t.template_version = "1.0.0";
    t.start = day("2026-01-05");
    return t;
}

}  // namespace

TEST_CASE("decisions: findings round-trip every field, set and left empty")
{
    StorageFixture f;
    OnderzoekId full_id, plain_id;
    ClientId client;
    {
        auto work = f.db->write();
        client = f.add_client(*work);
        full_id = work->decisions().add_findings(full_findings(client));
        plain_id = work->decisions().add_findings(findings_on(client, "2026-04-01"));
        work->commit();
    }
    auto work = f.db->read();
    const std::vector<OnderzoekFindings> all = work->decisions().findings(client);
    REQUIRE(all.size() == 2);

    const OnderzoekFindings& full = all[0];
    CHECK(full.id == full_id);
    CHECK(full.client == client);
    CHECK(iso(full.recorded_on) == "2026-03-02");
    CHECK_FALSE(full.concerns_household_help);
    CHECK(full.terminal);
    CHECK(full.bedbound);
    CHECK(full.cognitive_screen == 23);
    CHECK(full.dementia == Dementia::moderate);
    CHECK(full.serious_psychiatric);
    CHECK(full.needs_institutional_care);
    CHECK(full.cannot_communicate);
    CHECK(iso(full.decline_since) == "2026-01-15");
    CHECK(full.decline_recoverable);
    CHECK(full.household_goal);
    CHECK(full.acute_need);
    CHECK(full.reablement_wait_days == 21);
    CHECK(full.does_light_tasks);
    CHECK(full.does_medium_tasks);
    CHECK(full.limitation == Limitation::much);
    CHECK(full.small_dwelling);
    CHECK(full.network_covers_all);
    CHECK(full.dropout_medical);

    const OnderzoekFindings& plain = all[1];
    CHECK(plain.id == plain_id);
    CHECK(iso(plain.recorded_on) == "2026-04-01");
    CHECK(plain.concerns_household_help);
    CHECK_FALSE(plain.terminal);
    CHECK_FALSE(plain.bedbound);
    CHECK_FALSE(plain.cognitive_screen.has_value());
    CHECK(plain.dementia == Dementia::none);
    CHECK_FALSE(plain.serious_psychiatric);
    CHECK_FALSE(plain.needs_institutional_care);
    CHECK_FALSE(plain.cannot_communicate);
    CHECK_FALSE(plain.decline_since.has_value());
    CHECK_FALSE(plain.decline_recoverable);
    CHECK_FALSE(plain.household_goal);
    CHECK_FALSE(plain.acute_need);
    CHECK_FALSE(plain.reablement_wait_days.has_value());
    CHECK_FALSE(plain.does_light_tasks);
    CHECK_FALSE(plain.does_medium_tasks);
    CHECK(plain.limitation == Limitation::none);
    CHECK_FALSE(plain.small_dwelling);
    CHECK_FALSE(plain.network_covers_all);
    CHECK_FALSE(plain.dropout_medical);
}

TEST_CASE("decisions: a screen score of 0 and a wait of 0 days are kept apart from not known")
{
    StorageFixture f;
    auto work = f.db->write();
    OnderzoekFindings zero = findings_on(f.add_client(*work), "2026-03-02");
    zero.cognitive_screen = 0;
    zero.reablement_wait_days = 0;
    work->decisions().add_findings(zero);
    const auto stored = work->decisions().latest_findings(zero.client);
    REQUIRE(stored);
    CHECK(stored->cognitive_screen == 0);
    CHECK(stored->reablement_wait_days == 0);
}

TEST_CASE("decisions: the latest findings are the newest by date, then by id, findings come oldest first")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work, 0);
    const ClientId other = f.add_client(*work, 1);
    auto& decisions = work->decisions();

    CHECK_FALSE(decisions.latest_findings(client).has_value());
    CHECK(decisions.findings(client).empty());

    const OnderzoekId march = decisions.add_findings(findings_on(client, "2026-03-01"));
    OnderzoekFindings may_first = findings_on(client, "2026-05-01");
    may_first.limitation = Limitation::some;
    const OnderzoekId may_a = decisions.add_findings(may_first);
    OnderzoekFindings may_second = findings_on(client, "2026-05-01");
    may_second.limitation = Limitation::much;
    const OnderzoekId may_b = decisions.add_findings(may_second);
    // Recorded later, but about an earlier onderzoek: it does not supersede May.
    const OnderzoekId april = decisions.add_findings(findings_on(client, "2026-04-01"));
    // Another client's newer findings do not count.
    decisions.add_findings(findings_on(other, "2026-06-01"));

    const auto latest = decisions.latest_findings(client);
    REQUIRE(latest);
    CHECK(latest->id == may_b);
    CHECK(latest->limitation == Limitation::much);

    std::vector<OnderzoekId> order;
    for (const OnderzoekFindings& found : decisions.findings(client)) order.push_back(found.id);
    CHECK(order == std::vector<OnderzoekId>{march, april, may_a, may_b});
    CHECK(decisions.findings(other).size() == 1);
}

TEST_CASE("decisions: a recorded decision round-trips every field, set and left empty")
{
    StorageFixture f;
    ClientId client;
    MeldingId melding;
    TrajectoryId trajectory;
    DecisionId full_id, plain_id;
    {
        auto work = f.db->write();
        client = f.add_client(*work);
        melding = work->clients().add_melding({{}, client, day("2026-01-02"), {}, {}, {}, {}});
        trajectory = work->trajectories().add(trajectory_for(client, melding));

        RecordedDecision d;
        d.client = client;
        d.melding = melding;
        d.trajectory = trajectory;
        d.kind = DecisionKind::reassessment;
        d.decided_on = day("2026-04-20");
        d.policy_id = "groningen-hh";
        d.policy_version = "2026.1";
        d.norm_id = "kpmg-hhm-2024";
        d.norm_version = "1.2";
        d.choice = Choice::decline;
        d.computed_outcome = Outcome::hh_granted;
        d.computed_minutes = "117.5";
        d.band = "middle";
        d.needs_motivation = true;
        d.outcome = Outcome::temporary_hh;
        d.minutes_per_week = "150";
        d.motivation = "Partner herstelt van een heupoperatie; tijdelijk meer uren.";
        d.starts_on = day("2026-05-01");
        d.ends_on = day("2026-07-31");
        d.review_on = day("2026-07-01");
        d.inputs_json = R"({"household_size":2})";
        d.result_json = R"({"reasons":["acute_need"]})";
        full_id = work->decisions().add(d);
        plain_id = work->decisions().add(computed_decision(client, "2026-04-21"));
        work->commit();
    }
    auto work = f.db->read();

    const auto full = work->decisions().find(full_id);
    REQUIRE(full);
    CHECK(full->id == full_id);
    CHECK(full->client == client);
    CHECK(full->melding == melding);
    CHECK(full->trajectory == trajectory);
    CHECK(full->kind == DecisionKind::reassessment);
    CHECK(iso(full->decided_on) == "2026-04-20");
    CHECK(full->policy_id == "groningen-hh");
    CHECK(full->policy_version == "2026.1");
    CHECK(full->norm_id == "kpmg-hhm-2024");
    CHECK(full->norm_version == "1.2");
    CHECK(full->choice == Choice::decline);
    CHECK(full->computed_outcome == Outcome::hh_granted);
    CHECK(full->computed_minutes == "117.5");
    CHECK(full->band == "middle");
    CHECK(full->needs_motivation);
    CHECK(full->outcome == Outcome::temporary_hh);
    CHECK(full->minutes_per_week == "150");
    CHECK(full->motivation == "Partner herstelt van een heupoperatie; tijdelijk meer uren.");
    CHECK(iso(full->starts_on) == "2026-05-01");
    CHECK(iso(full->ends_on) == "2026-07-31");
    CHECK(iso(full->review_on) == "2026-07-01");
    CHECK(full->inputs_json == R"({"household_size":2})");
    CHECK(full->result_json == R"({"reasons":["acute_need"]})");

    const auto plain = work->decisions().find(plain_id);
    REQUIRE(plain);
    CHECK(plain->client == client);
    CHECK_FALSE(plain->melding.has_value());
    CHECK_FALSE(plain->trajectory.has_value());
    CHECK(plain->kind == DecisionKind::initial);
    CHECK(plain->norm_id.empty());
    CHECK(plain->norm_version.empty());
    CHECK(plain->choice == Choice::not_asked);
    CHECK(plain->computed_outcome == Outcome::no_hh_needed);
    CHECK_FALSE(plain->computed_minutes.has_value());
    CHECK(plain->band.empty());
    CHECK_FALSE(plain->needs_motivation);
    CHECK(plain->outcome == Outcome::no_hh_needed);
    CHECK_FALSE(plain->minutes_per_week.has_value());
    CHECK(plain->motivation.empty());
    CHECK_FALSE(plain->starts_on.has_value());
    CHECK_FALSE(plain->ends_on.has_value());
    CHECK_FALSE(plain->review_on.has_value());

    CHECK_FALSE(work->decisions().find(DecisionId{999}).has_value());
}

TEST_CASE("decisions: a client's decisions come oldest first, count() counts every client's")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work, 0);
    const ClientId other = f.add_client(*work, 1);
    auto& decisions = work->decisions();
    CHECK(decisions.count() == 0);
    CHECK(decisions.for_client(client).empty());

    const DecisionId june = decisions.add(computed_decision(client, "2026-06-01"));
    const DecisionId march = decisions.add(computed_decision(client, "2026-03-01"));
    const DecisionId june_again = decisions.add(computed_decision(client, "2026-06-01"));
    decisions.add(computed_decision(other, "2026-01-01"));

    std::vector<DecisionId> order;
    for (const RecordedDecision& d : decisions.for_client(client)) order.push_back(d.id);
    CHECK(order == std::vector<DecisionId>{march, june, june_again});
    CHECK(decisions.for_client(other).size() == 1);
    CHECK(decisions.count() == 4);
}

TEST_CASE("decisions: an override without a written motivation is refused and writes nothing")
{
    StorageFixture f;
    ClientId client;
    {
        auto work = f.db->write();
        client = f.add_client(*work);
        work->decisions().add(computed_decision(client, "2026-03-01"));

        RecordedDecision d = computed_decision(client, "2026-03-02");
        d.computed_outcome = Outcome::hh_granted;
        d.computed_minutes = "235";
        d.outcome = Outcome::hh_granted;
        d.minutes_per_week = "235";
        SUBCASE("another outcome") { d.outcome = Outcome::temporary_hh; }
        SUBCASE("other minutes") { d.minutes_per_week = "240"; }
        SUBCASE("minutes dropped") { d.minutes_per_week.reset(); }
        SUBCASE("minutes where none were computed")
        {
            d.computed_minutes.reset();
            d.computed_outcome = Outcome::no_hh_needed;
            d.outcome = Outcome::no_hh_needed;
        }
        CHECK(error_of([&] { work->decisions().add(d); }) ==
              "conflict: writing to the database: CHECK constraint failed: override_needs_motivation");
        CHECK(work->decisions().count() == 1);
        CHECK(work->decisions().for_client(client).size() == 1);

        // With the motivation the same override is kept.
        d.motivation = "Mantelzorger valt weg.";
        work->decisions().add(d);
        work->commit();
    }
    auto work = f.db->read();
    const auto stored = work->decisions().for_client(client);
    REQUIRE(stored.size() == 2);
    CHECK(stored[1].motivation == "Mantelzorger valt weg.");
}

TEST_CASE("decisions: findings and decisions for a client, melding or trajectory that does not exist are a conflict")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work);
    const ClientId unknown{999};

    CHECK(error_of([&] { work->decisions().add_findings(findings_on(unknown, "2026-03-01")); }) ==
          "conflict: writing to the database: FOREIGN KEY constraint failed");
    CHECK(code_of([&] { work->decisions().add(computed_decision(unknown, "2026-03-01")); }) == ErrorCode::conflict);

    RecordedDecision d = computed_decision(client, "2026-03-01");
    SUBCASE("melding") { d.melding = MeldingId{999}; }
    SUBCASE("trajectory") { d.trajectory = TrajectoryId{999}; }
    CHECK(code_of([&] { work->decisions().add(d); }) == ErrorCode::conflict);

    CHECK(work->decisions().findings(unknown).empty());
    CHECK(work->decisions().count() == 0);
}

TEST_CASE("decisions: the database refuses values no front end should ever let through")
{
    StorageFixture f;
    auto work = f.db->write();
    const ClientId client = f.add_client(*work);

    SUBCASE("findings")
    {
        OnderzoekFindings o = findings_on(client, "2026-03-01");
        SUBCASE("a screen score above 30") { o.cognitive_screen = 31; }
        SUBCASE("a negative screen score") { o.cognitive_screen = -1; }
        SUBCASE("a negative wait") { o.reablement_wait_days = -1; }
        SUBCASE("a wait of more than ten years") { o.reablement_wait_days = 3651; }
        CHECK(code_of([&] { work->decisions().add_findings(o); }) == ErrorCode::conflict);
        CHECK(work->decisions().findings(client).empty());
    }
    SUBCASE("decisions")
    {
        RecordedDecision d = computed_decision(client, "2026-03-01");
        d.computed_outcome = Outcome::hh_granted;
        d.outcome = Outcome::hh_granted;
        d.motivation = "any";  // so that only the minutes' own check can refuse
        SUBCASE("minutes with a trailing zero") { d.computed_minutes = "235.0"; }
        SUBCASE("minutes with a leading zero") { d.minutes_per_week = "0235"; }
        SUBCASE("negative minutes") { d.minutes_per_week = "-5"; }
        SUBCASE("minutes that are not a number") { d.minutes_per_week = "twee uur"; }
        SUBCASE("empty minutes") { d.computed_minutes = ""; }
        SUBCASE("an end before the start")
        {
            d.starts_on = day("2026-05-01");
            d.ends_on = day("2026-04-30");
        }
        CHECK(code_of([&] { work->decisions().add(d); }) == ErrorCode::conflict);
        CHECK(work->decisions().count() == 0);
    }
}

TEST_CASE("decisions: an uncommitted unit of work writes no findings and no decision")
{
    StorageFixture f;
    ClientId client;
    {
        auto work = f.db->write();
        client = f.add_client(*work);
        work->commit();
    }
    {
        auto work = f.db->write();
        work->decisions().add_findings(full_findings(client));
        work->decisions().add(computed_decision(client, "2026-03-01"));
        CHECK(work->decisions().count() == 1);
        // no commit: destroyed here
    }
    auto work = f.db->read();
    CHECK_FALSE(work->decisions().latest_findings(client).has_value());
    CHECK(work->decisions().for_client(client).empty());
    CHECK(work->decisions().count() == 0);
}
