// Plain-text views of trajectory templates: the list's section and `protocols show ID`. Every
// number is shown with its provenance, so that a default is never read as a sourced rule.

#include "provenance_notes.hpp"
#include "reable/schedule/schedule.hpp"
#include "render.hpp"
#include "text_table.hpp"

#include <sstream>

namespace reable::cli {
namespace {

using protocol::Provenance;
using protocol::TrajectoryTemplate;

std::string weeks_text(int from, int to)
{
    return from == to ? "week " + std::to_string(from) : "weeks " + std::to_string(from) + " to " + std::to_string(to);
}

std::string count_text(int n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// The marks of several numbers of one row: one mark when they share it, else one per number
/// ("weeks [DEFAULT · …] · minutes [secondary source · …]").
std::string marks(Notes& notes, const TrajectoryTemplate& t,
                  const std::vector<std::pair<std::string, const Provenance*>>& numbers)
{
    std::vector<std::string> each;
    for (const auto& [name, provenance] : numbers) each.push_back(notes.mark(t.sources, *provenance));
    if (std::all_of(each.begin(), each.end(), [&](const std::string& m) { return m == each.front(); }))
        return each.front();
    std::string text;
    for (std::size_t i = 0; i < numbers.size(); ++i) text += (i ? " · " : "") + numbers[i].first + " " + each[i];
    return text;
}

std::string offset_text(const protocol::Occasion& o)
{
    const bool weeks = o.offset.unit == protocol::Offset::Unit::weeks;
    return std::string(protocol::to_string(o.anchor)) + " + " +
           count_text(o.offset.amount, weeks ? "week" : "month", weeks ? "weeks" : "months");
}

std::string window_text(const protocol::Window& w)
{
    return "on time " + count_text(w.days_before, "day", "days") + " before to " +
           count_text(w.days_after, "day", "days") + " after";
}

void render_header(std::ostringstream& out, Notes& notes, const TrajectoryTemplate& t, Lang lang)
{
    out << t.id << " " << t.version << " — " << pick(t.label, lang) << '\n'
        << pick(t.description, lang) << '\n'
        << "File: " << t.file << "\n\n";
    const int weeks = t.training_weeks.value;
    out << "Training: " << count_text(weeks, "week", "weeks") << "; it ends on start + " << 7 * weeks
        << " days, the day after week " << weeks << "  " << notes.mark(t.sources, t.training_weeks.provenance) << '\n';
    out << "Grace period: " << count_text(t.grace_days.value, "day", "days")
        << " overdue after a window closes, then missed  " << notes.mark(t.sources, t.grace_days.provenance) << '\n';
}

void render_phases(std::ostringstream& out, Notes& notes, const TrajectoryTemplate& t, Lang lang)
{
    out << "\nPhases (weeks from the start: week 1 is the start day and the six days after it)\n";
    Table table;
    for (const protocol::Phase& phase : t.phases) {
        if (phase.weeks)
            table.row({phase.id, pick(phase.label, lang), weeks_text(phase.weeks->from, phase.weeks->to),
                       notes.mark(t.sources, phase.weeks->provenance)});
        else
            table.row({phase.id, pick(phase.label, lang),
                       "months " + std::to_string(phase.months_after_training->from) + " to " +
                           std::to_string(phase.months_after_training->to) + " after the training",
                       notes.mark(t.sources, phase.months_after_training->provenance)});
    }
    table.print(out);
}

void render_session_plans(std::ostringstream& out, Notes& notes, const TrajectoryTemplate& t)
{
    out << "\nSession plan (n a week fall on days ⌊7·i/n⌋ of each week, i = 0 … n−1)\n";
    Table table;
    table.row({"discipline", "kind", "phase", "weeks", "per week", "minutes", ""});
    for (const protocol::SessionPlan& plan : t.session_plans)
        table.row({std::string(domain::to_string(plan.discipline)), std::string(domain::to_string(plan.kind)),
                   plan.phase, weeks_text(plan.weeks.from, plan.weeks.to), std::to_string(plan.per_week.value),
                   std::to_string(plan.minutes.value),
                   marks(notes, t,
                         {{"weeks", &plan.weeks.provenance},
                          {"per week", &plan.per_week.provenance},
                          {"minutes", &plan.minutes.provenance}})});
    table.print(out);
}

void render_occasions(std::ostringstream& out, Notes& notes, const TrajectoryTemplate& t, Lang lang,
                      std::optional<calendar::Date> start)
{
    out << "\nOccasions (target = anchor + offset; training_end = start + " << 7 * t.training_weeks.value << " days)\n";
    for (const protocol::Occasion& o : t.occasions) {
        out << "  " << o.id << "  " << pick(o.label, lang) << ": " << offset_text(o) << ", " << window_text(o.window)
            << "  " << marks(notes, t, {{"offset", &o.offset.provenance}, {"window", &o.window.provenance}}) << '\n';
        if (start) {
            const schedule::PlannedOccasion p = schedule::plan_occasion(t, o, *start);
            out << "      " << calendar::format_iso_date(p.target) << ", on time "
                << calendar::format_iso_date(p.earliest) << " to " << calendar::format_iso_date(p.latest) << '\n';
        }
        Table instruments;
        for (const protocol::OccasionInstrument& i : o.instruments) {
            std::string by;
            for (domain::Discipline d : i.disciplines)
                by += (by.empty() ? "" : ", ") + std::string(domain::to_string(d));
            instruments.row({i.instrument, "by " + by, notes.mark(t.sources, i.provenance)});
        }
        instruments.print(out, "      ");
    }
}

void render_planned_sessions(std::ostringstream& out, const TrajectoryTemplate& t, calendar::Date start)
{
    const auto sessions = schedule::plan_sessions(t, start);
    out << "\nPlanned from " << calendar::format_iso_date(start) << ": " << sessions.size() << " sessions, "
        << calendar::format_iso_date(sessions.front().date) << " to " << calendar::format_iso_date(sessions.back().date)
        << '\n';
    Table table;
    for (const schedule::Adherence& row : schedule::adherence(sessions, {}, sessions.back().date))
        table.row({std::string(domain::to_string(row.discipline)), count_text(row.planned, "session", "sessions")});
    table.print(out);
}

}  // namespace

std::string render_trajectory(const TrajectoryTemplate& t, Lang lang, std::optional<calendar::Date> start)
{
    std::ostringstream out;
    Notes notes;
    render_header(out, notes, t, lang);
    render_phases(out, notes, t, lang);
    render_session_plans(out, notes, t);
    render_occasions(out, notes, t, lang, start);
    if (start && !t.session_plans.empty()) render_planned_sessions(out, t, *start);
    print_footer(out, notes, t.notes, t.sources, t.examples.size());
    return out.str();
}

std::string render_trajectory_list(const protocol::Registry& registry, Lang lang)
{
    std::ostringstream out;
    Table table;
    table.row({"id", "version", "name", "training", "occasions", "numbers"});
    for (const TrajectoryTemplate& t : registry.trajectories()) {
        const protocol::ProvenanceCounts counts = t.provenance_counts();
        std::string numbers = std::to_string(counts.sourced) + " sourced";
        if (counts.unverified) numbers += ", " + std::to_string(counts.unverified) + " UNVERIFIED";
        if (counts.defaults) numbers += ", " + std::to_string(counts.defaults) + " DEFAULT";
        table.row({t.id, t.version, pick(t.label, lang), count_text(t.training_weeks.value, "week", "weeks"),
                   std::to_string(t.occasions.size()), numbers});
    }
    table.print(out, "");
    return out.str();
}

}  // namespace reable::cli
