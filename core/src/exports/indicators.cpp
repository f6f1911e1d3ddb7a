#include "reable/exports/indicators.hpp"

#include "reable/analysis/svg_plot.hpp"
#include "reable/compact_json.hpp"
#include "reable/exports/csv_writer.hpp"
#include "reable/exports/outcomes.hpp"
#include "reable/units.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>

namespace reable::exports {

std::optional<MeaningfulChange> primary_meaningful_change(const protocol::Instrument& instrument)
{
    if (!instrument.primary_score) return std::nullopt;
    const protocol::Score& primary = instrument.scores[*instrument.primary_score];
    for (const protocol::MinimalImportantChange& mic : instrument.changes) {
        if (mic.score != primary.slot || mic.thresholds.empty()) continue;
        const protocol::ChangeThreshold& smallest = mic.thresholds.front();
        return MeaningfulChange{smallest.at.value.to_double(), smallest.at.inclusive,
                                primary.better == protocol::Better::higher};
    }
    return std::nullopt;
}

namespace {

using MeasureKey = std::pair<std::string, std::string>;
constexpr double k_nan = std::numeric_limits<double>::quiet_NaN();

bool meaningful(double change, const MeaningfulChange& m)
{
    const double improvement = m.higher_is_better ? change : -change;
    return m.inclusive ? improvement >= m.magnitude - 1e-9 : improvement > m.magnitude + 1e-9;
}

std::string number(double value, int decimals = 4)
{
    if (std::isnan(value)) return "";
    const double scale = std::pow(10.0, decimals);
    double rounded = std::round(value * scale) / scale;
    if (rounded == 0) rounded = 0;  // no "-0"
    char buffer[40];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, rounded).ptr;
    return std::string(buffer, end);
}

}  // namespace

CohortIndicators::CohortIndicators(const protocol::Registry& registry, IndicatorSettings settings)
    : m_registry(registry), m_settings(settings)
{
    m_groups["all"];
}

const protocol::Instrument* CohortIndicators::instrument(const std::string& id, const std::string& version)
{
    const std::string key = id + " " + version;
    const auto found = m_instruments.find(key);
    if (found != m_instruments.end()) return found->second;
    return m_instruments[key] = find_instrument(m_registry, id, version);
}

void CohortIndicators::add(const TrajectoryRecord& record)
{
    // The primary score of each test, then each instrument's baseline (its earliest test).
    struct Test {
        std::string instrument;
        std::string occasion;
        calendar::Date on;
        double value;
        const protocol::Instrument* definition;
    };
    std::vector<Test> tests;
    for (const storage::ExportValue& v : record.values) {
        if (v.is_item || v.number.empty()) continue;
        const protocol::Instrument* i = instrument(v.instrument_id, v.instrument_version);
        if (!i || !i->primary_score || i->scores[*i->primary_score].id != v.variable) continue;
        double value = 0;
        std::from_chars(v.number.data(), v.number.data() + v.number.size(), value);
        tests.push_back({v.instrument_id, v.occasion, v.tested_on, value, i});
    }
    std::vector<Measure> measures;
    for (const Test& t : tests) {
        const Test* baseline = &t;
        for (const Test& other : tests)
            if (other.instrument == t.instrument && other.on < baseline->on) baseline = &other;
        measures.push_back({{t.instrument, t.occasion},
                            t.value,
                            baseline == &t ? k_nan : t.value - baseline->value,
                            static_cast<double>((t.on - record.trajectory.start).count()),
                            t.definition});
    }
    add_to(m_groups["all"], record, measures);
    add_to(m_groups["area:" + record.trajectory.area_name], record, measures);
    if (!record.trajectory.team_name.empty()) add_to(m_groups["team:" + record.trajectory.team_name], record, measures);
}

