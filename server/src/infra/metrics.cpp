#include "infra/metrics.hpp"

#include <sstream>

namespace reable::server {

void Metrics::record(const std::string& method, const std::string& route, int status, double seconds)
{
    const std::lock_guard lock(m_mutex);
    ++m_requests[{method, route, status}];
    for (std::size_t i = 0; i < k_buckets.size(); ++i)
        if (seconds <= k_buckets[i]) ++m_bucket_counts[i];
    ++m_count;
    m_sum += seconds;
    if (status >= 500) ++m_server_errors;
    else if (status >= 400) ++m_client_errors;
}

std::string Metrics::render(const std::map<std::string, double>& gauges) const
{
    std::ostringstream out;
    out.precision(9);
    const std::lock_guard lock(m_mutex);
    out << "# HELP reable_http_requests_total HTTP requests answered, by method, route pattern and status.\n"
           "# TYPE reable_http_requests_total counter\n";
    for (const auto& [key, n] : m_requests) {
        const auto& [method, route, status] = key;
        out << "reable_http_requests_total{method=\"" << method << "\",route=\"" << route << "\",status=\"" << status
            << "\"} " << n << '\n';
    }
    out << "# HELP reable_http_request_duration_seconds Time from reading the request to writing the answer.\n"
           "# TYPE reable_http_request_duration_seconds histogram\n";
    for (std::size_t i = 0; i < k_buckets.size(); ++i)
        out << "reable_http_request_duration_seconds_bucket{le=\"" << k_buckets[i] << "\"} " << m_bucket_counts[i]
            << '\n';
    out << "reable_http_request_duration_seconds_bucket{le=\"+Inf\"} " << m_count << '\n'
        << "reable_http_request_duration_seconds_sum " << m_sum << '\n'
        << "reable_http_request_duration_seconds_count " << m_count << '\n';
    out << "# HELP reable_http_errors_total Answers with a 4xx (client) or 5xx (server) status.\n"
           "# TYPE reable_http_errors_total counter\n"
        << "reable_http_errors_total{class=\"4xx\"} " << m_client_errors << '\n'
        << "reable_http_errors_total{class=\"5xx\"} " << m_server_errors << '\n';
    for (const auto& [name, value] : gauges) out << "# TYPE " << name << " gauge\n" << name << ' ' << value << '\n';
    return out.str();
}

}  // namespace reable::server
