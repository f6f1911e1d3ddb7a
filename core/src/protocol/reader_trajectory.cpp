// The part of the loader that reads trajectory template files (protocols/trajectories/*.json).
// Like the instrument reader it resolves every name, checks every range and keeps going after a
// problem, so that a file's author sees all of them at once. The wording of each message is pinned
// by tests/unit/trajectory_messages_test.cpp; change both together.

#include "file_reader.hpp"

#include "reable/protocol/loader.hpp"

#include <set>

namespace reable::protocol::reading {
namespace {

constexpr std::string_view k_format = "reable.trajectory/1";
constexpr std::string_view k_training = "training";

/// "week 7" or "weeks 1 to 14".
std::string weeks_text(int from, int to)
{
    if (from == to) return "week " + std::to_string(from);
    return "weeks " + std::to_string(from) + " to " + std::to_string(to);
}

/// A list of ids for messages: "a, b, c", or "none".
std::string names(const std::vector<std::string>& list) { return list.empty() ? "none" : json::join(list); }

/// Reads one template file. Each section reader reports its own issues and goes on.
class TrajectoryReader : private FileReader {
public:
    TrajectoryReader(std::string file, std::vector<Issue>& issues, const std::set<std::string>& instrument_ids)
        : FileReader(std::move(file), issues, true), m_instrument_ids(instrument_ids)
    {}

    std::optional<TrajectoryTemplate> read(const Var& root_value)
    {
        const std::size_t issues_before = m_issues.size();
        ObjectPtr root = object_at(root_value, "");
        if (!root) return std::nullopt;
        check_fields(root, "",
                     {"format", "id", "version", "label", "description", "notes", "sources", "training_weeks",
                      "grace_days", "phases", "session_plans", "occasions", "examples"});
        read_identity(root, k_format, m_template.id, m_template.version);
        if (auto label = get_text(root, "label", "", true)) m_template.label = *label;
        if (auto description = get_text(root, "description", "", true)) m_template.description = *description;
        if (auto notes = get_string(root, "notes", "", false)) m_template.notes = *notes;
        read_sources(root, m_template.sources);
        auto training_weeks = get_number(root, "training_weeks", "", 1, 104);
        if (training_weeks) m_template.training_weeks = *training_weeks;
        if (auto grace_days = get_number(root, "grace_days", "", 0, 366)) m_template.grace_days = *grace_days;
        read_phases(root, training_weeks.has_value());
        each_object(root, "session_plans", "", true,
                    [&](const ObjectPtr& o, const std::string& p) { read_session_plan(o, p); });
        each_object(root, "occasions", "", true,
                    [&](const ObjectPtr& o, const std::string& p) { read_occasion(o, p); });
        each_object(root, "examples", "", true, [&](const ObjectPtr& o, const std::string& p) { read_example(o, p); });
        if (m_issues.size() != issues_before) return std::nullopt;
        m_template.file = m_file;
        return std::move(m_template);
    }

private:
    // ---- values with provenance ----

    /// {"value": 14, "source": …, "confidence": …}: a whole number from `min` to `max`.
    std::optional<SourcedNumber> get_number(const ObjectPtr& o, std::string_view key, const std::string& ptr, int min,
                                            int max)
    {
        auto v = field(o, key, ptr, true);
        if (!v) return std::nullopt;
        const std::string p = json::child(ptr, key);
        if (json::is_number(*v)) {
            issue(p, "every number needs its provenance: write {\"value\": " + v->convert<std::string>() +
                         ", \"source\": \"…\", \"confidence\": \"…\"}");
            return std::nullopt;
        }
        ObjectPtr n = object_at(*v, p);
        if (!n) return std::nullopt;
        check_fields(n, p, {"value", "source", "confidence", "note"});
        auto value = get_int(n, "value", p, true, min, max);
        auto provenance = get_provenance(n, p, true);
        if (!value || !provenance) return std::nullopt;
        return SourcedNumber{*value, *provenance};
    }