void CohortIndicators::add_to(GroupIndicators& g, const TrajectoryRecord& record, const std::vector<Measure>& measures)
{
    const storage::ExportTrajectory& t = record.trajectory;
    ++g.enrolled;
    if (t.state == domain::TrajectoryState::dropped_out) {
        ++g.dropped_out;
        ++g.dropout_reasons[t.end_reason_code.empty() ? "unrecorded" : t.end_reason_code];
    }
    else if (t.state == domain::TrajectoryState::closed && t.closure == domain::Closure::early) ++g.ended_early;
    else if (t.state == domain::TrajectoryState::closed) ++g.completed;
    else ++g.ongoing;

    for (const Measure& m : measures) {
        MeasureCell& cell = g.measures[m.key];
        cell.level.add(m.level);
        cell.day.add(m.day);
        if (std::isnan(m.change)) continue;
        cell.change.add(m.change);
        const auto mic = primary_meaningful_change(*m.definition);
        if (mic && meaningful(m.change, *mic)) ++cell.meaningful;
    }

    for (std::size_t p = 0; p < k_follow_up_points.size(); ++p) {
        const HhAt at = hh_at(record.decisions, t.hh_minutes_requested, point_date(k_follow_up_points[p], t.start),
                              m_settings.as_of);
        ++g.hh[p][at.status];
        if (at.status != HhStatus::not_reached && at.minutes_avoided) g.minutes_avoided[p].add(*at.minutes_avoided);
    }
    const TimeToHh hh = time_to_hh(record.decisions, t.start, m_settings.as_of);
    g.time_to_hh.add(hh.days, hh.event);
}

}  // namespace reable::exports

namespace reable::exports {
namespace {

/// One line of the indicator table; the CSV and the JSON are both written from these.
struct Row {
    std::string group{};
    std::string indicator{};
    std::string instrument{};
    std::string occasion{};
    std::string category{};
    std::optional<std::size_t> n{};  ///< none when suppressed
    double value = k_nan;
    double sd = k_nan;
    double low = k_nan;
    double high = k_nan;
    bool suppressed = false;
};

class RowBuilder {
public:
    RowBuilder(std::vector<Row>& rows, int min_cell) : m_rows(rows), m_min(static_cast<std::size_t>(min_cell)) {}

    bool small(std::size_t n) const { return n > 0 && n < m_min; }

    /// A count with its share of a denominator.
    void count(const std::string& group, const std::string& indicator, const std::string& occasion,
               const std::string& category, std::size_t n, std::size_t of)
    {
        Row r{group, indicator, "", occasion, category};
        if (small(n) || small(of)) r.suppressed = true;
        else {
            r.n = n;
            r.value = of > 0 ? static_cast<double>(n) / static_cast<double>(of) : k_nan;
        }
        m_rows.push_back(r);
    }

    void mean(const std::string& group, const std::string& indicator, const std::string& instrument,
              const std::string& occasion, const analysis::RunningStats& stats, double scale = 1.0)
    {
        Row r{group, indicator, instrument, occasion, ""};
        if (stats.n() < m_min) r.suppressed = stats.n() > 0;
        if (stats.n() >= m_min) {
            const analysis::MeanInterval i = stats.interval();
            r.n = i.n;
            r.value = i.mean * scale;
            r.sd = i.sd ? *i.sd * scale : k_nan;
            r.low = i.low ? *i.low * scale : k_nan;
            r.high = i.high ? *i.high * scale : k_nan;
        }
        m_rows.push_back(r);
    }

    void share(const std::string& group, const std::string& indicator, const std::string& instrument,
               const std::string& occasion, std::size_t successes, std::size_t n)
    {
        Row r{group, indicator, instrument, occasion, ""};
        if (n < m_min) r.suppressed = n > 0;
        else {
            const analysis::Proportion p = analysis::wilson_interval(successes, n);
            r.n = n;
            r.value = p.share;
            r.low = p.low ? *p.low : k_nan;
            r.high = p.high ? *p.high : k_nan;
        }
        m_rows.push_back(r);
    }

