#include "export_report.hpp"

#include "reable/exports/indicators.hpp"
#include "reable/exports/record_stream.hpp"

#include <memory>
#include <mutex>

namespace reable::app {
namespace {

/// Computes the indicators once, on the first file's transaction, for all the report's files. The
/// server may serve one report to several requests at once: the first computes, the others wait.
class SharedIndicators {
public:
    explicit SharedIndicators(const ExportContext& c) : m_context(c) {}

    const exports::CohortIndicators& get(storage::UnitOfWork& work)
    {
        const std::lock_guard lock(m_mutex);
        if (m_indicators) return *m_indicators;
        const ExportContext& c = m_context;
        exports::IndicatorSettings settings{c.options.as_of, std::nullopt, c.report.min_cell};
        if (c.report.tariff_per_hour) settings.tariff_per_hour = c.report.tariff_per_hour->to_double();
        m_indicators = std::make_unique<exports::CohortIndicators>(c.registry, settings);
        const std::size_t total = c.progress ? work.exports().count_trajectories(c.options.filter) : 0;
        exports::RecordStream stream(work.exports(), c.options.filter, {.values = true, .scores_only = true, .decisions = true}, c.key);
        exports::TrajectoryRecord record;
        std::size_t done = 0;
        while (stream.next(record)) {
            m_indicators->add(record);
            if (c.progress) c.progress(++done, total);
        }
        return *m_indicators;
    }

private:
    const ExportContext& m_context;
    std::mutex m_mutex;
    std::unique_ptr<exports::CohortIndicators> m_indicators;
};

}  // namespace

void append_report_files(std::vector<ExportFile>& files, const ExportContext& context)
{
    auto shared = std::make_shared<SharedIndicators>(context);
    files.push_back({"indicators.json", "application/json", [shared](storage::UnitOfWork& work, std::ostream& out) {
                         shared->get(work).write_json(out);
                         return std::uint64_t{1};
                     }});
    files.push_back({"indicators.csv", "text/csv; charset=utf-8", [shared](storage::UnitOfWork& work, std::ostream& out) {
                         return shared->get(work).write_csv(out);
                     }});
    files.push_back({"km.csv", "text/csv; charset=utf-8", [shared](storage::UnitOfWork& work, std::ostream& out) {
                         return shared->get(work).write_km_csv(out);
                     }});
    files.push_back({"km.svg", "image/svg+xml", [shared](storage::UnitOfWork& work, std::ostream& out) {
                         out << shared->get(work).km_plot();
                         return std::uint64_t{1};
                     }});
    for (const std::string& instrument : context.instruments)
        files.push_back({"change_" + instrument + ".svg", "image/svg+xml",
                         [shared, instrument](storage::UnitOfWork& work, std::ostream& out) {
                             out << shared->get(work).change_plot(instrument);
                             return std::uint64_t{1};
                         }});
}

}  // namespace reable::app
