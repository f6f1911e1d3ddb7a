#include "infra/login_limiter.hpp"

namespace reable::server {

std::optional<long long> LoginLimiter::wait_for(std::deque<Clock::time_point>& failures, int limit,
                                                Clock::time_point now)
{
    while (!failures.empty() && now - failures.front() >= k_window) failures.pop_front();
    if (static_cast<int>(failures.size()) < limit) return std::nullopt;
    const long long wait = std::chrono::ceil<std::chrono::seconds>(failures.front() + k_window - now).count();
    return wait > 0 ? wait : 1;
}

std::optional<long long> LoginLimiter::blocked(const std::string& username, const std::string& address,
                                               Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    // Forget windows that have passed, so the maps do not grow with every username ever tried.
    for (auto* map : {&m_by_user, &m_by_address})
        for (auto it = map->begin(); it != map->end();) {
            wait_for(it->second, 1, now);
            it = it->second.empty() ? map->erase(it) : std::next(it);
        }
    std::optional<long long> wait;
    if (auto it = m_by_user.find(username); it != m_by_user.end()) wait = wait_for(it->second, k_max_failures, now);
    // An address gets more room than a username: several people may share one (a municipal office).
    if (auto it = m_by_address.find(address); it != m_by_address.end())
        if (const auto w = wait_for(it->second, 4 * k_max_failures, now)) wait = std::max(wait.value_or(0), *w);
    return wait;
}

void LoginLimiter::failed(const std::string& username, const std::string& address, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    m_by_user[username].push_back(now);
    m_by_address[address].push_back(now);
}

void LoginLimiter::succeeded(const std::string& username)
{
    const std::lock_guard lock(m_mutex);
    m_by_user.erase(username);
}

}  // namespace reable::server
