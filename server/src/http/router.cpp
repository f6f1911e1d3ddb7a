#include "http/router.hpp"

namespace reable::server {

std::vector<std::string> split_path(const std::string& path)
{
    std::vector<std::string> out;
    std::size_t start = 1;
    while (start <= path.size()) {
        const std::size_t end = path.find('/', start);
        out.push_back(path.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

void Router::add(Route route)
{
    m_segments.push_back(split_path(route.pattern));
    m_routes.push_back(std::move(route));
}

std::optional<RouteMatch> Router::match(const std::string& method, const std::string& path,
                                        std::vector<std::string>& allowed) const
{
    const std::vector<std::string> segments = split_path(path);
    for (std::size_t r = 0; r < m_routes.size(); ++r) {
        const Route& route = m_routes[r];
        const std::vector<std::string>& pattern = m_segments[r];
        if (pattern.size() != segments.size()) continue;
        RouteMatch m{&route, {}};
        bool ok = true;
        for (std::size_t i = 0; i < pattern.size() && ok; ++i) {
            const std::string& p = pattern[i];
            if (p.size() > 2 && p.front() == '{' && p.back() == '}')
                m.params[p.substr(1, p.size() - 2)] = segments[i];
            else
                ok = p == segments[i];
        }
        if (!ok) continue;
        if (route.method == method) return m;
        allowed.push_back(route.method);
    }
    return std::nullopt;
}

}  // namespace reable::server