    void value(const std::string& group, const std::string& indicator, const std::string& occasion, std::size_t n,
               double v)
    {
        Row r{group, indicator, "", occasion, ""};
        if (n < m_min) r.suppressed = n > 0;
        else {
            r.n = n;
            r.value = v;
        }
        m_rows.push_back(r);
    }

private:
    std::vector<Row>& m_rows;
    std::size_t m_min;
};

/// The occasions of a group's measures ordered by their mean day (intake before week 14).
std::vector<MeasureKey> ordered_measures(const GroupIndicators& g)
{
    std::vector<MeasureKey> keys;
    for (const auto& [key, cell] : g.measures) keys.push_back(key);
    std::stable_sort(keys.begin(), keys.end(), [&](const MeasureKey& a, const MeasureKey& b) {
        if (a.first != b.first) return a.first < b.first;
        return g.measures.at(a).day.mean() < g.measures.at(b).day.mean();
    });
    return keys;
}

std::vector<Row> indicator_rows(const std::map<std::string, GroupIndicators>& groups, const IndicatorSettings& s)
{
    std::vector<Row> rows;
    RowBuilder b(rows, s.min_cell);
    for (const auto& [name, g] : groups) {
        b.count(name, "enrolled", "", "", g.enrolled, g.enrolled);
        b.count(name, "completed", "", "", g.completed, g.enrolled);
        b.count(name, "ended_early", "", "", g.ended_early, g.enrolled);
        b.count(name, "dropped_out", "", "", g.dropped_out, g.enrolled);
        b.count(name, "ongoing", "", "", g.ongoing, g.enrolled);
        for (const auto& [reason, n] : g.dropout_reasons) b.count(name, "dropout_reason", "", reason, n, g.dropped_out);
        for (const MeasureKey& key : ordered_measures(g)) {
            const MeasureCell& cell = g.measures.at(key);
            b.mean(name, "score", key.first, key.second, cell.level);
            if (cell.change.n() == 0) continue;
            b.mean(name, "change_from_baseline", key.first, key.second, cell.change);
            b.share(name, "meaningful_change", key.first, key.second, cell.meaningful, cell.change.n());
        }
        for (std::size_t p = 0; p < k_follow_up_points.size(); ++p) {
            const std::string point(k_follow_up_points[p].id);
            std::size_t reached = 0;
            for (const auto& [status, n] : g.hh[p])
                if (status != HhStatus::not_reached) reached += n;
            for (HhStatus status : {HhStatus::none, HhStatus::lower, HhStatus::granted}) {
                const auto found = g.hh[p].find(status);
                b.count(name, "hh_status", point, std::string(to_string(status)),
                        found == g.hh[p].end() ? 0 : found->second, reached);
            }
            b.mean(name, "hh_minutes_avoided_per_week", "", point, g.minutes_avoided[p]);
            if (s.tariff_per_hour) {
                b.mean(name, "cost_avoided_per_week", "", point, g.minutes_avoided[p], *s.tariff_per_hour / 60.0);
                const analysis::RunningStats& m = g.minutes_avoided[p];
                b.value(name, "cost_avoided_per_week_total", point, m.n(),
                        m.mean() * static_cast<double>(m.n()) * *s.tariff_per_hour / 60.0);
            }
        }
        const auto median = g.time_to_hh.median();
        b.value(name, "hh_events", "", g.time_to_hh.subjects(), static_cast<double>(g.time_to_hh.events()));
        b.value(name, "median_days_to_hh", "", g.time_to_hh.subjects(), median ? *median : k_nan);
    }
    return rows;
}

}  // namespace

void CohortIndicators::write_json(std::ostream& out) const
{
    json::CompactWriter json;
    json.begin_object();
    json.key("as_of").value(calendar::format_iso_date(m_settings.as_of));
    json.key("min_cell").value(m_settings.min_cell);
    json.key("tariff_per_hour").raw(m_settings.tariff_per_hour ? number(*m_settings.tariff_per_hour) : "null");
    json.key("rows").begin_array();
    for (const Row& r : indicator_rows(m_groups, m_settings)) {
        json.begin_object().key("group").value(r.group).key("indicator").value(r.indicator);
        if (!r.instrument.empty()) json.key("instrument").value(r.instrument);
        if (!r.occasion.empty()) json.key("occasion").value(r.occasion);
        if (!r.category.empty()) json.key("category").value(r.category);
        json.key("suppressed").value(r.suppressed);
        json.key("n").optional(r.n ? std::optional<std::int64_t>(static_cast<std::int64_t>(*r.n)) : std::nullopt);
        for (const auto& [field, v] : {std::pair{"value", r.value}, {"sd", r.sd}, {"low", r.low}, {"high", r.high}})
            json.key(field).raw(std::isnan(v) ? "null" : number(v));
        json.end_object();
    }
    json.end_array().end_object();
    out << json.text() << '\n';
}

std::uint64_t CohortIndicators::write_csv(std::ostream& out) const
{
    CsvWriter csv(out);
    for (const char* name :
         {"group", "indicator", "instrument", "occasion", "category", "n", "value", "sd", "low", "high", "suppressed"})
        csv.field(name);
    csv.end_row();
    for (const Row& r : indicator_rows(m_groups, m_settings)) {
        csv.field(r.group).field(r.indicator).field(r.instrument).field(r.occasion).field(r.category);
        if (r.n) csv.field(static_cast<std::int64_t>(*r.n));
        else csv.field(std::string_view());
        csv.field(number(r.value)).field(number(r.sd)).field(number(r.low)).field(number(r.high));
        csv.field(r.suppressed ? 1 : 0);
        csv.end_row();
    }
    csv.flush();
    return csv.rows() - 1;
}

namespace {

/// The steps a group may show: not when the group is small, and not where fewer than min_cell
/// remain at risk (the tail of a curve would single out the last clients).
std::vector<analysis::KmStep> shown_steps(const GroupIndicators& g, int min_cell)
{
    std::vector<analysis::KmStep> steps;
    if (g.time_to_hh.subjects() < static_cast<std::size_t>(min_cell)) return steps;
    for (const analysis::KmStep& s : g.time_to_hh.steps()) {
        if (s.at_risk < static_cast<std::size_t>(min_cell)) break;
        steps.push_back(s);
    }
    return steps;
}

std::string optional_number(const std::optional<double>& v)
{
    return v ? number(*v) : "";
}

}  // namespace

std::uint64_t CohortIndicators::write_km_csv(std::ostream& out) const
{
    CsvWriter csv(out);
    for (const char* name : {"group", "day", "at_risk", "events", "censored", "survival", "low", "high"}) csv.field(name);
    csv.end_row();
    for (const auto& [name, g] : m_groups)
        for (const analysis::KmStep& s : shown_steps(g, m_settings.min_cell)) {
            csv.field(name).field(s.day).field(static_cast<std::int64_t>(s.at_risk));
            csv.field(static_cast<std::int64_t>(s.events)).field(static_cast<std::int64_t>(s.censored));
            csv.field(number(s.survival)).field(optional_number(s.low)).field(optional_number(s.high));
            csv.end_row();
        }
    csv.flush();
    return csv.rows() - 1;
}

std::string CohortIndicators::km_plot() const
{
    analysis::KmPlot plot;
    plot.title = "Time to household help after the start of reablement";
    plot.curves.push_back({"all clients (n = " + std::to_string(m_groups.at("all").time_to_hh.subjects()) + ")",
                           shown_steps(m_groups.at("all"), m_settings.min_cell)});
    return analysis::render(plot);
}

std::string CohortIndicators::change_plot(const std::string& instrument_id) const
{
    const GroupIndicators& all = m_groups.at("all");
    analysis::CohortChangePlot plot;
    const protocol::Instrument* definition = nullptr;
    for (const protocol::Instrument& i : m_registry.instruments())
        if (i.id == instrument_id) definition = &i;
    const std::string name = definition ? definition->name.en : instrument_id;
    const std::string unit = definition && definition->primary_score
                                 ? std::string(units::symbol(definition->scores[*definition->primary_score].unit))
                                 : "";
    plot.title = name + ": mean change from baseline";
    plot.y_label = "mean change (" + unit + ")";
    for (const MeasureKey& key : ordered_measures(all)) {
        if (key.first != instrument_id) continue;
        const MeasureCell& cell = all.measures.at(key);
        if (cell.change.n() < static_cast<std::size_t>(m_settings.min_cell)) continue;
        const analysis::MeanInterval i = cell.change.interval();
        plot.occasions.push_back({key.second, i.n, i.mean, i.low, i.high});
    }
    if (definition)
        if (const auto mic = primary_meaningful_change(*definition))
            plot.meaningful_change = mic->higher_is_better ? mic->magnitude : -mic->magnitude;
    return analysis::render(plot);
}

}  // namespace reable::exports
