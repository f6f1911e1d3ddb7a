#include "api/views.hpp"

#include "reable/calendar.hpp"
#include "reable/units.hpp"

#include <algorithm>

namespace reable::server::views {

namespace {

std::string date(calendar::Date d) { return calendar::format_iso_date(d); }

void optional_date(CompactWriter& w, const std::optional<calendar::Date>& d)
{
    if (d)
        w.value(date(*d));
    else
        w.null();
}

template <class IdType>
void optional_id(CompactWriter& w, const std::optional<IdType>& id)
{
    if (id)
        w.value(id->value);
    else
        w.null();
}

void text(CompactWriter& w, const protocol::Text& t)
{
    w.begin_object().key("nl").value(t.nl).key("en").value(t.en).end_object();
}

std::string_view better(protocol::Better b) { return b == protocol::Better::higher ? "higher" : "lower"; }

/// Stored JSON embedded as it is (it was written by core's own writer); null when empty.
void embedded(CompactWriter& w, const std::string& text)
{
    if (text.empty())
        w.null();
    else
        w.raw(text);
}

}  // namespace

Response json(const CompactWriter& body, int status) { return json_text(body.text(), status); }

Response json_text(std::string body, int status)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

void client(CompactWriter& w, const domain::Client& c, const std::optional<domain::ClientIdentity>& identity,
            bool with_bsn)
{
    w.begin_object().key("id").value(c.id.value);
    if (identity) {
        w.key("name").value(identity->name);
        if (with_bsn) w.key("bsn").value(identity->bsn.digits());
    }
    w.key("birth_date").value(date(c.birth_date));
    w.key("sex").value(to_string(c.sex));
    w.key("area_id").value(c.area.value);
    w.key("household").value(to_string(c.household));
    w.key("household_size").value(c.household_size);
    w.key("dwelling").value(to_string(c.dwelling));
    w.key("rooms_in_use").value(c.rooms_in_use);
    w.key("rooms_not_in_use").value(c.rooms_not_in_use);
    w.key("pets").value(c.pets);
    w.key("carers").begin_array();
    for (const domain::InformalCarer& carer : c.carers)
        w.begin_object()
            .key("relationship").value(carer.relationship)
            .key("hours_per_week").value(carer.hours_per_week)
            .key("lives_in").value(carer.lives_in)
            .end_object();
    w.end_array().end_object();
}

void trajectory_fields(CompactWriter& w, const domain::Trajectory& t)
{
    w.key("id").value(t.id.value);
    w.key("client_id").value(t.client.value);
    w.key("melding_id");
    optional_id(w, t.melding);
    w.key("template_id").value(t.template_id);
    w.key("template_version").value(t.template_version);
    w.key("start_date").value(date(t.start));
    w.key("state").value(to_string(t.state));
    w.key("ended_on");
    optional_date(w, t.ended_on);
    w.key("closure");
    if (t.closure)
        w.value(to_string(*t.closure));
    else
        w.null();
    w.key("end_reason").value(t.end_reason);
    w.key("end_reason_code");
    if (t.end_reason_code)
        w.value(to_string(*t.end_reason_code));
    else
        w.null();
    w.key("care_team").begin_array();
    for (const domain::CareAssignment& a : t.team)
        w.begin_object().key("discipline").value(to_string(a.discipline)).key("member_id").value(a.member.value).end_object();
    w.end_array();
}

void trajectory(CompactWriter& w, const domain::Trajectory& t)
{
    w.begin_object();
    trajectory_fields(w, t);
    w.end_object();
}

void trajectory_view(CompactWriter& w, const app::TrajectoryView& v, const std::string& client_name,
                     calendar::Date today)
{
    w.begin_object();
    trajectory_fields(w, v.trajectory);
    w.key("client_name").value(client_name);
    w.key("template_name");
    text(w, v.plan->label);
    w.key("training_weeks").value(v.plan->training_weeks.value);
    // Week 1 is the start day and the six days after it; floor division, so the days before the
    // start are week 0, the week before that -1.
    const auto days = static_cast<std::int64_t>((today - v.trajectory.start).count());
    const std::int64_t week = (days >= 0 ? days / 7 : (days - 6) / 7) + 1;
    w.key("week").value(week);
    w.key("today").value(date(today));
    w.key("occasions").begin_array();
    for (const app::OccasionLine& line : v.occasions) {
        w.begin_object()
            .key("occasion").value(line.planned.occasion_id)
            .key("target").value(date(line.planned.target))
            .key("earliest").value(date(line.planned.earliest))
            .key("latest").value(date(line.planned.latest))
            .key("status").value(to_string(line.state.status))
            .key("deviation_days").optional(line.state.deviation_days);
        w.key("recorded").begin_array();
        for (const std::string& id : line.recorded) w.value(id);
        w.end_array().key("missing").begin_array();
        for (const std::string& id : line.missing) w.value(id);
        w.end_array().end_object();
    }
    w.end_array().key("test_results").begin_array();
    for (const domain::TestResult& r : v.results) test_result(w, r);
    w.end_array().key("goals").begin_array();
    for (const domain::Goal& g : v.goals) {
        w.begin_object();
        goal_fields(w, g);
        w.key("ratings").begin_array();
        for (const domain::GoalRating& r : v.ratings)
            if (r.goal == g.id)
                w.begin_object()
                    .key("occasion").value(r.occasion)
                    .key("performance").value(r.performance)
                    .key("satisfaction").value(r.satisfaction)
                    .key("rated_on").value(date(r.rated_on))
                    .end_object();
        w.end_array().end_object();
    }
    w.end_array().key("adherence").begin_array();
    for (const schedule::Adherence& a : v.adherence)
        w.begin_object()
            .key("discipline").value(to_string(a.discipline))
            .key("planned").value(a.planned)
            .key("attended").value(a.attended)
            .end_object();
    w.end_array().key("signals").begin_array();
    for (const domain::Signal& s : v.signals) signal(w, s);
    w.end_array();
    w.key("sessions_logged").value(v.sessions_logged);
    w.key("minutes_logged").value(v.minutes_logged);
    w.end_object();
}

void session(CompactWriter& w, const domain::Session& s)
{
    w.begin_object()
        .key("id").value(s.id.value)
        .key("trajectory_id").value(s.trajectory.value)
        .key("member_id").value(s.member.value)
        .key("discipline").value(to_string(s.discipline))
        .key("date").value(date(s.date))
        .key("minutes").value(s.minutes)
        .key("kind").value(to_string(s.kind))
        .key("attendance").value(to_string(s.attendance))
        .key("absence_reason").value(s.absence_reason);
    w.key("activities").begin_array();
    for (const std::string& a : s.activities) w.value(a);
    w.end_array().key("goal_ids").begin_array();
    for (const domain::GoalId g : s.goals) w.value(g.value);
    w.end_array().key("notes").value(s.notes).end_object();
}

void signal_fields(CompactWriter& w, const domain::Signal& s)
{
    w.key("id").value(s.id.value).key("trajectory_id").value(s.trajectory.value).key("session_id");
    optional_id(w, s.session);
    w.key("kind").value(to_string(s.kind))
        .key("raised_on").value(date(s.raised_on))
        .key("raised_by").value(s.raised_by.value)
        .key("note").value(s.note)
        .key("handled_on");
    optional_date(w, s.handled_on);
}

void signal(CompactWriter& w, const domain::Signal& s)
{
    w.begin_object();
    signal_fields(w, s);
    w.end_object();
}

void test_result(CompactWriter& w, const domain::TestResult& r)
{
    w.begin_object()
        .key("id").value(r.id.value)
        .key("occasion").value(r.occasion)
        .key("instrument_id").value(r.instrument_id)
        .key("instrument_version").value(r.instrument_version)
        .key("member_id").value(r.member.value)
        .key("discipline").value(to_string(r.discipline))
        .key("tested_on").value(date(r.tested_on))
        .key("total").optional(r.total)
        .key("inputs");
    embedded(w, r.inputs_json);
    w.key("scores");
    embedded(w, r.scores_json);
    w.end_object();
}

void goal_fields(CompactWriter& w, const domain::Goal& g)
{
    w.key("id").value(g.id.value)
        .key("trajectory_id").value(g.trajectory.value)
        .key("problem").value(g.problem)
        .key("importance").value(g.importance)
        .key("set_on").value(date(g.set_on));
}

void goal(CompactWriter& w, const domain::Goal& g)
{
    w.begin_object();
    goal_fields(w, g);
    w.end_object();
}

void melding_fields(CompactWriter& w, const domain::Melding& m)
{
    w.key("id").value(m.id.value).key("client_id").value(m.client.value);
    w.key("received_on").value(date(m.received_on)).key("onderzoek_done_on");
    optional_date(w, m.onderzoek_done_on);
    w.key("aanvraag_on");
    optional_date(w, m.aanvraag_on);
    w.key("decided_on");
    optional_date(w, m.decided_on);
    w.key("hh_minutes_requested").optional(m.hh_minutes_requested);
}

void melding(CompactWriter& w, const domain::Melding& m)
{
    w.begin_object();
    melding_fields(w, m);
    w.end_object();
}

void melding_with_deadlines(CompactWriter& w, const domain::Melding& m, const std::string& client_name,
                            calendar::Date today)
{
    w.begin_object();
    melding_fields(w, m);
    w.key("client_name").value(client_name);
    bool overdue = false;
    std::optional<calendar::Date> next_due;
    w.key("deadlines").begin_array();
    for (const domain::Deadline& d : domain::deadlines(m, today)) {
        w.begin_object().key("kind").value(to_string(d.kind)).key("due").value(date(d.due)).key("met_on");
        optional_date(w, d.met_on);
        w.key("days_late").value(d.days_late).key("overdue").value(d.overdue()).end_object();
        if (d.met_on) continue;
        overdue = overdue || d.overdue();
        if (!next_due || d.due < *next_due) next_due = d.due;
    }
    w.end_array();
    w.key("overdue").value(overdue).key("next_due");
    optional_date(w, next_due);
    w.end_object();
}

void team(CompactWriter& w, const domain::Team& t)
{
    w.begin_object()
        .key("id").value(t.id.value)
        .key("municipality_id").value(t.municipality.value)
        .key("name").value(t.name)
        .end_object();
}

void member(CompactWriter& w, const domain::Member& m)
{
    w.begin_object()
        .key("id").value(m.id.value)
        .key("team_id").value(m.team.value)
        .key("name").value(m.name)
        .key("discipline").value(to_string(m.discipline))
        .key("active").value(m.active)
        .end_object();
}

void user_fields(CompactWriter& w, const domain::User& u)
{
    w.key("id").value(u.id.value)
        .key("username").value(u.username)
        .key("display_name").value(u.display_name)
        .key("role").value(to_string(u.role))
        .key("member_id");
    optional_id(w, u.member);
    w.key("municipality_id");
    optional_id(w, u.municipality);
    w.key("active").value(u.active).key("created_at").value(u.created_at);
}

void user(CompactWriter& w, const domain::User& u)
{
    w.begin_object();
    user_fields(w, u);
    w.end_object();
}

void audit_event(CompactWriter& w, const domain::AuditEvent& e)
{
    w.begin_object().key("id").value(e.id).key("at").value(e.at).key("user_id");
    optional_id(w, e.user);
    w.key("username").value(e.username)
        .key("user_role").value(e.user_role)
        .key("on_behalf_of").value(e.on_behalf_of)
        .key("client_id");
    optional_id(w, e.client);
    w.key("action").value(to_string(e.action))
        .key("data").value(e.data)
        .key("resource").value(e.resource)
        .key("result").value(to_string(e.result))
        .key("basis").value(e.basis)
        .key("emergency").value(e.emergency)
        .end_object();
}

namespace {

void form_item(CompactWriter& w, const protocol::Item& item)
{
    const bool choice = item.type == protocol::ItemType::choice;
    w.begin_object().key("id").value(item.id).key("label");
    text(w, item.label);
    w.key("type").value(choice ? "choice" : "measurement");
    if (choice) {
        // A choice item's value is its option's points: the range and unit are theirs (none when
        // the options have no points, e.g. which walking aid was used).
        std::optional<Decimal> lo, hi;
        for (const protocol::AnswerOption& o : item.options)
            if (o.points) {
                lo = lo ? std::min(*lo, *o.points) : *o.points;
                hi = hi ? std::max(*hi, *o.points) : *o.points;
            }
        w.key("unit").value(item.scored ? units::symbol(units::Unit::points) : std::string_view());
        w.key("min").optional(lo).key("max").optional(hi).key("precision").null();
        w.key("scored").value(item.scored);
    } else {
        w.key("unit").value(units::symbol(item.unit));
        w.key("min").value(item.min).key("max").value(item.max).key("precision").value(item.precision);
    }
    // Which way is better is known for a measurement; a choice item's points may run either way.
    w.key("trials").value(item.trials).key("better");
    if (choice)
        w.null();
    else
        w.value(better(item.better));
    w.key("note").value(item.note);
    w.key("states").begin_array();
    for (std::size_t s = 0; s < protocol::k_trial_state_count; ++s) {
        const protocol::StateRule& rule = item.states[s];
        if (!rule.allowed) continue;
        w.begin_object().key("state").value(protocol::to_string(static_cast<protocol::TrialState>(s)));
        w.key("reasons").begin_array();
        for (const std::string& reason : rule.reasons) w.value(reason);
        w.end_array().end_object();
    }
    w.end_array().key("options").begin_array();
    for (const protocol::AnswerOption& o : item.options) {
        w.begin_object().key("code").value(o.code).key("label");
        text(w, o.label);
        w.key("points").optional(o.points).end_object();
    }
    w.end_array().end_object();
}

}  // namespace

void instrument_form(CompactWriter& w, const protocol::Instrument& i)
{
    w.begin_object().key("id").value(i.id).key("version").value(i.version).key("name");
    text(w, i.name);
    w.key("summary");
    text(w, i.summary);
    w.key("unverified_rules").value(i.has_unverified_rules()).key("primary_score");
    if (i.primary_score)
        w.value(i.scores[*i.primary_score].id);
    else
        w.null();
    w.key("items").begin_array();
    for (const protocol::Item& item : i.items) form_item(w, item);
    w.end_array().key("alternatives").begin_array();
    for (const protocol::Alternatives& a : i.alternatives) {
        w.begin_array();
        for (const std::size_t item : a.items) w.value(i.items[item].id);
        w.end_array();
    }
    w.end_array().key("scores").begin_array();
    for (const protocol::Score& s : i.scores) {
        w.begin_object().key("id").value(s.id).key("label");
        text(w, s.label);
        w.key("unit").value(units::symbol(s.unit)).key("better").value(better(s.better));
        w.key("precision").value(s.precision).end_object();
    }
    w.end_array().end_object();
}

void policy(CompactWriter& w, const protocol::Policy& p)
{
    w.begin_object().key("id").value(p.id).key("version").value(p.version).key("name");
    text(w, p.label);
    w.key("description");
    text(w, p.description);
    w.key("municipality");
    text(w, p.municipality);
    w.key("reablement").value(protocol::to_string(p.mode));
    w.key("legal_route").value(p.legal_route);
    w.key("trajectory_template").value(p.trajectory);
    w.key("max_wait_days").value(p.max_wait_days.value);
    w.key("when_unavailable").value(protocol::to_string(p.when_unavailable));
    w.key("norms").value(p.norms);
    w.end_object();
}

}  // namespace reable::server::views
