#include "api/views.hpp"

#include "reable/calendar.hpp"

#include <Poco/JSON/Parser.h>

#include <sstream>

namespace reable::server::views {

namespace {

std::string date(calendar::Date d) { return calendar::format_iso_date(d); }

Poco::Dynamic::Var optional_date(const std::optional<calendar::Date>& d)
{
    return d ? Poco::Dynamic::Var(date(*d)) : Poco::Dynamic::Var();
}

/// Stored JSON (a test's inputs and scores) embedded as JSON, not as a string.
Poco::Dynamic::Var embedded(const std::string& text)
{
    if (text.empty()) return {};
    Poco::JSON::Parser parser;
    return parser.parse(text);
}

}  // namespace

Object::Ptr object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Response json(const Object::Ptr& body, int status)
{
    std::ostringstream out;
    body->stringify(out);
    return json_text(out.str(), status);
}

Response json_text(std::string body, int status)
{
    Response r;
    r.status = status;
    r.body = std::move(body);
    return r;
}

Object::Ptr page(const Array::Ptr& items, std::size_t total, const storage::Page& p)
{
    Object::Ptr o = object();
    o->set("items", items);
    o->set("total", total);
    o->set("limit", p.limit);
    o->set("offset", p.offset);
    return o;
}

Object::Ptr client(const domain::Client& c, const std::optional<domain::ClientIdentity>& identity, bool with_bsn)
{
    Object::Ptr o = object();
    o->set("id", c.id.value);
    if (identity) {
        o->set("name", identity->name);
        if (with_bsn) o->set("bsn", identity->bsn.digits());
    }
    o->set("birth_date", date(c.birth_date));
    o->set("sex", std::string(to_string(c.sex)));
    o->set("area_id", c.area.value);
    o->set("household", std::string(to_string(c.household)));
    o->set("household_size", c.household_size);
    o->set("dwelling", std::string(to_string(c.dwelling)));
    o->set("rooms_in_use", c.rooms_in_use);
    o->set("rooms_not_in_use", c.rooms_not_in_use);
    o->set("pets", c.pets);
    Array::Ptr carers = new Array;
    for (const domain::InformalCarer& carer : c.carers) {
        Object::Ptr item = object();
        item->set("relationship", carer.relationship);
        item->set("hours_per_week", carer.hours_per_week);
        item->set("lives_in", carer.lives_in);
        carers->add(item);
    }
    o->set("carers", carers);
    return o;
}

Object::Ptr trajectory(const domain::Trajectory& t)
{
    Object::Ptr o = object();
    o->set("id", t.id.value);
    o->set("client_id", t.client.value);
    o->set("melding_id", t.melding ? Poco::Dynamic::Var(t.melding->value) : Poco::Dynamic::Var());
    o->set("template_id", t.template_id);
    o->set("template_version", t.template_version);
    o->set("start_date", date(t.start));
    o->set("state", std::string(to_string(t.state)));
    o->set("ended_on", optional_date(t.ended_on));
    o->set("closure", t.closure ? Poco::Dynamic::Var(std::string(to_string(*t.closure))) : Poco::Dynamic::Var());
    o->set("end_reason", t.end_reason);
    Array::Ptr team = new Array;
    for (const domain::CareAssignment& a : t.team) {
        Object::Ptr item = object();
        item->set("discipline", std::string(to_string(a.discipline)));
        item->set("member_id", a.member.value);
        team->add(item);
    }
    o->set("care_team", team);
    return o;
}

Object::Ptr trajectory_view(const app::TrajectoryView& v)
{
    Object::Ptr o = trajectory(v.trajectory);
    Array::Ptr occasions = new Array;
    for (const app::OccasionLine& line : v.occasions) {
        Object::Ptr item = object();
        item->set("occasion", line.planned.occasion_id);
        item->set("target", date(line.planned.target));
        item->set("earliest", date(line.planned.earliest));
        item->set("latest", date(line.planned.latest));
        item->set("status", std::string(to_string(line.state.status)));
        item->set("deviation_days",
                  line.state.deviation_days ? Poco::Dynamic::Var(*line.state.deviation_days) : Poco::Dynamic::Var());
        Array::Ptr recorded = new Array;
        for (const std::string& id : line.recorded) recorded->add(id);
        Array::Ptr missing = new Array;
        for (const std::string& id : line.missing) missing->add(id);
        item->set("recorded", recorded);
        item->set("missing", missing);
        occasions->add(item);
    }
    o->set("occasions", occasions);
    Array::Ptr results = new Array;
    for (const domain::TestResult& r : v.results) results->add(test_result(r));
    o->set("test_results", results);
    Array::Ptr goals = new Array;
    for (const domain::Goal& g : v.goals) {
        Object::Ptr item = goal(g);
        Array::Ptr ratings = new Array;
        for (const domain::GoalRating& r : v.ratings) {
            if (r.goal != g.id) continue;
            Object::Ptr rating = object();
            rating->set("occasion", r.occasion);
            rating->set("performance", r.performance);
            rating->set("satisfaction", r.satisfaction);
            rating->set("rated_on", date(r.rated_on));
            ratings->add(rating);
        }
        item->set("ratings", ratings);
        goals->add(item);
    }
    o->set("goals", goals);
    Array::Ptr adherence = new Array;
    for (const schedule::Adherence& a : v.adherence) {
        Object::Ptr item = object();
        item->set("discipline", std::string(to_string(a.discipline)));
        item->set("planned", a.planned);
        item->set("attended", a.attended);
        adherence->add(item);
    }
    o->set("adherence", adherence);
    Array::Ptr signals = new Array;
    for (const domain::Signal& s : v.signals) signals->add(signal(s));
    o->set("signals", signals);
    o->set("sessions_logged", v.sessions_logged);
    o->set("minutes_logged", v.minutes_logged);
    return o;
}

Object::Ptr session(const domain::Session& s)
{
    Object::Ptr o = object();
    o->set("id", s.id.value);
    o->set("trajectory_id", s.trajectory.value);
    o->set("member_id", s.member.value);
    o->set("discipline", std::string(to_string(s.discipline)));
    o->set("date", date(s.date));
    o->set("minutes", s.minutes);
    o->set("kind", std::string(to_string(s.kind)));
    o->set("attendance", std::string(to_string(s.attendance)));
    o->set("absence_reason", s.absence_reason);
    Array::Ptr activities = new Array;
    for (const std::string& a : s.activities) activities->add(a);
    o->set("activities", activities);
    Array::Ptr goals = new Array;
    for (const domain::GoalId g : s.goals) goals->add(g.value);
    o->set("goal_ids", goals);
    o->set("notes", s.notes);
    return o;
}

Object::Ptr signal(const domain::Signal& s)
{
    Object::Ptr o = object();
    o->set("id", s.id.value);
    o->set("trajectory_id", s.trajectory.value);
    o->set("session_id", s.session ? Poco::Dynamic::Var(s.session->value) : Poco::Dynamic::Var());
    o->set("kind", std::string(to_string(s.kind)));
    o->set("raised_on", date(s.raised_on));
    o->set("raised_by", s.raised_by.value);
    o->set("note", s.note);
    o->set("handled_on", optional_date(s.handled_on));
    return o;
}

Object::Ptr test_result(const domain::TestResult& r)
{
    Object::Ptr o = object();
    o->set("id", r.id.value);
    o->set("occasion", r.occasion);
    o->set("instrument_id", r.instrument_id);
    o->set("instrument_version", r.instrument_version);
    o->set("member_id", r.member.value);
    o->set("discipline", std::string(to_string(r.discipline)));
    o->set("tested_on", date(r.tested_on));
    o->set("total", r.total ? Poco::Dynamic::Var(*r.total) : Poco::Dynamic::Var());
    o->set("inputs", embedded(r.inputs_json));
    o->set("scores", embedded(r.scores_json));
    return o;
}

Object::Ptr goal(const domain::Goal& g)
{
    Object::Ptr o = object();
    o->set("id", g.id.value);
    o->set("trajectory_id", g.trajectory.value);
    o->set("problem", g.problem);
    o->set("importance", g.importance);
    o->set("set_on", date(g.set_on));
    return o;
}

Object::Ptr melding(const domain::Melding& m)
{
    Object::Ptr o = object();
    o->set("id", m.id.value);
    o->set("client_id", m.client.value);
    o->set("received_on", date(m.received_on));
    o->set("onderzoek_done_on", optional_date(m.onderzoek_done_on));
    o->set("aanvraag_on", optional_date(m.aanvraag_on));
    o->set("decided_on", optional_date(m.decided_on));
    return o;
}

Object::Ptr team(const domain::Team& t)
{
    Object::Ptr o = object();
    o->set("id", t.id.value);
    o->set("municipality_id", t.municipality.value);
    o->set("name", t.name);
    return o;
}

Object::Ptr member(const domain::Member& m)
{
    Object::Ptr o = object();
    o->set("id", m.id.value);
    o->set("team_id", m.team.value);
    o->set("name", m.name);
    o->set("discipline", std::string(to_string(m.discipline)));
    o->set("active", m.active);
    return o;
}

Object::Ptr user(const domain::User& u)
{
    Object::Ptr o = object();
    o->set("id", u.id.value);
    o->set("username", u.username);
    o->set("display_name", u.display_name);
    o->set("role", std::string(to_string(u.role)));
    o->set("member_id", u.member ? Poco::Dynamic::Var(u.member->value) : Poco::Dynamic::Var());
    o->set("municipality_id", u.municipality ? Poco::Dynamic::Var(u.municipality->value) : Poco::Dynamic::Var());
    o->set("active", u.active);
    o->set("created_at", u.created_at);
    return o;
}

Object::Ptr audit_event(const domain::AuditEvent& e)
{
    Object::Ptr o = object();
    o->set("id", e.id);
    o->set("at", e.at);
    o->set("user_id", e.user ? Poco::Dynamic::Var(e.user->value) : Poco::Dynamic::Var());
    o->set("username", e.username);
    o->set("user_role", e.user_role);
    o->set("on_behalf_of", e.on_behalf_of);
    o->set("client_id", e.client ? Poco::Dynamic::Var(e.client->value) : Poco::Dynamic::Var());
    o->set("action", std::string(to_string(e.action)));
    o->set("data", e.data);
    o->set("resource", e.resource);
    o->set("result", std::string(to_string(e.result)));
    o->set("basis", e.basis);
    o->set("emergency", e.emergency);
    return o;
}

}  // namespace reable::server::views
