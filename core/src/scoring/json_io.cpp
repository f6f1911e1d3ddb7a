#include "reable/scoring/json_io.hpp"

#include "reable/compact_json.hpp"
#include "../json_support.hpp"
#include "reable/error.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <sstream>

namespace reable::scoring {
namespace {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr new_object() { return new Object(Poco::JSON_PRESERVE_KEY_ORDER); }

Object::Ptr text(const protocol::Text& t)
{
    Object::Ptr o = new_object();
    o->set("nl", t.nl);
    o->set("en", t.en);
    return o;
}

Object::Ptr rule(const ProvenanceView& p)
{
    Object::Ptr o = new_object();
    o->set("source", p.source_id);
    o->set("citation", p.citation);
    o->set("confidence", std::string(protocol::to_string(p.confidence)));
    o->set("validated", protocol::is_sourced(p.confidence));
    if (!p.note.empty()) o->set("note", p.note);
    return o;
}

void set_value(Object::Ptr& o, const ShownValue& shown, const std::string& unit)
{
    const Value& v = shown.value;
    switch (v.status) {
    case ValueStatus::number:
        o->set("status", std::string("number"));
        o->set("value", v.number.to_double());
        o->set("unit", unit);
        break;
    case ValueStatus::state:
        o->set("status", std::string("state"));
        o->set("state", std::string(protocol::to_string(v.state)));
        if (!shown.reason.empty()) o->set("reason", shown.reason);
        break;
    case ValueStatus::missing: o->set("status", std::string("missing")); break;
    }
    o->set("text", shown.text);
}

std::string stringify(const Object::Ptr& root)
{
    std::ostringstream out;
    root->stringify(out, 2);
    out << '\n';
    return out.str();
}

/// {"id", "version", "name": {"nl", "en"}}: how JSON views name an instrument or a template.
Object::Ptr identity_object(const std::string& id, const std::string& version, const protocol::Text& name)
{
    Object::Ptr o = new_object();
    o->set("id", id);
    o->set("version", version);
    o->set("name", text(name));
    return o;
}

[[noreturn]] void refuse(std::vector<ErrorDetail> problems)
{
    const std::string count = problems.size() == 1 ? "1 problem" : std::to_string(problems.size()) + " problems";
    throw Error(ErrorCode::invalid_input, "the scoring input was refused (" + count + ")", std::move(problems));
}

}  // namespace

std::string to_json(const std::vector<RawItem>& items)
{
    json::CompactWriter w;
    w.begin_object().key("items").begin_object();
    for (const RawItem& item : items) {
        w.key(item.id).begin_array();
        for (const RawValue& v : item.values) {
            if (v.is_number)
                w.value(v.number);
            else
                w.value(v.text);
        }
        w.end_array();
    }
    w.end_object().end_object();
    return w.text();
}

ScoringInput read_scoring_input(const std::string& json_text)
{
    std::vector<json::Problem> parse_problems;
    auto root_value = json::parse_document(json_text, parse_problems);
    std::vector<ErrorDetail> problems;
    for (const json::Problem& p : parse_problems)
        problems.push_back({p.pointer.empty() ? "(document)" : p.pointer, p.message});
    if (!root_value) refuse(std::move(problems));
    if (!json::is_object(*root_value))
        refuse({{"(document)", "expected an object, got " + json::describe(*root_value)}});

    const json::ObjectPtr root = json::as_object(*root_value);
    ScoringInput input;
    for (const std::string& key : json::unknown_keys(root, {"items", "test_date", "birth_date", "age", "sex"}))
        problems.push_back({"/" + key, "unknown field; allowed: items, test_date, birth_date, age, sex"});
    auto string_field = [&](const char* key, std::optional<std::string>& out) {
        if (!root->has(key)) return;
        const json::Var v = root->get(key);
        if (v.isString())
            out = v.convert<std::string>();
        else
            problems.push_back({std::string("/") + key, "expected a string, got " + json::describe(v)});
    };
    string_field("test_date", input.subject.test_date);
    string_field("birth_date", input.subject.birth_date);
    string_field("sex", input.subject.sex);
    if (root->has("age")) {
        const auto age = json::to_decimal(root->get("age"));
        if (!age || !age->is_integer() || age->to_int() < 0 || age->to_int() > 130)
            problems.push_back({"/age", "expected whole years from 0 to 130, got " + json::describe(root->get("age"))});
        else
            input.subject.age = static_cast<int>(age->to_int());
    }
    if (!root->has("items") || !json::is_object(root->get("items"))) {
        problems.push_back({"/items", root->has("items") ? "expected an object of item values, got " +
                                                               json::describe(root->get("items"))
                                                         : "required field is missing"});
        refuse(std::move(problems));
    }
    for (const auto& [id, value] : *json::as_object(root->get("items"))) {
        RawItem item{id, {}};
        const std::string pointer = json::child("/items", id);
        auto add = [&](const json::Var& v, const std::string& where) {
            if (v.isString()) {
                item.values.push_back({false, {}, v.convert<std::string>()});
            }
            else if (json::is_number(v)) {
                if (auto d = json::to_decimal(v))
                    item.values.push_back({true, *d, {}});
                else
                    problems.push_back({where, "the number has more than six decimals or is too large"});
            }
            else {
                problems.push_back({where, "expected a number or a text such as \"unable\", got " + json::describe(v)});
            }
        };
        if (json::is_array(value)) {
            const json::ArrayPtr trials = json::as_array(value);
            for (std::size_t i = 0; i < trials->size(); ++i) add(trials->get(i), json::child(pointer, i));
        }
        else {
            add(value, pointer);
        }
        input.items.push_back(std::move(item));
    }
    if (!problems.empty()) refuse(std::move(problems));
    return input;
}

std::string to_stored_json(const ScoreReport& report)
{
    json::CompactWriter w;
    w.begin_object();
    w.key("instrument").value(report.instrument_id);
    w.key("version").value(report.instrument_version);
    w.key("scores").begin_object();
    for (const ScoreLine& line : report.scores) {
        const Value& v = line.shown.value;
        w.key(line.id);
        if (v.is_number())
            w.value(v.number);
        else
            w.value(v.is_state() ? protocol::to_string(v.state) : std::string_view("missing"));
    }
    w.end_object().key("interpretations").begin_object();
    for (const InterpretationLine& line : report.interpretations)
        if (line.status == RuleStatus::applied) w.key(line.id).value(line.code);
    w.end_object().key("norms").begin_object();
    for (const NormLine& line : report.norms)
        if (line.status == RuleStatus::applied) w.key(line.id).value(to_string(line.position));
    w.end_object().key("flags").begin_array();
    for (const std::string& code : flag_codes(report)) w.value(code);
    w.end_array().end_object();
    return w.text();
}

std::string to_json(const ScoreReport& report)
{
    Object::Ptr root = new_object();
    root->set("instrument", identity_object(report.instrument_id, report.instrument_version, report.instrument_name));

    Object::Ptr subject = new_object();
    if (report.subject.test_date) subject->set("test_date", calendar::format_iso_date(*report.subject.test_date));
    if (report.subject.age) {
        subject->set("age", *report.subject.age);
        subject->set("age_from", std::string(report.subject.age_from_birth_date ? "birth_date" : "given"));
    }
    if (report.subject.sex) subject->set("sex", std::string(protocol::to_string(*report.subject.sex)));
    root->set("subject", subject);

    Array::Ptr items = new Array;
    for (const ItemLine& line : report.items) {
        Object::Ptr o = new_object();
        o->set("id", line.id);
        o->set("label", text(line.label));
        if (line.answer) {
            o->set("answer", *line.answer);
            o->set("answer_label", text(line.answer_label));
            if (line.points) o->set("points", line.points->to_double());
        }
        else {
            Array::Ptr trials = new Array;
            for (const ShownValue& t : line.trials) {
                Object::Ptr trial = new_object();
                set_value(trial, t, line.unit);
                trials->add(trial);
            }
            o->set("trials", trials);
        }
        items->add(o);
    }
    root->set("items", items);

    Array::Ptr scores = new Array;
    for (const ScoreLine& line : report.scores) {
        Object::Ptr o = new_object();
        o->set("id", line.id);
        o->set("label", text(line.label));
        o->set("kind", std::string(protocol::to_string(line.kind)));
        if (line.primary) o->set("primary", true);
        set_value(o, line.shown, line.unit);
        if (line.provenance) o->set("rule", rule(*line.provenance));
        scores->add(o);
        if (line.primary) root->set("total", o);
    }
    root->set("scores", scores);

    Array::Ptr interpretations = new Array;
    for (const InterpretationLine& line : report.interpretations) {
        Object::Ptr o = new_object();
        o->set("id", line.id);
        o->set("label", text(line.label));
        o->set("score", line.score);
        o->set("status", std::string(to_string(line.status)));
        if (line.status == RuleStatus::applied) {
            o->set("code", line.code);
            o->set("result", text(line.band_label));
        }
        o->set("rule", rule(line.provenance));
        interpretations->add(o);
    }
    root->set("interpretations", interpretations);

    Array::Ptr norms = new Array;
    for (const NormLine& line : report.norms) {
        Object::Ptr o = new_object();
        o->set("id", line.id);
        o->set("label", text(line.label));
        o->set("score", line.score);
        o->set("status", std::string(to_string(line.status)));
        if (line.row) {
            Array::Ptr age = new Array;
            age->add(line.row->age_min);
            age->add(line.row->age_max);
            Array::Ptr range = new Array;
            range->add(line.row->low.to_double());
            range->add(line.row->high.to_double());
            o->set("sex", std::string(protocol::to_string(line.row->sex)));
            o->set("age", age);
            o->set("normal_range", range);
            o->set("position", std::string(to_string(line.position)));
            o->set("performance", std::string(to_string(line.performance)));
        }
        o->set("rule", rule(line.provenance));
        norms->add(o);
    }
    root->set("norms", norms);

    Array::Ptr flags = new Array;
    for (const FlagLine& flag : report.flags) {
        Object::Ptr o = new_object();
        o->set("code", flag.code);
        o->set("target", flag.target);
        o->set("message", flag.message);
        flags->add(o);
    }
    root->set("flags", flags);
    return stringify(root);
}

std::string to_json(const ChangeReport& report)
{
    Object::Ptr root = new_object();
    root->set("instrument", identity_object(report.instrument_id, report.instrument_version, report.instrument_name));
    if (report.before_date) root->set("before_date", calendar::format_iso_date(*report.before_date));
    if (report.after_date) root->set("after_date", calendar::format_iso_date(*report.after_date));
    auto lines = [&](const std::vector<ChangeLine>& list) {
        Array::Ptr out = new Array;
        for (const ChangeLine& line : list) {
            Object::Ptr o = new_object();
            o->set("id", line.id);
            o->set("label", text(line.label));
            Object::Ptr before = new_object();
            set_value(before, line.before, line.unit);
            Object::Ptr after = new_object();
            set_value(after, line.after, line.unit);
            o->set("before", before);
            o->set("after", after);
            if (line.delta) {
                o->set("change", line.delta->to_double());
                o->set("change_text", line.delta_text);
            }
            o->set("direction", std::string(to_string(line.direction)));
            if (line.has_threshold) {
                Object::Ptr verdict = new_object();
                verdict->set("meaningful", line.meaningful);
                if (line.meaningful) {
                    verdict->set("code", line.threshold_code);
                    verdict->set("label", text(line.threshold_label));
                }
                if (line.provenance) verdict->set("rule", rule(*line.provenance));
                o->set("meaningful_change", verdict);
            }
            out->add(o);
        }
        return out;
    };
    root->set("scores", lines(report.scores));
    root->set("items", lines(report.items));
    return stringify(root);
}

std::string to_json(const protocol::Registry& registry)
{
    Object::Ptr root = new_object();
    Array::Ptr list = new Array;
    for (const protocol::Instrument& instrument : registry.instruments()) {
        Object::Ptr o = identity_object(instrument.id, instrument.version, instrument.name);
        o->set("items", static_cast<Poco::UInt64>(instrument.items.size()));
        o->set("scores", static_cast<Poco::UInt64>(instrument.scores.size()));
        o->set("unverified_rules", instrument.has_unverified_rules());
        list->add(o);
    }
    root->set("instruments", list);
    Array::Ptr templates = new Array;
    for (const protocol::TrajectoryTemplate& t : registry.trajectories()) {
        Object::Ptr o = identity_object(t.id, t.version, t.label);
        o->set("training_weeks", t.training_weeks.value);
        Array::Ptr occasions = new Array;
        for (const protocol::Occasion& occasion : t.occasions) occasions->add(occasion.id);
        o->set("occasions", occasions);
        const protocol::ProvenanceCounts counts = t.provenance_counts();
        Object::Ptr numbers = new_object();
        numbers->set("sourced", counts.sourced);
        numbers->set("unverified", counts.unverified);
        numbers->set("defaults", counts.defaults);
        o->set("numbers", numbers);
        templates->add(o);
    }
    root->set("trajectories", templates);
    return stringify(root);
}

}  // namespace reable::scoring
