#include "api/report_cache.hpp"

#include <algorithm>

namespace reable::server {

std::shared_ptr<ExportState> ReportCache::find(const std::string& key, std::uint64_t generation, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(key);
    if (it == m_entries.end()) return nullptr;
    if (it->second.generation != generation || now - it->second.made > m_lifetime) {
        m_entries.erase(it);
        return nullptr;
    }
    return it->second.state;
}

void ReportCache::store(const std::string& key, std::uint64_t generation, Clock::time_point now,
                        std::shared_ptr<ExportState> state)
{
    const std::lock_guard lock(m_mutex);
    if (m_entries.size() >= m_capacity && !m_entries.contains(key)) {
        const auto oldest = std::min_element(m_entries.begin(), m_entries.end(),
                                             [](const auto& a, const auto& b) { return a.second.made < b.second.made; });
        m_entries.erase(oldest);
    }
    m_entries[key] = Entry{generation, now, std::move(state)};
}

}  // namespace reable::server
