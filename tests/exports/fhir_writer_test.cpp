#include "reable/exports/fhir_writer.hpp"

#include "reable/app/protocol_set.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>

#include <doctest/doctest.h>

#include <algorithm>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

using namespace reable;
using exports::DateMode;
using exports::FhirType;
using Poco::JSON::Array;
using Poco::JSON::Object;

namespace {

calendar::Date day(const char* iso) { return *calendar::parse_iso_date(iso); }

const protocol::Registry& shipped()
{
    static const protocol::Registry registry = app::load_registry(REABLE_SOURCE_PROTOCOLS_DIR);
    return registry;
}

// Database ids no output may contain: all start with 98765.
constexpr std::int64_t k_trajectory_id = 987654;
constexpr std::int64_t k_client_id = 987653;
constexpr std::int64_t k_session_id = 987655;
constexpr std::int64_t k_goal_id = 987656;

const std::string k_pseudonym = "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a1b2";

storage::ExportValue value(const char* occasion, const char* instrument, const char* tested_on, bool is_item,
                           const char* variable, const char* number, const char* code = "", int trial = 0)
{
    storage::ExportValue v;
    v.trajectory = domain::TrajectoryId{k_trajectory_id};
    v.occasion = occasion;
    v.instrument_id = instrument;
    v.instrument_version = "1.0.0";
    v.discipline = "physiotherapist";
    v.tested_on = day(tested_on);
    v.is_item = is_item;
    v.variable = variable;
    v.trial = trial;
    v.number = number;
    v.code = code;
    return v;
}

storage::ExportSession session(std::int64_t id, const char* on, const char* kind, const char* attendance,
                               const char* discipline, int minutes)
{
    storage::ExportSession s;
    s.trajectory = domain::TrajectoryId{k_trajectory_id};
    s.session = domain::SessionId{id};
    s.discipline = discipline;
    s.date = day(on);
    s.minutes = minutes;
    s.kind = kind;
    s.attendance = attendance;
    return s;
}

storage::ExportGoal goal(std::int64_t id, int number, int importance, const char* occasion = "",
                         std::optional<int> performance = {}, std::optional<int> satisfaction = {},
                         const char* rated_on = nullptr)
{
    storage::ExportGoal g;
    g.trajectory = domain::TrajectoryId{k_trajectory_id};
    g.goal = domain::GoalId{id};
    g.number = number;
    g.importance = importance;
    g.set_on = day("2026-01-07");
    g.occasion = occasion;
    g.performance = performance;
    g.satisfaction = satisfaction;
    if (rated_on) g.rated_on = day(rated_on);
    return g;
}

/// A closed trajectory of a woman of 85 started on 5 January 2026: TUG at t0 (11.9 s) and at t1
/// (unable), three sessions (attended, cancelled, no-show) and two COPM goals.
exports::TrajectoryRecord sample_record()
{
    exports::TrajectoryRecord r;
    auto& t = r.trajectory;
    t.trajectory = domain::TrajectoryId{k_trajectory_id};
    t.client = domain::ClientId{k_client_id};
    t.ordinal = 1;
    t.template_id = "standard-14w";
    t.template_version = "1.0.0";
    t.start = day("2026-01-05");
    t.state = domain::TrajectoryState::closed;
    t.ended_on = day("2026-04-13");
    t.closure = domain::Closure::completed;
    t.birth_date = day("1940-03-15");
    t.sex = domain::Sex::female;
    t.area = domain::AreaId{987657};
    t.area_name = "Wijk Noord";
    t.team = domain::TeamId{987658};
    t.team_name = "Team Noord";
    r.pseudonym = k_pseudonym;
    r.values = {
        value("t0", "tug", "2026-01-06", true, "time", "12.4", "", 1),
        value("t0", "tug", "2026-01-06", true, "time", "11.9", "", 2),
        value("t0", "tug", "2026-01-06", false, "tug_time", "11.9"),
        value("t1", "tug", "2026-04-10", true, "time", "", "unable", 1),
        value("t1", "tug", "2026-04-10", false, "tug_time", "", "unable"),
    };
    r.sessions = {
        session(k_session_id, "2026-01-06", "home_visit", "attended", "physiotherapist", 60),
        session(k_session_id + 10, "2026-01-13", "training", "cancelled", "household_helper", 45),
        session(k_session_id + 20, "2026-01-20", "phone", "no_show", "ergotherapist", 15),
    };
    r.goals = {
        goal(k_goal_id, 1, 8, "t0", 3, 2, "2026-01-07"),
        goal(k_goal_id, 1, 8, "t1", 7, 6, "2026-04-10"),
        goal(k_goal_id + 1, 2, 5),
    };
    return r;
}

/// The output of one writer: a stream per type.
struct Output {
    std::map<FhirType, std::ostringstream> streams;
    exports::FhirWriter writer;

