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

}  // namespace

bool version_less(std::string_view a, std::string_view b) { return version_parts(a) < version_parts(b); }

Registry::Registry(std::vector<Instrument> instruments) : m_instruments(std::move(instruments))
{
    std::sort(m_instruments.begin(), m_instruments.end(), [](const Instrument& a, const Instrument& b) {
        return a.id != b.id ? a.id < b.id : version_less(a.version, b.version);
    });
}

const Instrument& Registry::instrument(std::string_view id) const
{
    const Instrument* newest = nullptr;
    for (const Instrument& i : m_instruments)
        if (i.id == id) newest = &i;  // sorted: the last match is the newest version
    if (newest != nullptr) return *newest;
    std::string known;
    for (std::size_t k = 0; k < m_instruments.size(); ++k)
        if (k == 0 || m_instruments[k].id != m_instruments[k - 1].id)
            known += (known.empty() ? "" : ", ") + m_instruments[k].id;
    throw Error(ErrorCode::not_found, "unknown instrument \"" + std::string(id) + "\"; known instruments: " + known);
}

const Instrument& Registry::instrument(std::string_view id, std::string_view version) const
{
    for (const Instrument& i : m_instruments)
        if (i.id == id && i.version == version) return i;
    const Instrument& newest = instrument(id);  // throws when the id itself is unknown
    throw Error(ErrorCode::not_found, "instrument \"" + std::string(id) + "\" has no version \"" +
                                          std::string(version) + "\"; the newest is " + newest.version);
}

}  // namespace reable::protocol