    /// {"from": 1, "to": 14, "source": …, "confidence": …}; `from` must not be after `to`.
    template <class Range>
    std::optional<Range> get_range(const ObjectPtr& o, std::string_view key, const std::string& ptr, int min, int max)
    {
        ObjectPtr r = get_object(o, key, ptr, true);
        if (!r) return std::nullopt;
        const std::string p = json::child(ptr, key);
        check_fields(r, p, {"from", "to", "source", "confidence", "note"});
        auto from = get_int(r, "from", p, true, min, max);
        auto to = get_int(r, "to", p, true, min, max);
        auto provenance = get_provenance(r, p, true);
        if (!from || !to || !provenance) return std::nullopt;
        if (*from > *to) {
            issue(p, "from must not be after to; got " + std::to_string(*from) + " to " + std::to_string(*to));
            return std::nullopt;
        }
        return Range{*from, *to, *provenance};
    }

    std::optional<WeekRange> get_weeks(const ObjectPtr& o, const std::string& ptr)
    {
        return get_range<WeekRange>(o, "weeks", ptr, 1, 520);
    }

    std::optional<calendar::Date> get_date(const ObjectPtr& o, std::string_view key, const std::string& ptr,
                                           bool required)
    {
        auto text = get_string(o, key, ptr, required);
        if (!text) return std::nullopt;
        auto day = calendar::parse_iso_date(*text);
        if (!day) issue(json::child(ptr, key), "expected a date as YYYY-MM-DD that exists, got " + in_quotes(*text));
        return day;
    }

    /// Checks that an id is not taken yet in `first`, which maps ids to where they were defined.
    bool claim(std::map<std::string, std::string>& first, const std::string& id, const std::string& ptr,
               std::string_view what)
    {
        auto [it, inserted] = first.emplace(id, ptr);
        if (!inserted)
            issue(json::child(ptr, "id"),
                  "duplicate " + std::string(what) + " id " + in_quotes(id) + " (first defined at " + it->second + ")");
        return inserted;
    }

    // ---- phases ----

    void read_phases(const ObjectPtr& root, bool training_weeks_read)
    {
        each_object(root, "phases", "", true, [&](const ObjectPtr& o, const std::string& p) { read_phase(o, p); });
        if (training_weeks_read && !m_broken_phases.count(std::string(k_training))) check_training_phase();
    }

    void read_phase(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"id", "label", "weeks", "months_after_training"});
        const std::size_t before = m_issues.size();
        Phase phase;
        auto id = get_id(o, p);
        auto label = get_text(o, "label", p, true);
        if (o->has("weeks") == o->has("months_after_training"))
            issue(p, "a phase needs either \"weeks\" or \"months_after_training\", not both or neither");
        else if (o->has("weeks"))
            phase.weeks = get_weeks(o, p);
        else
            phase.months_after_training = get_range<MonthRange>(o, "months_after_training", p, 0, 240);
        if (id && !claim(m_phase_pointer, *id, p, "phase")) return;
        if (!id || !label || m_issues.size() != before) {
            if (id) m_broken_phases.insert(*id);
            return;
        }
        phase.id = *id;
        phase.label = *label;
        for (const Phase& earlier : m_template.phases) {
            if (phase.weeks && earlier.weeks && phase.weeks->overlaps(*earlier.weeks)) {
                issue(json::child(p, "weeks"), weeks_text(phase.weeks->from, phase.weeks->to) + " overlap the phase " +
                                                   in_quotes(earlier.id) + " (" +
                                                   weeks_text(earlier.weeks->from, earlier.weeks->to) + ")");
            }
        }
        m_template.phases.push_back(std::move(phase));
    }

    /// The training phase is what training_weeks measures: weeks 1 to training_weeks.
    void check_training_phase()
    {
        const int weeks = m_template.training_weeks.value;
        const std::string expected = "from week 1 to week " + std::to_string(weeks) + " (training_weeks)";
        const Phase* training = m_template.find_phase(k_training);
        if (!training) {
            issue("/phases", "no phase \"training\"; the training runs " + expected);
            return;
        }
        const std::string& p = m_phase_pointer[std::string(k_training)];
        if (!training->weeks)
            issue(json::child(p, "months_after_training"), "the training phase is counted in weeks, " + expected);
        else if (training->weeks->from != 1 || training->weeks->to != weeks)
            issue(json::child(p, "weeks"), "the training phase must run " + expected + "; got " +
                                               weeks_text(training->weeks->from, training->weeks->to));
    }

