#pragma once

// Idempotent writes. A client may send `Idempotency-Key: <key>` with a POST: the first successful
// answer is remembered per user and key, and a repeat of the request with that key gets the same
// answer again (with `Idempotent-Replayed: true`) without the handler running a second time. A
// retry after a lost answer therefore creates no second session, test, goal or decision.
//
// Kept in memory only: bounded (oldest evicted first), each entry forgotten after its lifetime
// (24 hours), and nothing survives a restart of the server. Failed requests (4xx, 5xx) are not
// remembered, so the user can correct the input and send it again with the same key.

#include "http/router.hpp"

#include "reable/domain/ids.hpp"

#include <chrono>
#include <cstdint>
#include <list>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace reable::server {

inline constexpr std::string_view k_idempotency_header = "Idempotency-Key";

/// 1 to 100 visible ASCII characters (0x21–0x7E).
bool valid_idempotency_key(std::string_view key);

/// What a request is, for telling a repeat from another request sent with the same key: method,
/// target (path and query) and the SHA-256 of the body.
std::string request_fingerprint(std::string_view method, std::string_view target, std::string_view body);

/// One client-data access of a remembered request, written again (as a read) when the answer is
/// replayed: the replay shows the data once more.
struct ReplayAudit {
    std::optional<domain::ClientId> client;
    std::string data;
};

class IdempotencyStore {
public:
    using Clock = std::chrono::steady_clock;

    struct Limits {
        std::size_t max_entries = 10'000;  ///< at least 1
        std::size_t max_bytes = 64u << 20;  ///< of remembered bodies
        std::chrono::seconds lifetime = std::chrono::hours(24);
    };

    enum class Outcome {
        fresh,        ///< first use of the key: run the request, then remember() or release()
        replay,       ///< the same request succeeded before: answer `response`
        in_progress,  ///< the first request with this key has not answered yet
        mismatch,     ///< the key was used for another method, path or body
    };

    struct Claim {
        Outcome outcome = Outcome::fresh;
        Response response{};             ///< replay: the remembered answer
        std::vector<ReplayAudit> audit{};  ///< replay: what the first request accessed
        std::uint64_t ticket = 0;        ///< fresh: names this claim to remember() and release()
    };

    IdempotencyStore() : IdempotencyStore(Limits{}) {}
    explicit IdempotencyStore(Limits limits) : m_limits(limits) {}
    IdempotencyStore(const IdempotencyStore&) = delete;
    IdempotencyStore& operator=(const IdempotencyStore&) = delete;

    /// Looks the key up for the user and, when it is new, marks it as in progress.
    Claim claim(std::int64_t user, const std::string& key, const std::string& fingerprint, Clock::time_point now);
    /// Remembers the answer of a fresh claim. Does nothing when the claim was evicted meanwhile.
    void remember(std::int64_t user, const std::string& key, std::uint64_t ticket, const Response& response,
                  std::vector<ReplayAudit> audit);
    /// Forgets a fresh claim whose request failed, so the key can be used again.
    void release(std::int64_t user, const std::string& key, std::uint64_t ticket);

    std::size_t size() const;

private:
    struct Entry {
        std::string id;  ///< user and key
        std::string fingerprint;
        Clock::time_point created;
        std::uint64_t ticket = 0;
        bool done = false;
        Response response;
        std::vector<ReplayAudit> audit;
        std::size_t bytes = 0;
    };
    using Entries = std::list<Entry>;  ///< oldest first

    void erase(Entries::iterator it);
    void expire(Clock::time_point now);
    /// Drops the oldest entries while there are more than `entries` or the bodies exceed the budget.
    void evict_beyond(std::size_t entries);

    Limits m_limits;
    mutable std::mutex m_mutex;
    Entries m_entries;
    std::unordered_map<std::string, Entries::iterator> m_index;
    std::size_t m_bytes = 0;
    std::uint64_t m_next_ticket = 1;
};

}  // namespace reable::server
