#include "http/idempotency.hpp"

#include "reable/security/crypto.hpp"

#include <algorithm>

namespace reable::server {

namespace {

/// Keys of different users never meet: the user id and a separator no key can contain.
std::string entry_id(std::int64_t user, const std::string& key) { return std::to_string(user) + ' ' + key; }

}  // namespace

bool valid_idempotency_key(std::string_view key)
{
    return !key.empty() && key.size() <= 100 &&
           std::all_of(key.begin(), key.end(), [](char c) { return c >= 0x21 && c <= 0x7e; });
}

std::string request_fingerprint(std::string_view method, std::string_view target, std::string_view body)
{
    return std::string(method) + ' ' + std::string(target) + ' ' + security::sha256_hex(body);
}

IdempotencyStore::Claim IdempotencyStore::claim(std::int64_t user, const std::string& key,
                                                const std::string& fingerprint, Clock::time_point now)
{
    const std::lock_guard lock(m_mutex);
    expire(now);
    const std::string id = entry_id(user, key);
    if (const auto found = m_index.find(id); found != m_index.end()) {
        const Entry& e = *found->second;
        if (e.fingerprint != fingerprint) return {.outcome = Outcome::mismatch};
        if (!e.done) return {.outcome = Outcome::in_progress};
        return {.outcome = Outcome::replay, .response = e.response, .audit = e.audit};
    }
    evict_beyond(m_limits.max_entries - 1);  // room for this one
    Entry e;
    e.id = id;
    e.fingerprint = fingerprint;
    e.created = now;
    e.ticket = m_next_ticket++;
    e.bytes = id.size() + fingerprint.size();
    m_bytes += e.bytes;
    m_entries.push_back(std::move(e));
    m_index.emplace(id, std::prev(m_entries.end()));
    return {.outcome = Outcome::fresh, .ticket = m_entries.back().ticket};
}

void IdempotencyStore::remember(std::int64_t user, const std::string& key, std::uint64_t ticket,
                                const Response& response, std::vector<ReplayAudit> audit)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_index.find(entry_id(user, key));
    if (found == m_index.end() || found->second->ticket != ticket) return;  // evicted meanwhile
    Entry& e = *found->second;
    std::size_t bytes = e.id.size() + e.fingerprint.size() + response.body.size() + response.content_type.size();
    for (const auto& [name, value] : response.headers) bytes += name.size() + value.size();
    for (const ReplayAudit& a : audit) bytes += a.data.size() + sizeof a;
    m_bytes += bytes - e.bytes;
    e.bytes = bytes;
    e.response = response;
    e.response.stream = nullptr;
    e.audit = std::move(audit);
    e.done = true;
    // Over the byte budget: the oldest go first (this one too, when it alone is too big; its
    // repeat then runs again, as without a key).
    evict_beyond(m_limits.max_entries);
}

void IdempotencyStore::release(std::int64_t user, const std::string& key, std::uint64_t ticket)
{
    const std::lock_guard lock(m_mutex);
    const auto found = m_index.find(entry_id(user, key));
    if (found != m_index.end() && found->second->ticket == ticket) erase(found->second);
}

std::size_t IdempotencyStore::size() const
{
    const std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void IdempotencyStore::erase(Entries::iterator it)
{
    m_bytes -= it->bytes;
    m_index.erase(it->id);
    m_entries.erase(it);
}

void IdempotencyStore::expire(Clock::time_point now)
{
    // Oldest first, so the expired ones are at the front.
    while (!m_entries.empty() && now - m_entries.front().created >= m_limits.lifetime) erase(m_entries.begin());
}

void IdempotencyStore::evict_beyond(std::size_t entries)
{
    while (!m_entries.empty() && (m_entries.size() > entries || m_bytes > m_limits.max_bytes))
        erase(m_entries.begin());
}

}  // namespace reable::server
