#include "reable/protocol/registry.hpp"

#include "reable/error.hpp"

#include <algorithm>
#include <charconv>

namespace reable::protocol {
namespace {

std::vector<long> version_parts(std::string_view v)
{
    std::vector<long> parts;
    std::size_t start = 0;
    while (start <= v.size()) {
        const std::size_t dot = std::min(v.find('.', start), v.size());
        long n = 0;
        std::from_chars(v.data() + start, v.data() + dot, n);
        parts.push_back(n);
        start = dot + 1;
    }
    return parts;
}

/// How messages name one kind of protocol: "instrument" / "instruments".
struct Kind {
    std::string_view one;
    std::string_view many;
};
constexpr Kind k_instrument{"instrument", "instruments"};
constexpr Kind k_trajectory{"trajectory template", "trajectory templates"};
constexpr Kind k_policy{"policy", "policies"};
constexpr Kind k_norms{"norm table", "norm tables"};

template <class Protocol>
void sort_by_id_and_version(std::vector<Protocol>& list)
{
    std::sort(list.begin(), list.end(), [](const Protocol& a, const Protocol& b) {
        return a.id != b.id ? a.id < b.id : version_less(a.version, b.version);
    });
}

/// The newest version with this id in a sorted list, or null.
template <class Protocol>
const Protocol* find_newest(const std::vector<Protocol>& list, std::string_view id)
{
    const Protocol* newest = nullptr;
    for (const Protocol& p : list)
        if (p.id == id) newest = &p;  // sorted: the last match is the newest version
    return newest;
}

template <class Protocol>
const Protocol& newest(const std::vector<Protocol>& list, std::string_view id, Kind kind)
{
    if (const Protocol* found = find_newest(list, id)) return *found;
    std::string known;
    for (std::size_t k = 0; k < list.size(); ++k)
        if (k == 0 || list[k].id != list[k - 1].id) known += (known.empty() ? "" : ", ") + list[k].id;
    throw Error(ErrorCode::not_found, "unknown " + std::string(kind.one) + " \"" + std::string(id) + "\"; known " +
                                          std::string(kind.many) + ": " + (known.empty() ? "none" : known));
}

template <class Protocol>
const Protocol& exact(const std::vector<Protocol>& list, std::string_view id, std::string_view version, Kind kind)
{
    for (const Protocol& p : list)
        if (p.id == id && p.version == version) return p;
    const Protocol& latest = newest(list, id, kind);  // throws when the id itself is unknown
    throw Error(ErrorCode::not_found, std::string(kind.one) + " \"" + std::string(id) + "\" has no version \"" +
                                          std::string(version) + "\"; the newest is " + latest.version);
}

}  // namespace

bool version_less(std::string_view a, std::string_view b) { return version_parts(a) < version_parts(b); }

Registry::Registry(std::vector<Instrument> instruments, std::vector<TrajectoryTemplate> trajectories,
                   std::vector<Policy> policies, std::vector<HhNorms> norms)
    : m_instruments(std::move(instruments)),
      m_trajectories(std::move(trajectories)),
      m_policies(std::move(policies)),
      m_norms(std::move(norms))
{
    sort_by_id_and_version(m_instruments);
    sort_by_id_and_version(m_trajectories);
    sort_by_id_and_version(m_policies);
    sort_by_id_and_version(m_norms);
}

const Policy& Registry::policy(std::string_view id) const { return newest(m_policies, id, k_policy); }

const Policy& Registry::policy(std::string_view id, std::string_view version) const
{
    return exact(m_policies, id, version, k_policy);
}

const HhNorms& Registry::norms(std::string_view id) const { return newest(m_norms, id, k_norms); }

const HhNorms& Registry::norms(std::string_view id, std::string_view version) const
{
    return exact(m_norms, id, version, k_norms);
}

const Instrument& Registry::instrument(std::string_view id) const { return newest(m_instruments, id, k_instrument); }

const Instrument& Registry::instrument(std::string_view id, std::string_view version) const
{
    return exact(m_instruments, id, version, k_instrument);
}

const TrajectoryTemplate& Registry::trajectory(std::string_view id) const
{
    return newest(m_trajectories, id, k_trajectory);
}

const TrajectoryTemplate& Registry::trajectory(std::string_view id, std::string_view version) const
{
    return exact(m_trajectories, id, version, k_trajectory);
}

bool Registry::has_trajectory(std::string_view id) const { return find_newest(m_trajectories, id) != nullptr; }

}  // namespace reable::protocol
