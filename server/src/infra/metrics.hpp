#pragma once

// Request counters and a latency histogram, rendered in the Prometheus text format (0.0.4).
// Labels are route patterns ("/api/v1/clients/{id}"), never paths with ids, so /metrics carries
// no client data and its cardinality stays bounded.

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>

namespace reable::server {

class Metrics {
public:
    /// Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> k_buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    void record(const std::string& method, const std::string& route, int status, double seconds);

    /// The exposition text. `gauges` adds one line per entry (name → value), e.g. the database size.
    std::string render(const std::map<std::string, double>& gauges) const;

private:
    mutable std::mutex m_mutex;
    std::map<std::tuple<std::string, std::string, int>, std::uint64_t> m_requests;
    std::array<std::uint64_t, k_buckets.size()> m_bucket_counts{};
    std::uint64_t m_count = 0;
    double m_sum = 0;
    std::uint64_t m_client_errors = 0;
    std::uint64_t m_server_errors = 0;
};

}  // namespace reable::server
