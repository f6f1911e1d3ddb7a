// The access team's melding list: ordered in SQL by the legal deadlines, which must agree with
// domain::deadlines (the rule the rest of the program uses) on every day; scoped and paged.

#include "storage_fixture.hpp"

#include "reable/domain/bsn.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <tuple>

using namespace reable;
using namespace reable::domain;
using reable::testing::StorageFixture;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

std::optional<calendar::Date> maybe(const char* iso)
{
    return iso ? std::optional<calendar::Date>(day(iso)) : std::nullopt;
}

/// The order the list promises, computed with domain::deadlines on `today`: the meldingen with an
/// overdue open deadline first, then by the earliest due date of an open deadline (none: last),
/// then by id.
std::vector<std::int64_t> expected_order(std::vector<Melding> meldingen, calendar::Date today)
{
    const auto key = [&](const Melding& m) {
        bool overdue = false;
        std::optional<calendar::Date> next_due;
        for (const Deadline& d : deadlines(m, today)) {
            if (d.met_on) continue;
            overdue = overdue || d.overdue();
            if (!next_due || d.due < *next_due) next_due = d.due;
        }
        return std::make_tuple(!overdue, !next_due.has_value(), next_due.value_or(today), m.id.value);
    };
    std::sort(meldingen.begin(), meldingen.end(), [&](const Melding& a, const Melding& b) { return key(a) < key(b); });
    std::vector<std::int64_t> out;
    for (const Melding& m : meldingen) out.push_back(m.id.value);
    return out;
}

std::vector<std::int64_t> ids(const std::vector<Melding>& meldingen)
{
    std::vector<std::int64_t> out;
    for (const Melding& m : meldingen) out.push_back(m.id.value);
    return out;
}

}  // namespace

TEST_CASE("the melding list is ordered in SQL as domain::deadlines orders it, on any day, open or all")
{
    StorageFixture f;
    auto work = f.db->write();
    // {received, onderzoek done, aanvraag, decided}
    const std::vector<std::array<const char*, 4>> cases{
        {"2026-01-01", nullptr, nullptr, nullptr},                   // onderzoek due 2026-02-12
        {"2026-01-10", "2026-01-20", "2026-01-21", nullptr},         // beschikking due 2026-02-04
        {"2026-01-05", nullptr, "2026-01-06", nullptr},              // beschikking (01-20) before onderzoek (02-16)
        {"2025-12-01", "2025-12-20", "2025-12-21", "2025-12-30"},    // every deadline met
        {"2026-01-01", nullptr, nullptr, nullptr},                   // the same due date as the first: by id
        {"2026-03-01", nullptr, nullptr, nullptr},                   // onderzoek due 2026-04-12
        {"2026-01-15", nullptr, nullptr, "2026-01-20"},              // decided without an aanvraag: onderzoek open
        {"2026-01-02", "2026-01-03", "2026-02-01", nullptr},         // beschikking due 2026-02-15
        {"2025-11-01", nullptr, "2025-11-02", "2025-11-10"},         // decided, onderzoek open and long overdue
    };
    std::vector<Melding> all;
    for (std::size_t i = 0; i < cases.size(); ++i) {
        const auto& [received, done, aanvraag, decided] = cases[i];
        Melding m{{}, f.add_client(*work, static_cast<int>(i)), day(received), maybe(done), maybe(aanvraag),
                  maybe(decided), std::nullopt};
        m.id = work->clients().add_melding(m);
        all.push_back(m);
    }
    std::vector<Melding> open;
    std::copy_if(all.begin(), all.end(), std::back_inserter(open), [](const Melding& m) { return !m.decided_on; });

    for (const char* today : {"2025-11-01", "2026-01-25", "2026-02-05", "2026-02-13", "2026-02-16", "2026-06-01"}) {
        INFO("today " << today);
        storage::MeldingQuery q;
        q.open_only = false;
        q.page.limit = 100;
        const auto every = work->clients().melding_page(q);
        CHECK(every.total == all.size());
        CHECK(ids(every.items) == expected_order(all, day(today)));

        q.open_only = true;
        const auto undecided = work->clients().melding_page(q);
        CHECK(undecided.total == open.size());
        CHECK(ids(undecided.items) == expected_order(open, day(today)));
    }
    // The rows come back whole.
    storage::MeldingQuery q;
    q.open_only = false;
    const auto page = work->clients().melding_page(q);
    const auto second = std::find_if(page.items.begin(), page.items.end(),
                                     [&](const Melding& m) { return m.id == all[1].id; });
    REQUIRE(second != page.items.end());
    CHECK(second->client == all[1].client);
    CHECK(second->onderzoek_done_on == day("2026-01-20"));
    CHECK(second->aanvraag_on == day("2026-01-21"));
    CHECK_FALSE(second->decided_on.has_value());
}

TEST_CASE("the melding list pages like the client list and keeps to the municipality and team asked for")
{
    StorageFixture f;
    auto work = f.db->write();
    auto& org = work->organisation();
    const MunicipalityId amsterdam = org.add_municipality({{}, "GM0363", "Amsterdam"});
    const AreaId centrum = org.add_area({{}, amsterdam, "Centrum"});
    Client elsewhere;
    elsewhere.birth_date = day("1940-01-01");
    elsewhere.area = centrum;
    const ClientId other = work->clients().add(elsewhere, {Bsn::parse(testing::test_bsn(40)), "Elders"});
    work->clients().add_melding({{}, other, day("2026-01-01"), {}, {}, {}, {}});

    std::vector<std::int64_t> groningen;
    for (int i = 0; i < 5; ++i)
        groningen.push_back(
            work->clients().add_melding({{}, f.add_client(*work, i), day("2026-02-01"), {}, {}, {}, {}}).value);

    storage::MeldingQuery q;
    q.municipality = f.groningen;
    q.page = {1, 2};
    const auto page = work->clients().melding_page(q);
    CHECK(page.total == 5);
    CHECK(ids(page.items) == std::vector<std::int64_t>{groningen[1], groningen[2]});

    q.municipality = amsterdam;
    q.page = {};
    CHECK(work->clients().melding_page(q).total == 1);

    // A team sees the meldingen of the clients it serves: none yet.
    q.municipality.reset();
    q.team = f.team;
    CHECK(work->clients().melding_page(q).total == 0);
}