    // ---- session plans ----

    void read_session_plan(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"discipline", "kind", "phase", "weeks", "per_week", "minutes"});
        auto discipline = get_enum<domain::Discipline>(o, "discipline", p, true, domain::parse_discipline,
                                                       domain::discipline_codes());
        auto kind =
            get_enum<domain::SessionKind>(o, "kind", p, true, domain::parse_session_kind, domain::session_kind_codes());
        auto phase_id = get_string(o, "phase", p, true);
        auto weeks = get_weeks(o, p);
        auto per_week = get_number(o, "per_week", p, 1, 7);
        auto minutes = get_number(o, "minutes", p, 1, 480);
        const Phase* phase = phase_id ? phase_of_plan(*phase_id, json::child(p, "phase")) : nullptr;
        if (phase && weeks && !phase->weeks->contains(*weeks))
            issue(json::child(p, "weeks"), weeks_text(weeks->from, weeks->to) + " are outside the phase " +
                                               in_quotes(phase->id) + " (" +
                                               weeks_text(phase->weeks->from, phase->weeks->to) + ")");
        else if (discipline && kind && phase && weeks && per_week && minutes)
            m_template.session_plans.push_back({*discipline, *kind, phase->id, *weeks, *per_week, *minutes});
    }

    /// The phase a session plan names, which must be counted in weeks; null (reported) otherwise.
    const Phase* phase_of_plan(const std::string& id, const std::string& pointer)
    {
        const Phase* phase = m_template.find_phase(id);
        if (!phase) {
            if (!m_broken_phases.count(id)) {
                std::vector<std::string> known;
                for (const Phase& ph : m_template.phases) known.push_back(ph.id);
                issue(pointer, "unknown phase " + in_quotes(id) + "; phases: " + names(known));
            }
            return nullptr;
        }
        if (!phase->weeks) {
            issue(pointer, "the phase " + in_quotes(id) +
                               " is counted in months after the training; a session plan needs a phase counted in "
                               "weeks");
            return nullptr;
        }
        return phase;
    }

    // ---- occasions ----

    void read_occasion(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"id", "label", "anchor", "offset", "window", "instruments"});
        const std::size_t before = m_issues.size();
        Occasion occasion;
        auto id = get_id(o, p);
        if (id && !claim(m_occasion_pointer, *id, p, "occasion")) id.reset();
        if (auto label = get_text(o, "label", p, true)) occasion.label = *label;
        if (auto anchor = get_enum<Anchor>(o, "anchor", p, true, anchor_from_string, "start, training_end"))
            occasion.anchor = *anchor;
        if (auto offset = read_offset(o, p)) occasion.offset = *offset;
        if (auto window = read_window(o, p)) occasion.window = *window;
        occasion.instruments = read_occasion_instruments(o, p);
        if (!id || m_issues.size() != before) return;
        occasion.id = *id;
        m_template.occasions.push_back(std::move(occasion));
    }

    std::optional<Offset> read_offset(const ObjectPtr& o, const std::string& ptr)
    {
        ObjectPtr offset = get_object(o, "offset", ptr, true);
        if (!offset) return std::nullopt;
        const std::string p = json::child(ptr, "offset");
        check_fields(offset, p, {"weeks", "months", "source", "confidence", "note"});
        auto provenance = get_provenance(offset, p, true);
        if (offset->has("weeks") == offset->has("months")) {
            issue(p, "an offset needs either \"weeks\" or \"months\", not both or neither");
            return std::nullopt;
        }
        const bool weeks = offset->has("weeks");
        auto amount = weeks ? get_int(offset, "weeks", p, true, 0, 520) : get_int(offset, "months", p, true, 0, 240);
        if (!amount || !provenance) return std::nullopt;
        return Offset{*amount, weeks ? Offset::Unit::weeks : Offset::Unit::months, *provenance};
    }

    std::optional<Window> read_window(const ObjectPtr& o, const std::string& ptr)
    {
        ObjectPtr window = get_object(o, "window", ptr, true);
        if (!window) return std::nullopt;
        const std::string p = json::child(ptr, "window");
        check_fields(window, p, {"days_before", "days_after", "source", "confidence", "note"});
        auto before = get_int(window, "days_before", p, true, 0, 366);
        auto after = get_int(window, "days_after", p, true, 0, 366);
        auto provenance = get_provenance(window, p, true);
        if (!before || !after || !provenance) return std::nullopt;
        return Window{*before, *after, *provenance};
    }

    std::vector<OccasionInstrument> read_occasion_instruments(const ObjectPtr& o, const std::string& ptr)
    {
        std::vector<OccasionInstrument> list;
        std::set<std::string> seen;
        each_object(o, "instruments", ptr, true, [&](const ObjectPtr& entry, const std::string& p) {
            check_fields(entry, p, {"instrument", "disciplines", "source", "confidence", "note"});
            auto instrument = get_string(entry, "instrument", p, true);
            auto disciplines = read_disciplines(entry, p);
            auto provenance = get_provenance(entry, p, true);
            if (instrument && !m_instrument_ids.count(*instrument)) {
                issue(json::child(p, "instrument"),
                      "unknown instrument " + in_quotes(*instrument) + "; known instruments: " +
                          names(std::vector<std::string>(m_instrument_ids.begin(), m_instrument_ids.end())));
                return;
            }
            if (instrument && !seen.insert(*instrument).second) {
                issue(json::child(p, "instrument"),
                      "instrument " + in_quotes(*instrument) + " is listed twice at this occasion");
                return;
            }
            if (instrument && disciplines && provenance) list.push_back({*instrument, *disciplines, *provenance});
        });
        return list;
    }

    std::optional<std::vector<domain::Discipline>> read_disciplines(const ObjectPtr& o, const std::string& ptr)
    {
        ArrayPtr a = get_array(o, "disciplines", ptr, true);
        if (!a) return std::nullopt;
        std::vector<domain::Discipline> list;
        bool ok = true;
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string p = json::child(json::child(ptr, "disciplines"), i);
            auto d = enum_at<domain::Discipline>(a->get(i), p, domain::parse_discipline, domain::discipline_codes());
            if (d && std::find(list.begin(), list.end(), *d) != list.end())
                issue(p, "discipline " + in_quotes(domain::to_string(*d)) + " is listed twice");
            else if (d)
                list.push_back(*d);
            ok = ok && d;
        }
        if (!ok) return std::nullopt;
        return list;
    }

    // ---- worked examples ----

    void read_example(const ObjectPtr& o, const std::string& p)
    {
        check_fields(o, p, {"name", "start", "occasions", "planned_sessions", "status"});
        TrajectoryExample example;
        example.pointer = p;
        auto name = get_string(o, "name", p, true);
        auto start = get_date(o, "start", p, true);
        if (!o->has("occasions") && !o->has("planned_sessions") && !o->has("status"))
            issue(p, "an example needs at least one of \"occasions\", \"planned_sessions\" or \"status\"");
        read_expected_dates(o, p, example);
        read_expected_sessions(o, p, example);
        read_expected_statuses(o, p, example);
        if (!name || !start) return;
        example.name = *name;
        example.start = *start;
        m_template.examples.push_back(std::move(example));
    }

    /// An occasion id that an example names; reported when no occasion has it.
    bool known_occasion(const std::string& id, const std::string& pointer)
    {
        if (m_occasion_pointer.count(id)) return true;
        std::vector<std::string> known;
        for (const auto& [occasion_id, where] : m_occasion_pointer) known.push_back(occasion_id);
        issue(pointer, "unknown occasion " + in_quotes(id) + "; occasions: " + names(known));
        return false;
    }

    void read_expected_dates(const ObjectPtr& o, const std::string& ptr, TrajectoryExample& example)
    {
        ObjectPtr dates = get_object(o, "occasions", ptr, false);
        if (!dates) return;
        const std::string p = json::child(ptr, "occasions");
        for (const auto& entry : *dates) {
            const std::string ep = json::child(p, entry.first);
            ObjectPtr e = object_at(entry.second, ep);
            if (!known_occasion(entry.first, ep) || !e) continue;
            check_fields(e, ep, {"target", "earliest", "latest"});
            ExpectedOccasionDates expected{entry.first, get_date(e, "target", ep, false),
                                           get_date(e, "earliest", ep, false), get_date(e, "latest", ep, false), ep};
            if (!e->has("target") && !e->has("earliest") && !e->has("latest"))
                issue(ep, "give at least one of target, earliest, latest");
            example.occasions.push_back(std::move(expected));
        }
    }

    void read_expected_sessions(const ObjectPtr& o, const std::string& ptr, TrajectoryExample& example)
    {
        ObjectPtr counts = get_object(o, "planned_sessions", ptr, false);
        if (!counts) return;
        const std::string p = json::child(ptr, "planned_sessions");
        for (const auto& entry : *counts) {
            const std::string ep = json::child(p, entry.first);
            auto discipline = domain::parse_discipline(entry.first);
            if (!discipline) {
                issue(ep, "unknown discipline " + in_quotes(entry.first) +
                              "; allowed: " + std::string(domain::discipline_codes()));
                continue;
            }
            if (auto count = int_at(entry.second, ep, 0, 10000))
                example.planned_sessions.push_back({*discipline, *count, ep});
        }
    }

    void read_expected_statuses(const ObjectPtr& o, const std::string& ptr, TrajectoryExample& example)
    {
        each_object(o, "status", ptr, false, [&](const ObjectPtr& s, const std::string& p) {
            check_fields(s, p,
                         {"occasion", "today", "done_on", "closed_on", "expect", "deviation_days", "within_window"});
            ExpectedStatus expected;
            expected.pointer = p;
            auto occasion = get_string(s, "occasion", p, true);
            auto today = get_date(s, "today", p, true);
            expected.done_on = get_date(s, "done_on", p, false);
            expected.closed_on = get_date(s, "closed_on", p, false);
            auto status = get_enum<schedule::OccasionStatus>(s, "expect", p, true, schedule::parse_occasion_status,
                                                             schedule::occasion_status_codes());
            if (auto deviation = field(s, "deviation_days", p, false))
                expected.deviation_days = int_at(*deviation, json::child(p, "deviation_days"), -10000, 10000);
            expected.within_window = get_bool(s, "within_window", p);
            if (occasion && !known_occasion(*occasion, json::child(p, "occasion"))) return;
            if (!occasion || !today || !status) return;
            expected.occasion = *occasion;
            expected.today = *today;
            expected.status = *status;
            example.statuses.push_back(std::move(expected));
        });
    }

    TrajectoryTemplate m_template;
    const std::set<std::string>& m_instrument_ids;
    std::map<std::string, std::string> m_phase_pointer;     ///< phase id → where it was defined
    std::map<std::string, std::string> m_occasion_pointer;  ///< occasion id → where it was defined
    /// Phases whose definition has issues: plans naming them are not reported again.
    std::set<std::string> m_broken_phases;
};

}  // namespace
}  // namespace reable::protocol::reading

namespace reable::protocol {

TrajectoryLoad read_trajectory(const std::string& json_text, const std::string& file,
                               const std::set<std::string>& instrument_ids)
{
    TrajectoryLoad load;
    auto root = reading::parse_file(json_text, file, load.issues);
    if (!root) return load;
    reading::TrajectoryReader reader(file, load.issues, instrument_ids);
    if (auto trajectory = reader.read(*root)) load.trajectories.push_back(std::move(*trajectory));
    return load;
}

TrajectoryLoad read_trajectory_directory(const std::filesystem::path& directory,
                                         const std::set<std::string>& instrument_ids)
{
    return reading::read_directory(
        directory, &TrajectoryLoad::trajectories, "trajectory template",
        [&](const std::string& text, const std::string& file) { return read_trajectory(text, file, instrument_ids); });
}

}  // namespace reable::protocol
