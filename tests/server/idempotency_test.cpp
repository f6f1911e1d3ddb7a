// Idempotent writes: a POST repeated with the same Idempotency-Key is answered from memory and
// does not run twice. Over real HTTP, and the store itself (bounds, expiry, threads).

#include "scenario.hpp"
#include "server_fixture.hpp"

#include "http/idempotency.hpp"

#include <doctest/doctest.h>
#include <Poco/JSON/Array.h>

#include <atomic>
#include <thread>

using namespace reable::testing;
using reable::server::IdempotencyStore;
using reable::server::Response;

namespace {

const std::string k_header = "Idempotency-Key";

std::size_t session_count(const TestServer& server, const std::string& trajectory, const std::string& token)
{
    const HttpResult r = server.get(trajectory + "/sessions", token);
    REQUIRE_MESSAGE(r.status == 200, r.body);
    return r.json()->getArray("items")->size();
}

HttpResult post_keyed(const TestServer& server, const std::string& path, const std::string& body,
                      const std::string& token, const std::string& key)
{
    return server.request("POST", path, body, token, "application/json", {{k_header, key}});
}

}  // namespace

TEST_CASE("a session posted twice with one Idempotency-Key is logged once, and the repeat is the same answer")
{
    TestServer server;
    const Scenario s = make_scenario(server, server.login("wij"));
    const std::string fysio = server.login("fysio");
    const std::string trajectory = path_of("trajectories", s.trajectory);
    const std::string session = R"({"date": ")" + s.days_ago(10) + R"(", "minutes": 45, "activities": ["stairs"]})";
    const std::size_t before = session_count(server, trajectory, fysio);
    const std::int64_t goals = count_rows(server.database(), "copm_goal");

    const HttpResult first = post_keyed(server, trajectory + "/sessions", session, fysio, "session-2026-a1");
    REQUIRE_MESSAGE(first.status == 201, first.body);
    CHECK(first.headers.count("Idempotent-Replayed") == 0);
    const HttpResult again = post_keyed(server, trajectory + "/sessions", session, fysio, "session-2026-a1");
    CHECK(again.status == 201);
    CHECK(again.body == first.body);
    CHECK(again.content_type == first.content_type);
    CHECK(again.headers.at("Idempotent-Replayed") == "true");
    CHECK(session_count(server, trajectory, fysio) == before + 1);

    // The same key with another body, or on another path, is refused and writes nothing.
    const std::string other = R"({"date": ")" + s.days_ago(9) + R"(", "minutes": 30})";
    const HttpResult changed = post_keyed(server, trajectory + "/sessions", other, fysio, "session-2026-a1");
    CHECK(changed.status == 422);
    CHECK(changed.content_type == "application/problem+json");
    CHECK(changed.json()->getValue<std::string>("field") == k_header);
    const HttpResult elsewhere = post_keyed(server, trajectory + "/goals",
                                            R"({"problem": "Trap", "importance": 8, "set_on": ")" + s.days_ago(9) + "\"}",
                                            fysio, "session-2026-a1");
    CHECK(elsewhere.status == 422);
    CHECK(session_count(server, trajectory, fysio) == before + 1);
    CHECK(count_rows(server.database(), "copm_goal") == goals);

    // Without a key, the same request runs again: the service itself refuses the duplicate.
    const HttpResult plain = server.post(trajectory + "/sessions", session, fysio);
    CHECK(plain.status == 409);
    CHECK(plain.headers.count("Idempotent-Replayed") == 0);
    CHECK(session_count(server, trajectory, fysio) == before + 1);
}

TEST_CASE("a refused request is not remembered: corrected and sent again with the same key, it is done once")
{
    TestServer server;
    const Scenario s = make_scenario(server, server.login("wij"));
    const std::string fysio = server.login("fysio");
    const std::string trajectory = path_of("trajectories", s.trajectory);
    const std::size_t before = session_count(server, trajectory, fysio);

    const HttpResult wrong = post_keyed(server, trajectory + "/sessions",
                                        R"({"date": ")" + s.days_ago(10) + R"(", "minutes": 0})", fysio, "retry-me");
    CHECK(wrong.status == 422);
    const std::string fixed = R"({"date": ")" + s.days_ago(10) + R"(", "minutes": 40})";
    const HttpResult right = post_keyed(server, trajectory + "/sessions", fixed, fysio, "retry-me");
    CHECK_MESSAGE(right.status == 201, right.body);
    CHECK(right.headers.count("Idempotent-Replayed") == 0);
    const HttpResult repeat = post_keyed(server, trajectory + "/sessions", fixed, fysio, "retry-me");
    CHECK(repeat.status == 201);
    CHECK(repeat.headers.at("Idempotent-Replayed") == "true");
    CHECK(session_count(server, trajectory, fysio) == before + 1);

    // Keys are per user: another user's request with the same key is their own. Meldingen have
    // no natural key, so only the Idempotency-Key keeps a retry from recording a second one.
    const std::string wij = server.login("wij");
    const std::string meldingen = path_of("clients", s.client) + "/meldingen";
    const std::string received = R"({"received_on": ")" + s.days_ago(3) + "\"}";
    const std::int64_t rows = count_rows(server.database(), "melding");
    const HttpResult melding = post_keyed(server, meldingen, received, wij, "retry-me");
    CHECK_MESSAGE(melding.status == 201, melding.body);
    CHECK(melding.headers.count("Idempotent-Replayed") == 0);
    const HttpResult retried = post_keyed(server, meldingen, received, wij, "retry-me");
    CHECK(retried.status == 201);
    CHECK(retried.body == melding.body);
    CHECK(count_rows(server.database(), "melding") == rows + 1);
    CHECK(server.post(meldingen, received, wij).status == 201);  // without a key: a second melding
    CHECK(count_rows(server.database(), "melding") == rows + 2);
}

