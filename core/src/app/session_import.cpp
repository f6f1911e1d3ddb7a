#include "reable/app/session_import.hpp"

#include "reable/app/session_service.hpp"
#include "reable/csv_reader.hpp"
#include "reable/error.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <fstream>
#include <map>

namespace reable::app {
namespace {

constexpr std::array<std::string_view, 11> k_columns{"trajectory", "member",     "date",           "minutes",
                                                     "kind",       "attendance", "absence_reason", "activities",
                                                     "goals",      "notes",      "signals"};
constexpr std::size_t k_required_columns = 4;
/// Bad rows listed in full; beyond this the message only counts them.
constexpr std::size_t k_max_listed_rows = 100;

std::vector<std::string> split_list(const std::string& text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= text.size() && !text.empty()) {
        const std::size_t end = text.find(';', start);
        std::string item = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
        // "opstaan; traplopen": the spaces after a separator are layout, not content.
        const std::size_t first = item.find_first_not_of(' ');
        const std::size_t last = item.find_last_not_of(' ');
        if (first != std::string::npos) out.push_back(item.substr(first, last - first + 1));
        if (end == std::string::npos) break;
        start = end + 1;
    }
    return out;
}

/// Column positions by name, from the header row. Throws for unknown, repeated or missing columns.
std::map<std::string_view, std::size_t> read_header(const CsvRow& header)
{
    std::map<std::string_view, std::size_t> where;
    std::vector<ErrorDetail> problems;
    for (std::size_t i = 0; i < header.fields.size(); ++i) {
        const std::string& name = header.fields[i];
        const auto known = std::find(k_columns.begin(), k_columns.end(), name);
        if (known == k_columns.end())
            problems.push_back({"line 1", "unknown column \"" + name + "\"; known: " + k_session_columns});
        else if (!where.emplace(*known, i).second)
            problems.push_back({"line 1", "column \"" + name + "\" appears twice"});
    }
    for (std::size_t i = 0; i < k_required_columns; ++i)
        if (!where.contains(k_columns[i]))
            problems.push_back({"line 1", "required column \"" + std::string(k_columns[i]) + "\" is missing"});
    if (!problems.empty()) throw Error(ErrorCode::invalid_input, "the CSV header is invalid", problems);
    return where;
}

std::optional<std::int64_t> whole_number(const std::string& text)
{
    std::int64_t value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

/// Builds the session input of one row; problems with the ids are added to `problems`.
SessionInput read_row(const CsvRow& row, const std::map<std::string_view, std::size_t>& where,
                      std::vector<std::string>& problems)
{
    auto field = [&](std::string_view name) -> std::string {
        const auto it = where.find(name);
        return it == where.end() || it->second >= row.fields.size() ? std::string() : row.fields[it->second];
    };
    auto id = [&](std::string_view name) -> std::int64_t {
        const std::string text = field(name);
        if (const auto v = whole_number(text)) return *v;
        problems.push_back(std::string(name) + ": \"" + text + "\" is not an id");
        return 0;
    };
    SessionInput in;
    in.trajectory = id("trajectory");
    in.member = id("member");
    in.date = field("date");
    in.minutes = field("minutes");
    if (where.contains("kind")) in.kind = field("kind");
    if (where.contains("attendance")) in.attendance = field("attendance");
    in.absence_reason = field("absence_reason");
    in.activities = split_list(field("activities"));
    for (const std::string& g : split_list(field("goals"))) {
        if (const auto v = whole_number(g))
            in.goals.push_back(*v);
        else
            problems.push_back("goals: \"" + g + "\" is not an id");
    }
    in.notes = field("notes");
    in.signals = split_list(field("signals"));
    return in;
}

}  // namespace

ImportSummary import_sessions(storage::Database& db, const Clock& clock, const std::filesystem::path& csv,
                              const ImportProgress& progress)
{
    std::ifstream in(csv, std::ios::binary);
    if (!in) throw Error(ErrorCode::not_found, "cannot read " + csv.string());
    const std::uint64_t total = std::filesystem::file_size(csv);
    CsvReader reader(in);
    CsvRow row;
    if (!reader.next(row)) throw Error(ErrorCode::invalid_input, csv.string() + " is empty; the first line names the columns");
    const auto where = read_header(row);

    const auto work = db.write();
    ImportSummary summary;
    std::vector<ErrorDetail> bad_rows;
    std::size_t bad_count = 0;
    std::size_t rows = 0;
    while (reader.next(row)) {
        std::vector<std::string> problems;
        if (row.fields.size() != where.size())
            problems.push_back("has " + std::to_string(row.fields.size()) + " fields; the header has " +
                               std::to_string(where.size()));
        else {
            const SessionInput input = read_row(row, where, problems);
            if (problems.empty()) {
                try {
                    log_session(*work, clock, input);
                    ++summary.sessions;
                    summary.signals += input.signals.size();
                    summary.trajectories.insert(domain::TrajectoryId{input.trajectory});
                }
                catch (const Error& e) {
                    if (e.code() == ErrorCode::storage_failure || e.code() == ErrorCode::internal) throw;
                    if (e.details().empty()) problems.emplace_back(e.what());
                    for (const ErrorDetail& d : e.details()) problems.push_back(d.where + ": " + d.message);
                }
            }
        }
        if (!problems.empty()) {
            ++bad_count;
            for (std::string& p : problems)
                if (bad_rows.size() < k_max_listed_rows) bad_rows.push_back({"line " + std::to_string(row.line), p});
        }
        if (progress && (++rows & 1023) == 0) progress(reader.bytes_read(), total);
    }
    if (progress) progress(total, total);
    if (bad_count > 0) {
        if (bad_rows.size() == k_max_listed_rows) bad_rows.push_back({"…", "(only the first problems are listed)"});
        throw Error(ErrorCode::invalid_input,
                    std::to_string(bad_count) + (bad_count == 1 ? " row" : " rows") + " of " + csv.string() +
                        " cannot be imported; nothing was imported",
                    bad_rows);
    }
    work->commit();
    return summary;
}

}  // namespace reable::app
