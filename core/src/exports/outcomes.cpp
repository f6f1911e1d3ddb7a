#include "reable/exports/outcomes.hpp"

#include "reable/exports/csv_writer.hpp"
#include "reable/exports/hh_status.hpp"
#include "reable/exports/record_stream.hpp"

#include <charconv>
#include <set>
#include <unordered_map>

namespace reable::exports {
namespace {

std::string date_column(DateMode dates)
{
    return dates == DateMode::days ? "day" : "month";
}

/// Variable names that R, SPSS and pandas all accept: lower case, letters, digits and '_'.
std::string variable_part(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c == '-' || c == '.' || c == ' ') c = '_';
    return out;
}

std::string number_text(double value)
{
    char buffer[32];
    const auto end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
    return std::string(buffer, end);
}

class ClientCounter {
public:
    void see(const std::string& pseudonym)
    {
        if (pseudonym != m_last) ++m_count;
        m_last = pseudonym;
    }
    std::uint64_t count() const { return m_count; }

private:
    std::string m_last;
    std::uint64_t m_count = 0;
};

/// Flushes the file and completes the counts (the header is not a data row).
WriteCounts finish(CsvWriter& csv, WriteCounts counts, const ClientCounter& clients)
{
    csv.flush();
    counts.rows = csv.rows() - 1;
    counts.clients = clients.count();
    return counts;
}

}  // namespace

const protocol::Instrument* find_instrument(const protocol::Registry& registry, std::string_view id,
                                            std::string_view version)
{
    for (const protocol::Instrument& i : registry.instruments())
        if (i.id == id && i.version == version) return &i;
    return nullptr;
}

WriteCounts write_long_csv(storage::ExportReader& reader, const PseudonymKey& key, const ExportOptions& options,
                           std::ostream& out, const Progress& progress)
{
    const std::size_t total = progress ? reader.count_trajectories(options.filter) : 0;
    CsvWriter csv(out);
    for (const char* name : {"pseudonym", "trajectory", "occasion"}) csv.field(name);
    csv.field(date_column(options.dates));
    for (const char* name : {"instrument", "instrument_version", "discipline", "record", "variable", "trial", "value",
                             "code"})
        csv.field(name);
    csv.end_row();

    WriteCounts counts;
    ClientCounter clients;
    RecordStream stream(reader, options.filter, {.values = true}, key);
    TrajectoryRecord record;
    while (stream.next(record)) {
        clients.see(record.pseudonym);
        const calendar::Date start = record.trajectory.start;
        std::string last_date_of;  // tested_on repeats for every value of a result: format it once
        calendar::Date last_date{};
        for (const storage::ExportValue& v : record.values) {
            if (last_date_of.empty() || v.tested_on != last_date) {
                last_date = v.tested_on;
                last_date_of = export_date(v.tested_on, start, options.dates);
            }
            csv.field(record.pseudonym).field(record.trajectory.ordinal).field(v.occasion).field(last_date_of);
            csv.field(v.instrument_id).field(v.instrument_version).field(v.discipline);
            csv.field(v.is_item ? "item" : "score").field(v.variable);
            if (v.is_item) csv.field(v.trial);
            else csv.field(std::string_view());
            csv.field(v.number).field(v.code);
            csv.end_row();
        }
        ++counts.trajectories;
        if (progress) progress(counts.trajectories, total);
    }
    return finish(csv, counts, clients);
}

namespace {

constexpr std::array k_fixed_columns{"pseudonym", "trajectory", "template", "template_version", "age_at_start",
                                     "sex", "household", "dwelling", "area", "team"};

}  // namespace