TEST_CASE("a malformed Idempotency-Key is 400 naming the header, and nothing is written")
{
    TestServer server;
    const Scenario s = make_scenario(server, server.login("wij"));
    const std::string fysio = server.login("fysio");
    const std::string trajectory = path_of("trajectories", s.trajectory);
    const std::string session = R"({"date": ")" + s.days_ago(10) + R"(", "minutes": 45})";
    const std::size_t before = session_count(server, trajectory, fysio);
    for (const std::string& key : {std::string(101, 'k'), std::string("two words"), std::string("tab\there"),
                                   std::string("caf\xc3\xa9")}) {
        INFO(key);
        const HttpResult r = post_keyed(server, trajectory + "/sessions", session, fysio, key);
        CHECK(r.status == 400);
        CHECK(r.content_type == "application/problem+json");
        CHECK(r.json()->getValue<std::string>("field") == k_header);
    }
    CHECK(session_count(server, trajectory, fysio) == before);
    CHECK(post_keyed(server, trajectory + "/sessions", session, fysio, std::string(100, 'k')).status == 201);
}

TEST_CASE("the key store answers fresh, in progress, replay or mismatch, per user, and forgets a released key")
{
    IdempotencyStore store;
    const auto now = IdempotencyStore::Clock::now();
    const auto first = store.claim(1, "k", "POST /a x", now);
    CHECK(first.outcome == IdempotencyStore::Outcome::fresh);
    CHECK(store.claim(1, "k", "POST /a x", now).outcome == IdempotencyStore::Outcome::in_progress);
    CHECK(store.claim(1, "k", "POST /a y", now).outcome == IdempotencyStore::Outcome::mismatch);
    CHECK(store.claim(2, "k", "POST /a x", now).outcome == IdempotencyStore::Outcome::fresh);

    Response answer;
    answer.status = 201;
    answer.body = R"({"id": 7})";
    store.remember(1, "k", first.ticket, answer, {{reable::domain::ClientId{3}, "session"}});
    const auto replay = store.claim(1, "k", "POST /a x", now);
    CHECK(replay.outcome == IdempotencyStore::Outcome::replay);
    CHECK(replay.response.status == 201);
    CHECK(replay.response.body == answer.body);
    REQUIRE(replay.audit.size() == 1);
    CHECK(replay.audit[0].client->value == 3);

    const auto failed = store.claim(1, "other", "POST /a x", now);
    store.release(1, "other", failed.ticket);
    CHECK(store.claim(1, "other", "POST /a x", now).outcome == IdempotencyStore::Outcome::fresh);
}

TEST_CASE("the key store forgets after its lifetime and evicts the oldest beyond its bounds")
{
    IdempotencyStore store({.max_entries = 3, .max_bytes = 1000, .lifetime = std::chrono::hours(24)});
    const auto t0 = IdempotencyStore::Clock::now();
    Response small;
    small.body = "ok";
    for (const char* key : {"a", "b", "c", "d"}) {
        const auto c = store.claim(1, key, "f", t0);
        store.remember(1, key, c.ticket, small, {});
    }
    CHECK(store.size() == 3);
    CHECK(store.claim(1, "a", "f", t0).outcome == IdempotencyStore::Outcome::fresh);  // evicted: "a" was oldest
    CHECK(store.claim(1, "d", "f", t0).outcome == IdempotencyStore::Outcome::replay);

    // A day later everything is forgotten.
    CHECK(store.claim(1, "d", "f", t0 + std::chrono::hours(24)).outcome == IdempotencyStore::Outcome::fresh);
    CHECK(store.size() == 1);

    // An answer too big for the budget is not kept; the next repeat runs again.
    Response big;
    big.body = std::string(2000, 'x');
    const auto c = store.claim(1, "big", "f", t0 + std::chrono::hours(25));
    store.remember(1, "big", c.ticket, big, {});
    CHECK(store.claim(1, "big", "f", t0 + std::chrono::hours(25)).outcome == IdempotencyStore::Outcome::fresh);
}

TEST_CASE("of many threads claiming one key at once, exactly one gets to run the request")
{
    IdempotencyStore store;
    std::atomic<int> fresh{0};
    std::atomic<int> waiting{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < 8; ++i)
        threads.emplace_back([&] {
            for (int round = 0; round < 200; ++round) {
                const auto c = store.claim(5, "key-" + std::to_string(round), "f", IdempotencyStore::Clock::now());
                if (c.outcome == IdempotencyStore::Outcome::fresh)
                    ++fresh;
                else if (c.outcome == IdempotencyStore::Outcome::in_progress)
                    ++waiting;
            }
        });
    for (std::thread& t : threads) t.join();
    CHECK(fresh == 200);
    CHECK(waiting == 7 * 200);
}
