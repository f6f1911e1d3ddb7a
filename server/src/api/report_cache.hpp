#pragma once

// The cohort report, computed once for many requests. The evaluator's dashboard reads two of the
// report's files (the indicators and the Kaplan–Meier curve) and each would otherwise compute the
// report over the whole cohort again: seconds with 10,000 clients. An entry serves requests with
// the same filters on the same day while no write went through this server since it was computed,
// and for at most `lifetime`, so writes by another process (the CLI) show within that time.

#include "reable/app/export_service.hpp"
#include "reable/exports/options.hpp"

#include <chrono>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace reable::server {

/// Everything a streamed export file needs after the handler returned: it must outlive the handler.
struct ExportState {
    exports::ExportOptions options;
    app::ReportSettings report;
    std::unique_ptr<app::ExportContext> context;
    std::vector<app::ExportFile> files;
};

class ReportCache {
public:
    using Clock = std::chrono::steady_clock;

    explicit ReportCache(std::chrono::seconds lifetime = std::chrono::minutes(10), std::size_t capacity = 16)
        : m_lifetime(lifetime), m_capacity(capacity)
    {
    }

    /// The state stored under `key` at this data generation and still within its lifetime, or null.
    std::shared_ptr<ExportState> find(const std::string& key, std::uint64_t generation, Clock::time_point now);
    /// Stores a state; the oldest entry gives way when the cache is full.
    void store(const std::string& key, std::uint64_t generation, Clock::time_point now,
               std::shared_ptr<ExportState> state);

private:
    struct Entry {
        std::uint64_t generation = 0;
        Clock::time_point made;
        std::shared_ptr<ExportState> state;
    };
    std::chrono::seconds m_lifetime;
    std::size_t m_capacity;
    std::mutex m_mutex;
    std::map<std::string, Entry> m_entries;
};

}  // namespace reable::server
