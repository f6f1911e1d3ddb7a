#pragma once

// Slows down password guessing: after k_max_failures failed logins for one username, or from one
// address, within k_window, further attempts are refused (429, with Retry-After) until the window
// has passed. Kept in memory: a restart clears it, which costs an attacker a restart per window.

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>

namespace reable::server {

class LoginLimiter {
public:
    using Clock = std::chrono::steady_clock;
    static constexpr int k_max_failures = 5;
    static constexpr std::chrono::minutes k_window{15};

    /// Seconds to wait when `username` or `address` is locked out now; nullopt when it may try.
    std::optional<long long> blocked(const std::string& username, const std::string& address, Clock::time_point now);
    void failed(const std::string& username, const std::string& address, Clock::time_point now);
    /// A successful login clears the username's failures (not the address's).
    void succeeded(const std::string& username);

private:
    /// Drops failures older than the window; the seconds until the oldest leaves it when at least
    /// `limit` remain.
    static std::optional<long long> wait_for(std::deque<Clock::time_point>& failures, int limit, Clock::time_point now);

    std::mutex m_mutex;
    std::map<std::string, std::deque<Clock::time_point>> m_by_user;
    std::map<std::string, std::deque<Clock::time_point>> m_by_address;
};

}  // namespace reable::server