    explicit Output(DateMode dates) : writer(shipped(), dates, outputs()) {}

    std::map<FhirType, std::ostream*> outputs()
    {
        std::map<FhirType, std::ostream*> out;
        for (const FhirType type : exports::k_fhir_types) out[type] = &streams[type];
        return out;
    }
    std::string text(FhirType type) const { return streams.at(type).str(); }
    std::string all() const
    {
        std::string joined;
        for (const auto& [type, stream] : streams) joined += stream.str();
        return joined;
    }
};

std::vector<std::string> lines_of(const std::string& text)
{
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

Object::Ptr parse(const std::string& line)
{
    Poco::JSON::Parser parser;
    return parser.parse(line).extract<Object::Ptr>();
}

std::vector<Object::Ptr> resources(const Output& output, FhirType type)
{
    std::vector<Object::Ptr> parsed;
    for (const auto& line : lines_of(output.text(type))) parsed.push_back(parse(line));
    return parsed;
}

/// The codes of a CodeableConcept as "system|code".
std::vector<std::string> codes_of(const Object::Ptr& codeable)
{
    std::vector<std::string> codes;
    const auto coding = codeable->getArray("coding");
    for (std::size_t i = 0; i < coding->size(); ++i) {
        const auto c = coding->getObject(static_cast<unsigned>(i));
        codes.push_back(c->getValue<std::string>("system") + "|" + c->getValue<std::string>("code"));
    }
    return codes;
}

bool contains(const std::vector<std::string>& list, const std::string& item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

/// The extension of `resource` with this url, or null.
Object::Ptr extension(const Object::Ptr& resource, const std::string& url)
{
    const auto list = resource->getArray("extension");
    if (list.isNull()) return {};
    for (std::size_t i = 0; i < list->size(); ++i) {
        const auto e = list->getObject(static_cast<unsigned>(i));
        if (e->getValue<std::string>("url") == url) return e;
    }
    return {};
}

const std::string k_ext = "https://reable.nl/fhir/StructureDefinition/";

}  // namespace

TEST_CASE("FHIR export: file names follow the Bulk Data convention")
{
    CHECK(exports::file_name(FhirType::patient) == "Patient.ndjson");
    CHECK(exports::file_name(FhirType::episode_of_care) == "EpisodeOfCare.ndjson");
    CHECK(exports::file_name(FhirType::care_team) == "CareTeam.ndjson");
    CHECK(exports::file_name(FhirType::encounter) == "Encounter.ndjson");
    CHECK(exports::file_name(FhirType::observation) == "Observation.ndjson");
    CHECK(exports::file_name(FhirType::goal) == "Goal.ndjson");
}

TEST_CASE("FHIR export: every line is one JSON resource with resourceType and id")
{
    for (const DateMode mode : {DateMode::days, DateMode::month}) {
        Output output(mode);
        output.writer.write(sample_record());
        for (const FhirType type : exports::k_fhir_types) {
            const std::string text = output.text(type);
            REQUIRE_FALSE(text.empty());
            CHECK(text.back() == '\n');
            CHECK(text.find('\r') == std::string::npos);
            for (const auto& line : lines_of(text)) {
                Object::Ptr resource;
                REQUIRE_NOTHROW(resource = parse(line));
                CHECK(resource->getValue<std::string>("resourceType") == exports::resource_type(type));
                CHECK_FALSE(resource->getValue<std::string>("id").empty());
            }
        }
    }
}

TEST_CASE("FHIR export: the Patient is the pseudonym with sex and age only")
{
    Output output(DateMode::month);
    output.writer.write(sample_record());
    const auto patients = resources(output, FhirType::patient);
    REQUIRE(patients.size() == 1);
    const auto& patient = patients[0];
    CHECK(patient->getValue<std::string>("id") == k_pseudonym);
    CHECK(patient->getValue<std::string>("gender") == "female");
    for (const char* field : {"identifier", "name", "birthDate", "address", "telecom"}) {
        INFO(field);
        CHECK_FALSE(patient->has(field));
    }
    const auto age = extension(patient, k_ext + "age-at-start");
    REQUIRE_FALSE(age.isNull());
    const auto quantity = age->getObject("valueAge");
    CHECK(quantity->getValue<int>("value") == 85);
    CHECK(quantity->getValue<std::string>("code") == "a");
    CHECK(quantity->getValue<std::string>("system") == "http://unitsofmeasure.org");
    CHECK_FALSE(quantity->has("comparator"));
}

TEST_CASE("FHIR export: ages of 90 and over are written as 90 or older")
{
    auto record = sample_record();
    record.trajectory.birth_date = day("1921-06-01");  // 104 at the start
    Output output(DateMode::days);
    output.writer.write(record);
    const auto age = extension(resources(output, FhirType::patient)[0], k_ext + "age-at-start")->getObject("valueAge");
    CHECK(age->getValue<int>("value") == 90);
    CHECK(age->getValue<std::string>("comparator") == ">=");
}

TEST_CASE("FHIR export: a client's Patient is written once however its trajectories are spread")
{
    auto first = sample_record();
    auto other = sample_record();
    other.pseudonym = std::string(64, 'f');
    auto second = sample_record();
    second.trajectory.ordinal = 2;
    second.trajectory.start = day("2026-06-01");
    Output output(DateMode::days);
    output.writer.write(first);
    output.writer.write(other);
    output.writer.write(second);
    const auto patients = resources(output, FhirType::patient);
    REQUIRE(patients.size() == 2);
    CHECK(patients[0]->getValue<std::string>("id") == k_pseudonym);
    CHECK(patients[1]->getValue<std::string>("id") == std::string(64, 'f'));
    const auto episodes = resources(output, FhirType::episode_of_care);
    REQUIRE(episodes.size() == 3);
    CHECK(episodes[2]->getValue<std::string>("id") == "eoc-a1b2c3d4e5f6a7b8-2");
}

TEST_CASE("FHIR export: the episode links patient, template and care team")
{
    Output output(DateMode::month);
    output.writer.write(sample_record());
    const auto episode = resources(output, FhirType::episode_of_care)[0];
    CHECK(episode->getValue<std::string>("id") == "eoc-a1b2c3d4e5f6a7b8-1");
    CHECK(episode->getValue<std::string>("status") == "finished");
    CHECK(episode->getObject("patient")->getValue<std::string>("reference") == "Patient/" + k_pseudonym);
    const auto type = episode->getArray("type")->getObject(0)->getArray("coding")->getObject(0);
    CHECK(type->getValue<std::string>("system") == "https://reable.nl/fhir/CodeSystem/trajectory-template");
    CHECK(type->getValue<std::string>("code") == "standard-14w");
    CHECK(type->getValue<std::string>("version") == "1.0.0");
    CHECK(episode->getObject("period")->getValue<std::string>("start") == "2026-01");
    CHECK(episode->getObject("period")->getValue<std::string>("end") == "2026-04");
    CHECK(episode->getArray("team")->getObject(0)->getValue<std::string>("reference") ==
          "CareTeam/ct-a1b2c3d4e5f6a7b8-1");
    CHECK(extension(episode, k_ext + "closure")->getValue<std::string>("valueCode") == "completed");

    const auto team = resources(output, FhirType::care_team)[0];
    CHECK(team->getValue<std::string>("id") == "ct-a1b2c3d4e5f6a7b8-1");
    const auto participants = team->getArray("participant");
    REQUIRE(participants->size() == 3);  // ergotherapist, household_helper, physiotherapist
    for (std::size_t i = 0; i < participants->size(); ++i) {
        const auto p = participants->getObject(static_cast<unsigned>(i));
        CHECK_FALSE(p->has("member"));
        CHECK(codes_of(p->getArray("role")->getObject(0))[0].starts_with(
            "https://reable.nl/fhir/CodeSystem/discipline|"));
    }
}

TEST_CASE("FHIR export: a dropout is a cancelled episode, an open trajectory an active one")
{
    auto record = sample_record();
    record.trajectory.state = domain::TrajectoryState::dropped_out;
    record.trajectory.closure = domain::Closure::dropout;
    auto open = sample_record();
    open.trajectory.ordinal = 2;
    open.trajectory.state = domain::TrajectoryState::training;
    open.trajectory.ended_on.reset();
    open.trajectory.closure.reset();
    Output output(DateMode::days);
    output.writer.write(record);
    output.writer.write(open);
    const auto episodes = resources(output, FhirType::episode_of_care);
    CHECK(episodes[0]->getValue<std::string>("status") == "cancelled");
    CHECK(episodes[1]->getValue<std::string>("status") == "active");
    CHECK_FALSE(episodes[1]->has("period"));
    const auto goals = resources(output, FhirType::goal);
    CHECK(goals.back()->getValue<std::string>("lifecycleStatus") == "active");
}

TEST_CASE("FHIR export: sessions are encounters by discipline, with no-show as cancelled")
{
    Output output(DateMode::days);
    output.writer.write(sample_record());
    const auto encounters = resources(output, FhirType::encounter);
    REQUIRE(encounters.size() == 3);
    CHECK(encounters[0]->getValue<std::string>("id") == "enc-a1b2c3d4e5f6a7b8-1-1");
    CHECK(encounters[2]->getValue<std::string>("id") == "enc-a1b2c3d4e5f6a7b8-1-3");
    CHECK(encounters[0]->getValue<std::string>("status") == "finished");
    CHECK(encounters[1]->getValue<std::string>("status") == "cancelled");
    CHECK(encounters[2]->getValue<std::string>("status") == "cancelled");
    CHECK(extension(encounters[2], k_ext + "attendance")->getValue<std::string>("valueCode") == "no_show");

    const auto& first = encounters[0];
    CHECK(first->getObject("class")->getValue<std::string>("code") == "HH");
    CHECK(encounters[2]->getObject("class")->getValue<std::string>("code") == "VR");
    CHECK(contains(codes_of(first->getArray("type")->getObject(0)),
                   "https://reable.nl/fhir/CodeSystem/session-kind|home_visit"));
    const auto length = first->getObject("length");
    CHECK(length->getValue<int>("value") == 60);
    CHECK(length->getValue<std::string>("code") == "min");
    const auto participant = first->getArray("participant")->getObject(0);
    CHECK_FALSE(participant->has("individual"));
    CHECK(contains(codes_of(participant->getArray("type")->getObject(0)),
                   "https://reable.nl/fhir/CodeSystem/discipline|physiotherapist"));
    CHECK(first->getArray("episodeOfCare")->getObject(0)->getValue<std::string>("reference") ==
          "EpisodeOfCare/eoc-a1b2c3d4e5f6a7b8-1");
    CHECK(extension(first, k_ext + "days-since-start")->getValue<int>("valueInteger") == 1);
    CHECK_FALSE(first->has("period"));
}

TEST_CASE("FHIR export: a TUG result carries the shipped LOINC code, the local code and seconds")
{
    const auto& tug = shipped().instrument("tug", "1.0.0");
    REQUIRE_FALSE(tug.codes.empty());
    const std::string loinc = tug.codes[0].system + "|" + tug.codes[0].code;
    CHECK(loinc == "http://loinc.org|89422-0");

    Output output(DateMode::days);
    output.writer.write(sample_record());
    const auto observations = resources(output, FhirType::observation);
    REQUIRE(observations.size() == 2);  // one per result; items are not exported
    const auto& t0 = observations[0];
    CHECK(t0->getValue<std::string>("id") == "obs-a1b2c3d4e5f6a7b8-1-1");
    CHECK(t0->getValue<std::string>("status") == "final");
    const auto codes = codes_of(t0->getObject("code"));
    CHECK(contains(codes, loinc));
    CHECK(contains(codes, "https://reable.nl/fhir/CodeSystem/instrument|tug"));
    CHECK(extension(t0, k_ext + "occasion")->getValue<std::string>("valueCode") == "t0");
    CHECK(extension(t0, k_ext + "days-since-start")->getValue<int>("valueInteger") == 1);
    CHECK(t0->getObject("subject")->getValue<std::string>("reference") == "Patient/" + k_pseudonym);

    const auto components = t0->getArray("component");
    REQUIRE(components->size() == 1);
    const auto component = components->getObject(0);
    CHECK(contains(codes_of(component->getObject("code")),
                   "https://reable.nl/fhir/CodeSystem/instrument-score|tug.tug_time"));
    const auto quantity = component->getObject("valueQuantity");
    CHECK(quantity->getValue<double>("value") == doctest::Approx(11.9));
    CHECK(quantity->getValue<std::string>("system") == "http://unitsofmeasure.org");
    CHECK(quantity->getValue<std::string>("code") == "s");
    CHECK(output.text(FhirType::observation).find("\"value\":11.9,") != std::string::npos);  // verbatim
}

TEST_CASE("FHIR export: a state value has a data-absent reason and no valueQuantity")
{
    Output output(DateMode::days);
    output.writer.write(sample_record());
    const auto t1 = resources(output, FhirType::observation)[1];
    const auto component = t1->getArray("component")->getObject(0);
    CHECK_FALSE(component->has("valueQuantity"));
    const auto reasons = codes_of(component->getObject("dataAbsentReason"));
    CHECK(contains(reasons, "http://terminology.hl7.org/CodeSystem/data-absent-reason|not-performed"));
    CHECK(contains(reasons, "https://reable.nl/fhir/CodeSystem/value-state|unable"));
    CHECK(lines_of(output.text(FhirType::observation))[1].find("valueQuantity") == std::string::npos);
}

TEST_CASE("FHIR export: COPM goals by number, with ratings and achievement")
{
    Output output(DateMode::days);
    output.writer.write(sample_record());
    const auto goals = resources(output, FhirType::goal);
    REQUIRE(goals.size() == 2);
    const auto& first = goals[0];
    CHECK(first->getValue<std::string>("id") == "goal-a1b2c3d4e5f6a7b8-1-1");
    CHECK(first->getObject("description")->getValue<std::string>("text") == "COPM problem 1");
    CHECK(first->getValue<std::string>("lifecycleStatus") == "completed");
    CHECK(contains(codes_of(first->getObject("achievementStatus")),
                   "http://terminology.hl7.org/CodeSystem/goal-achievement|improving"));
    CHECK_FALSE(first->has("target"));
    CHECK(extension(first, k_ext + "copm-importance")->getValue<int>("valueInteger") == 8);
    const auto list = first->getArray("extension");
    int ratings = 0;
    for (std::size_t i = 0; i < list->size(); ++i)
        if (list->getObject(static_cast<unsigned>(i))->getValue<std::string>("url") == k_ext + "copm-rating") ++ratings;
    CHECK(ratings == 2);
    CHECK(goals[1]->getObject("description")->getValue<std::string>("text") == "COPM problem 2");
    CHECK_FALSE(goals[1]->has("achievementStatus"));
}

TEST_CASE("FHIR export: days mode writes no calendar date")
{
    Output output(DateMode::days);
    output.writer.write(sample_record());
    const std::string all = output.all();
    CHECK_FALSE(std::regex_search(all, std::regex(R"(\d{4}-\d{2}-\d{2})")));
    CHECK_FALSE(std::regex_search(all, std::regex(R"("\d{4}-\d{2}")")));
    CHECK(all.find("2026") == std::string::npos);
    CHECK(all.find("days-since-start") != std::string::npos);
}

TEST_CASE("FHIR export: month mode writes year and month only")
{
    Output output(DateMode::month);
    output.writer.write(sample_record());
    const std::string all = output.all();
    CHECK_FALSE(std::regex_search(all, std::regex(R"(\d{4}-\d{2}-\d{2})")));
    CHECK(all.find("days-since-start") == std::string::npos);
    const std::regex month(R"x("(\d{4}-\d{2})")x");
    int dates = 0;
    for (auto it = std::sregex_iterator(all.begin(), all.end(), month); it != std::sregex_iterator(); ++it) ++dates;
    CHECK(dates > 5);
    const auto observation = resources(output, FhirType::observation)[0];
    CHECK(observation->getValue<std::string>("effectiveDateTime") == "2026-01");
    CHECK(resources(output, FhirType::encounter)[0]->getObject("period")->getValue<std::string>("start") == "2026-01");
    CHECK(resources(output, FhirType::goal)[0]->getValue<std::string>("startDate") == "2026-01");
}

TEST_CASE("FHIR export: no database id, area or team appears")
{
    for (const DateMode mode : {DateMode::days, DateMode::month}) {
        Output output(mode);
        output.writer.write(sample_record());
        const std::string all = output.all();
        CHECK(all.find("98765") == std::string::npos);
        CHECK(all.find("Noord") == std::string::npos);
        CHECK(all.find("1940") == std::string::npos);
    }
}

TEST_CASE("FHIR export: counts per type")
{
    Output output(DateMode::days);
    output.writer.write(sample_record());
    auto second = sample_record();
    second.trajectory.ordinal = 2;
    output.writer.write(second);
    const auto counts = output.writer.counts();
    CHECK(counts.size() == 6);
    CHECK(counts.at(FhirType::patient) == 1);
    CHECK(counts.at(FhirType::episode_of_care) == 2);
    CHECK(counts.at(FhirType::care_team) == 2);
    CHECK(counts.at(FhirType::encounter) == 6);
    CHECK(counts.at(FhirType::observation) == 4);
    CHECK(counts.at(FhirType::goal) == 4);
    for (const FhirType type : exports::k_fhir_types) CHECK(lines_of(output.text(type)).size() == counts.at(type));
}

TEST_CASE("FHIR export: a type without a stream is skipped")
{
    std::ostringstream observations;
    exports::FhirWriter writer(shipped(), DateMode::days,
                               {{FhirType::observation, &observations}, {FhirType::goal, nullptr}});
    writer.write(sample_record());
    const auto counts = writer.counts();
    CHECK(counts.size() == 1);
    CHECK(counts.at(FhirType::observation) == 2);
    CHECK(lines_of(observations.str()).size() == 2);
}

TEST_CASE("FHIR export: the same input gives the same bytes")
{
    for (const DateMode mode : {DateMode::days, DateMode::month}) {
        Output a(mode);
        Output b(mode);
        for (Output* output : {&a, &b}) {
            output->writer.write(sample_record());
            auto second = sample_record();
            second.trajectory.ordinal = 2;
            output->writer.write(second);
        }
        for (const FhirType type : exports::k_fhir_types) CHECK(a.text(type) == b.text(type));
    }
}

TEST_CASE("FHIR export: a value that is not a JSON number is normalised or marked absent")
{
    auto record = sample_record();
    record.values[2].number = "+11.90";
    record.values.push_back(value("t2", "gait-speed", "2026-07-01", false, "gait_speed", "0.80"));
    record.values.push_back(value("t2", "gait-speed", "2026-07-01", false, "best_time", "n/a"));
    Output output(DateMode::days);
    output.writer.write(record);
    const auto observations = resources(output, FhirType::observation);
    REQUIRE(observations.size() == 3);
    const auto t0 = observations[0]->getArray("component")->getObject(0)->getObject("valueQuantity");
    CHECK(t0->getValue<double>("value") == doctest::Approx(11.9));
    const auto gait = observations[2]->getArray("component");
    CHECK(gait->getObject(0)->getObject("valueQuantity")->getValue<std::string>("code") == "m/s");
    CHECK(codes_of(gait->getObject(1)->getObject("dataAbsentReason"))[0] ==
          "http://terminology.hl7.org/CodeSystem/data-absent-reason|error");
}
