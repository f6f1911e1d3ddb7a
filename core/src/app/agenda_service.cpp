#include "reable/app/agenda_service.hpp"

#include "reable/app/trajectory_service.hpp"
#include "reable/error.hpp"
#include "reable/schedule/schedule.hpp"

#include <algorithm>
#include <map>

namespace reable::app {

using namespace domain;

namespace {

std::string occasion_text(const protocol::Occasion& occasion, const schedule::PlannedOccasion& planned)
{
    std::string instruments;
    for (const protocol::OccasionInstrument& oi : occasion.instruments)
        instruments += (instruments.empty() ? "" : ", ") + oi.instrument;
    return "measurement " + occasion.id + ": " + instruments + " (window " +
           calendar::format_iso_date(planned.earliest) + " to " + calendar::format_iso_date(planned.latest) + ")";
}

bool may_record(const protocol::Occasion& occasion, Discipline d)
{
    return std::any_of(occasion.instruments.begin(), occasion.instruments.end(), [d](const auto& oi) {
        return std::find(oi.disciplines.begin(), oi.disciplines.end(), d) != oi.disciplines.end();
    });
}

AgendaLine& new_line(std::vector<AgendaLine>& lines, calendar::Date date, const CareAssignment& a,
                     const std::string& member_name, TrajectoryId trajectory, const std::string& client_name)
{
    AgendaLine& line = lines.emplace_back();
    line.date = date;
    line.member = a.member;
    line.member_name = member_name;
    line.discipline = a.discipline;
    line.trajectory = trajectory;
    line.client_name = client_name;
    return line;
}

}  // namespace

std::vector<AgendaLine> agenda(storage::UnitOfWork& work, const protocol::Registry& registry, const Clock& clock,
                               std::optional<std::int64_t> member, calendar::Date from, calendar::Date to)
{
    if (to < from) throw Error(ErrorCode::invalid_input, "--to is before --from");
    if ((to - from).count() > 366) throw Error(ErrorCode::invalid_input, "the range is longer than 366 days");
    std::vector<Trajectory> trajectories;
    if (member) {
        const std::optional<Member> m = work.organisation().member(MemberId{*member});
        if (!m) throw Error(ErrorCode::not_found, "there is no member " + std::to_string(*member));
        trajectories = work.trajectories().for_member(m->id);
    }
    else {
        trajectories = work.trajectories().open();
    }

    std::vector<AgendaLine> lines;
    std::map<std::int64_t, std::string> member_names;
    for (const Trajectory& t : trajectories) {
        if (is_final(t.state)) continue;
        const TrajectoryView view = view_trajectory(work, registry, clock, t.id.value);
        const std::string client_name = work.clients().identity(t.client)->name;
        const std::vector<Session>& logged = view.sessions;
        for (const CareAssignment& a : t.team) {
            if (member && a.member.value != *member) continue;
            auto& name = member_names[a.member.value];
            if (name.empty()) name = work.organisation().member(a.member)->name;
            for (const schedule::PlannedSession& p : schedule::plan_sessions(*view.plan, t.start)) {
                if (p.discipline != a.discipline || p.date < from || p.date > to) continue;
                const auto done = std::find_if(logged.begin(), logged.end(), [&](const Session& s) {
                    return s.member == a.member && s.date == p.date;
                });
                const std::string status = done != logged.end()            ? std::string(to_string(done->attendance))
                                           : p.date < clock.today() ? "not_logged"
                                                                    : "planned";
                AgendaLine& line = new_line(lines, p.date, a, name, t.id, client_name);
                line.what = std::string(to_string(p.kind)) + ", " + std::to_string(p.minutes) + " min";
                line.status = status;
                line.session_kind = p.kind;
                line.minutes = p.minutes;
            }
            for (const OccasionLine& o : view.occasions) {
                if (o.planned.target < from || o.planned.target > to || !may_record(*o.occasion, a.discipline)) continue;
                AgendaLine& line = new_line(lines, o.planned.target, a, name, t.id, client_name);
                line.what = occasion_text(*o.occasion, o.planned);
                line.status = std::string(to_string(o.state.status));
                line.occasion = o.occasion->id;
                for (const protocol::OccasionInstrument& oi : o.occasion->instruments)
                    line.instruments.push_back(oi.instrument);
                line.earliest = o.planned.earliest;
                line.latest = o.planned.latest;
            }
        }
    }
    std::sort(lines.begin(), lines.end(), [](const AgendaLine& a, const AgendaLine& b) {
        return std::tie(a.date, a.member, a.trajectory) < std::tie(b.date, b.member, b.trajectory);
    });
    return lines;
}

}  // namespace reable::app