std::vector<WideColumn> wide_columns(const std::vector<storage::ExportColumnSource>& sources,
                                     const protocol::Registry& registry, DateMode dates)
{
    std::vector<WideColumn> columns;
    for (const char* name : k_fixed_columns) columns.push_back({name});
    const std::string when = date_column(dates);
    columns.push_back({"melding_" + when});
    for (const char* name : {"hh_minutes_requested", "state", "closure", "end_reason"}) columns.push_back({name});
    columns.push_back({"end_" + when});
    for (const FollowUpPoint& p : k_follow_up_points) {
        columns.push_back({"hh_status_" + std::string(p.id)});
        columns.push_back({"hh_minutes_" + std::string(p.id)});
        columns.push_back({"hh_minutes_avoided_" + std::string(p.id)});
    }
    columns.push_back({"hh_event"});
    columns.push_back({"hh_days"});
    // One block per (instrument, occasion); versions of one instrument share columns (a score keeps
    // its id across versions), the newest version present naming the scores.
    std::set<std::pair<std::string, std::string>> seen;
    for (const storage::ExportColumnSource& s : sources) {
        if (!seen.insert({s.instrument_id, s.occasion}).second) continue;
        const protocol::Instrument* instrument = find_instrument(registry, s.instrument_id, s.instrument_version);
        const std::string prefix = variable_part(s.instrument_id) + "__" + variable_part(s.occasion) + "__";
        columns.push_back({prefix + when, s.instrument_id, s.instrument_version, s.occasion, ""});
        if (!instrument) continue;
        for (const protocol::Score& score : instrument->scores)
            columns.push_back({variable_part(s.instrument_id) + "__" + variable_part(score.id) + "__" +
                                   variable_part(s.occasion),
                               s.instrument_id, s.instrument_version, s.occasion, score.id});
    }
    return columns;
}

WriteCounts write_wide_csv(storage::ExportReader& reader, const protocol::Registry& registry, const PseudonymKey& key,
                           const ExportOptions& options, std::ostream& out, const Progress& progress)
{
    const std::size_t total = progress ? reader.count_trajectories(options.filter) : 0;
    const std::vector<WideColumn> columns = wide_columns(reader.column_sources(options.filter), registry, options.dates);
    CsvWriter csv(out);
    for (const WideColumn& c : columns) csv.field(c.name);
    csv.end_row();

    const std::size_t fixed = [&] {
        std::size_t n = 0;
        while (n < columns.size() && columns[n].instrument.empty()) ++n;
        return n;
    }();

    std::vector<std::string> cell_keys;  // per measured column, its key in `cells`
    for (std::size_t i = fixed; i < columns.size(); ++i)
        cell_keys.push_back(columns[i].instrument + "|" + columns[i].occasion + "|" + columns[i].score);

    WriteCounts counts;
    ClientCounter clients;
    RecordStream stream(reader, options.filter, {.values = true, .scores_only = true, .decisions = true}, key);
    TrajectoryRecord record;
    std::unordered_map<std::string, std::string> cells;  // "instrument|occasion|score" → value
    while (stream.next(record)) {
        clients.see(record.pseudonym);
        const storage::ExportTrajectory& t = record.trajectory;
        csv.field(record.pseudonym).field(t.ordinal).field(t.template_id).field(t.template_version);
        csv.field(age_at_start(t.birth_date, t.start)).field(domain::to_string(t.sex));
        csv.field(domain::to_string(t.household)).field(domain::to_string(t.dwelling));
        csv.field(t.area_name).field(t.team_name);
        csv.field(t.melding_on ? export_date(*t.melding_on, t.start, options.dates) : std::string());
        csv.field(t.hh_minutes_requested);
        csv.field(domain::to_string(t.state));
        csv.field(t.closure ? std::string(domain::to_string(*t.closure)) : std::string());
        csv.field(t.end_reason_code);
        csv.field(t.ended_on ? export_date(*t.ended_on, t.start, options.dates) : std::string());
        for (const FollowUpPoint& p : k_follow_up_points) {
            const HhAt at = hh_at(record.decisions, t.hh_minutes_requested, point_date(p, t.start), options.as_of);
            const bool reached = at.status != HhStatus::not_reached;
            csv.field(reached ? to_string(at.status) : std::string_view());
            csv.field(reached && at.minutes ? number_text(*at.minutes) : std::string());
            csv.field(reached && at.minutes_avoided ? number_text(*at.minutes_avoided) : std::string());
        }
        const TimeToHh hh = time_to_hh(record.decisions, t.start, options.as_of);
        csv.field(hh.event ? 1 : 0).field(hh.days);

        cells.clear();
        for (const storage::ExportValue& v : record.values) {
            const std::string block = v.instrument_id + "|" + v.occasion + "|";
            if (!cells.contains(block)) cells[block] = export_date(v.tested_on, t.start, options.dates);
            if (!v.is_item) cells[block + v.variable] = v.number;  // states stay in the long file
        }
        for (const std::string& cell : cell_keys) {
            const auto found = cells.find(cell);
            csv.field(found == cells.end() ? std::string_view() : std::string_view(found->second));
        }
        csv.end_row();
        ++counts.trajectories;
        if (progress) progress(counts.trajectories, total);
    }
    return finish(csv, counts, clients);
}

}  // namespace reable::exports
