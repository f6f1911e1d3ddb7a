// The one place that reads instrument files. It turns JSON into the model of instrument.hpp,
// resolving every name to an index and checking every rule, and it keeps going after a problem so
// that a file's author sees all of them at once. The wording of each message is pinned by
// tests/unit/validator_messages_test.cpp; change both together.

#include "reable/protocol/loader.hpp"

#include "reable/protocol/program.hpp"

#include "../json_support.hpp"
#include "band_coverage.hpp"

#include <algorithm>
#include <fstream>
#include <map>
#include <numeric>
#include <set>
#include <sstream>

namespace reable::protocol {
namespace {

using json::ArrayPtr;
using json::ObjectPtr;
using json::Var;
using units::Unit;

constexpr std::string_view k_format = "reable.instrument/1";

/// What the loader knows about the value in a slot while it reads later scores: enough to check
/// that a reference makes sense and that band tables over it are complete.
struct SlotInfo {
    std::string kind_of;  ///< "item" or "score", for messages
    Unit unit = Unit::points;
    Better better = Better::higher;
    Domain domain;
    std::array<bool, k_trial_state_count> states{};  ///< states the value may carry
    bool multi_trial = false;                        ///< an item with more than one trial
    bool unscored_choice = false;                    ///< a choice item without points
    bool measurement_item = false;

    bool can_be_state() const { return states[0] || states[1] || states[2]; }
};

struct AnswerSetDef {
    std::vector<AnswerOption> options;
    std::string pointer;
};

struct PointMapDef {
    std::string answer_set;
    std::map<std::string, Decimal> points;
};

bool valid_id(const std::string& id)
{
    if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

bool valid_version(const std::string& v)
{
    int parts = 0;
    std::size_t digits = 0;
    for (char c : v) {
        if (c >= '0' && c <= '9') {
            ++digits;
        }
        else if (c == '.' && digits > 0) {
            ++parts;
            digits = 0;
        }
        else {
            return false;
        }
    }
    return digits > 0 && parts == 2;
}

std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

std::int64_t gcd_micros(std::int64_t a, std::int64_t b) { return std::gcd(a < 0 ? -a : a, b < 0 ? -b : b); }

class InstrumentReader {
public:
    InstrumentReader(std::string file, std::vector<Issue>& issues) : m_file(std::move(file)), m_issues(issues) {}

    std::optional<Instrument> read(const Var& root);

private:
    // ---- primitives: each reports its own problems and returns nullopt / null on failure ----

    void issue(const std::string& pointer, std::string message)
    {
        m_issues.push_back({m_file, pointer, std::move(message)});
    }

    void check_fields(const ObjectPtr& object, const std::string& pointer, const std::vector<std::string_view>& allowed)
    {
        for (const std::string& key : json::unknown_keys(object, allowed))
            issue(json::child(pointer, key), "unknown field; allowed here: " + json::join(allowed));
    }

    ObjectPtr object_at(const Var& value, const std::string& pointer)
    {
        if (json::is_object(value)) return json::as_object(value);
        issue(pointer, "expected an object, got " + json::describe(value));
        return nullptr;
    }

    /// The field's value, or nullopt (with a "required field is missing" issue when required).
    std::optional<Var> field(const ObjectPtr& object, std::string_view key, const std::string& pointer, bool required)
    {
        const std::string k{key};
        if (object->has(k)) return object->get(k);
        if (required) issue(json::child(pointer, key), "required field is missing");
        return std::nullopt;
    }

    std::optional<std::string> get_string(const ObjectPtr& o, std::string_view key, const std::string& ptr,
                                          bool required)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return std::nullopt;
        if (!v->isString()) {
            issue(json::child(ptr, key), "expected a string, got " + json::describe(*v));
            return std::nullopt;
        }
        std::string s = v->convert<std::string>();
        if (s.empty()) {
            issue(json::child(ptr, key), "must not be empty");
            return std::nullopt;
        }
        return s;
    }

    std::optional<Decimal> decimal_at(const Var& v, const std::string& pointer)
    {
        if (!json::is_number(v)) {
            issue(pointer, "expected a number, got " + json::describe(v));
            return std::nullopt;
        }
        auto d = json::to_decimal(v);
        if (!d) issue(pointer, "number has more than six decimals or is too large");
        return d;
    }

    std::optional<Decimal> get_decimal(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return std::nullopt;
        return decimal_at(*v, json::child(ptr, key));
    }

    std::optional<int> int_at(const Var& v, const std::string& pointer, int min, int max)
    {
        auto d = json::is_number(v) ? json::to_decimal(v) : std::nullopt;
        if (!d || !d->is_integer() || d->to_int() < min || d->to_int() > max) {
            issue(pointer, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                               ", got " + (d ? d->to_string() : json::describe(v)));
            return std::nullopt;
        }
        return static_cast<int>(d->to_int());
    }

    std::optional<int> get_int(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required, int min,
                               int max)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return std::nullopt;
        return int_at(*v, json::child(ptr, key), min, max);
    }

    std::optional<bool> get_bool(const ObjectPtr& o, std::string_view key, const std::string& ptr)
    {
        auto v = field(o, key, ptr, false);
        if (!v) return std::nullopt;
        if (!v->isBoolean()) {
            issue(json::child(ptr, key), "expected true or false, got " + json::describe(*v));
            return std::nullopt;
        }
        return v->convert<bool>();
    }

    ArrayPtr get_array(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required,
                       bool non_empty = true)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return nullptr;
        if (!json::is_array(*v)) {
            issue(json::child(ptr, key), "expected an array, got " + json::describe(*v));
            return nullptr;
        }
        ArrayPtr a = json::as_array(*v);
        if (non_empty && a->size() == 0) {
            issue(json::child(ptr, key), "must not be empty");
            return nullptr;
        }
        return a;
    }

    ObjectPtr get_object(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return nullptr;
        return object_at(*v, json::child(ptr, key));
    }

    std::optional<Text> get_text(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required)
    {
        ObjectPtr t = get_object(o, key, ptr, required);
        if (!t) return std::nullopt;
        const std::string p = json::child(ptr, key);
        check_fields(t, p, {"nl", "en"});
        auto nl = get_string(t, "nl", p, true);
        auto en = get_string(t, "en", p, true);
        if (!nl || !en) return std::nullopt;
        return Text{*nl, *en};
    }

    std::optional<std::string> get_id(const ObjectPtr& o, const std::string& ptr)
    {
        auto id = get_string(o, "id", ptr, true);
        if (id && !valid_id(*id)) {
            issue(json::child(ptr, "id"),
                  "must be lowercase letters, digits, '_' or '-', starting with a letter; got " + in_quotes(*id));
            return std::nullopt;
        }
        return id;
    }

    template <class Enum>
    std::optional<Enum> get_enum(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required,
                                 std::optional<Enum> (*parse)(std::string_view), std::string_view allowed)
    {
        auto s = get_string(o, key, ptr, required);
        if (!s) return std::nullopt;
        auto e = parse(*s);
        if (!e) issue(json::child(ptr, key), "unknown value " + in_quotes(*s) + "; allowed: " + std::string(allowed));
        return e;
    }

    std::optional<Provenance> get_provenance(const ObjectPtr& o, const std::string& ptr, bool required);
    std::optional<Interval> get_interval(const ObjectPtr& o, const std::string& ptr);
    std::vector<Coding> get_codes(const ObjectPtr& o, const std::string& ptr);
    /// A reference to an item or an earlier score (or "age" where allowed).
    std::optional<Slot> get_slot(const ObjectPtr& o, std::string_view key, const std::string& ptr,
                                 bool allow_age = false);
    std::optional<Slot> slot_at(const Var& v, const std::string& pointer, bool allow_age);

    // ---- sections ----
    void read_header(const ObjectPtr& root);
    void read_sources(const ObjectPtr& root);
    void read_answer_sets(const ObjectPtr& root);
    void read_point_maps(const ObjectPtr& root);
    void read_items(const ObjectPtr& root);
    void read_item(const ObjectPtr& o, const std::string& ptr);
    void read_choice(Item& item, const ObjectPtr& o, const std::string& ptr);
    void read_states(Item& item, const ObjectPtr& o, const std::string& ptr);
    void read_alternatives(const ObjectPtr& root);
    void read_scores(const ObjectPtr& root);
    void read_score(const ObjectPtr& o, const std::string& ptr);
    void mark_alternative_branches();
    bool read_band_table(BandTable& table, const SlotInfo& input, const ObjectPtr& o, const std::string& ptr,
                         std::array<bool, k_trial_state_count>& remaining_states);
    std::optional<LinearFormula> read_formula(const ObjectPtr& o, const std::string& ptr);
    void read_interpretations(const ObjectPtr& root);
    std::vector<LabelBand> read_label_bands(const ArrayPtr& a, const std::string& ptr, const SlotInfo& input,
                                            BandIndex& index);
    void read_norms(const ObjectPtr& root);
    void read_changes(const ObjectPtr& root);
    void read_examples(const ObjectPtr& root);
    void read_example(const ObjectPtr& o, const std::string& ptr);

    void add_slot(const std::string& id, const std::string& pointer, SlotInfo info);
    Domain domain_of_points(const std::vector<Decimal>& points) const;

    std::string m_file;
    std::vector<Issue>& m_issues;
    Instrument m_instrument;
    std::vector<SlotInfo> m_slots;
    std::map<std::string, Slot> m_slot_by_id;
    /// Ids whose definition has issues: references to them are not reported again, so one
    /// mistake gives one message rather than a cascade.
    std::set<std::string> m_broken;
    std::map<std::string, std::string> m_first_pointer;  ///< id → where it was defined
    std::map<std::string, std::size_t> m_source_by_id;
    std::map<std::string, AnswerSetDef> m_answer_sets;
    std::map<std::string, PointMapDef> m_point_maps;
};

// ------------------------------------------------------------------------------------------------

std::optional<Instrument> InstrumentReader::read(const Var& root_value)
{
    const std::size_t issues_before = m_issues.size();
    ObjectPtr root = object_at(root_value, "");
    if (!root) return std::nullopt;
    check_fields(root, "",
                 {"format", "id", "version", "name", "summary", "notes", "codes", "sources", "answer_sets",
                  "point_maps", "items", "alternatives", "scores", "primary_score", "interpretations", "norms",
                  "minimal_important_change", "examples"});
    read_header(root);
    read_sources(root);
    read_answer_sets(root);
    read_point_maps(root);
    read_items(root);
    read_alternatives(root);
    read_scores(root);
    read_interpretations(root);
    read_norms(root);
    read_changes(root);
    read_examples(root);
    if (m_issues.size() != issues_before) return std::nullopt;
    m_instrument.file = m_file;
    m_instrument.program = std::make_shared<const Program>(Program::compile(m_instrument));
    return std::move(m_instrument);
}

void InstrumentReader::read_header(const ObjectPtr& root)
{
    if (auto format = get_string(root, "format", "", true); format && *format != k_format)
        issue("/format", "unsupported format " + in_quotes(*format) + "; this program reads " + in_quotes(k_format));
    if (auto id = get_id(root, "")) m_instrument.id = *id;
    if (auto version = get_string(root, "version", "", true)) {
        if (valid_version(*version))
            m_instrument.version = *version;
        else
            issue("/version", "must be MAJOR.MINOR.PATCH, e.g. \"1.0.0\"; got " + in_quotes(*version));
    }
    if (auto name = get_text(root, "name", "", true)) m_instrument.name = *name;
    if (auto summary = get_text(root, "summary", "", false)) m_instrument.summary = *summary;
    if (auto notes = get_string(root, "notes", "", false)) m_instrument.notes = *notes;
    m_instrument.codes = get_codes(root, "");
}

std::vector<Coding> InstrumentReader::get_codes(const ObjectPtr& o, const std::string& ptr)
{
    std::vector<Coding> codes;
    ArrayPtr a = get_array(o, "codes", ptr, false);
    if (!a) return codes;
    const std::string base = json::child(ptr, "codes");
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child(base, i);
        ObjectPtr c = object_at(a->get(i), p);
        if (!c) continue;
        check_fields(c, p, {"system", "code", "display"});
        auto system = get_string(c, "system", p, true);
        auto code = get_string(c, "code", p, true);
        auto display = get_string(c, "display", p, true);
        if (system && code && display) codes.push_back({*system, *code, *display});
    }
    return codes;
}

void InstrumentReader::read_sources(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "sources", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/sources", i);
        ObjectPtr s = object_at(a->get(i), p);
        if (!s) continue;
        check_fields(s, p, {"id", "citation"});
        auto id = get_id(s, p);
        auto citation = get_string(s, "citation", p, true);
        if (!id || !citation) continue;
        if (m_source_by_id.count(*id)) {
            issue(json::child(p, "id"), "duplicate source id " + in_quotes(*id));
            continue;
        }
        m_source_by_id[*id] = m_instrument.sources.size();
        m_instrument.sources.push_back({*id, *citation});
    }
}

std::optional<Provenance> InstrumentReader::get_provenance(const ObjectPtr& o, const std::string& ptr, bool required)
{
    const bool any = o->has("source") || o->has("confidence") || o->has("note");
    if (!required && !any) return std::nullopt;
    Provenance p;
    bool ok = true;
    if (auto source = get_string(o, "source", ptr, true)) {
        auto it = m_source_by_id.find(*source);
        if (it == m_source_by_id.end()) {
            issue(json::child(ptr, "source"), "unknown source " + in_quotes(*source) + "; list it under /sources");
            ok = false;
        }
        else {
            p.source = it->second;
        }
    }
    else {
        ok = false;
    }
    if (auto c = get_enum<Confidence>(o, "confidence", ptr, true, confidence_from_string,
                                      "confirmed, secondary, partly_unverified, unverified"))
        p.confidence = *c;
    else
        ok = false;
    if (auto note = get_string(o, "note", ptr, false)) p.note = *note;
    if (ok && is_unverified(p.confidence) && p.note.empty()) {
        issue(json::child(ptr, "note"), "required for an unverified rule: say what could not be verified");
        ok = false;
    }
    if (!ok) return std::nullopt;
    return p;
}

std::optional<Interval> InstrumentReader::get_interval(const ObjectPtr& o, const std::string& ptr)
{
    Interval when;
    bool ok = true;
    auto edge = [&](std::string_view key, bool inclusive, std::optional<Edge>& slot) {
        if (!o->has(std::string(key))) return;
        if (slot) {
            issue(json::child(ptr, key), "give at most one lower edge (gt or ge) and one upper edge (lt or le)");
            ok = false;
            return;
        }
        if (auto v = get_decimal(o, key, ptr, true))
            slot = Edge{*v, inclusive};
        else
            ok = false;
    };
    edge("gt", false, when.lower);
    edge("ge", true, when.lower);
    edge("lt", false, when.upper);
    edge("le", true, when.upper);
    if (ok && when.lower && when.upper) {
        const Decimal lo = when.lower->value;
        const Decimal hi = when.upper->value;
        const bool empty = lo > hi || (lo == hi && !(when.lower->inclusive && when.upper->inclusive));
        if (empty) {
            issue(ptr, "the interval is empty: its lower edge " + lo.to_string() + " is not below its upper edge " +
                           hi.to_string());
            ok = false;
        }
    }
    if (!ok) return std::nullopt;
    return when;
}

void InstrumentReader::read_answer_sets(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "answer_sets", "", false);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/answer_sets", i);
        ObjectPtr s = object_at(a->get(i), p);
        if (!s) continue;
        check_fields(s, p, {"id", "options"});
        auto id = get_id(s, p);
        ArrayPtr options = get_array(s, "options", p, true);
        if (!id || !options) continue;
        if (m_answer_sets.count(*id)) {
            issue(json::child(p, "id"), "duplicate answer set id " + in_quotes(*id));
            continue;
        }
        AnswerSetDef def;
        def.pointer = p;
        std::set<std::string> codes;
        bool ok = true;
        for (std::size_t j = 0; j < options->size(); ++j) {
            const std::string op = json::child(json::child(p, "options"), j);
            ObjectPtr opt = object_at(options->get(j), op);
            if (!opt) {
                ok = false;
                continue;
            }
            check_fields(opt, op, {"code", "label", "points"});
            auto code = get_string(opt, "code", op, true);
            auto label = get_text(opt, "label", op, true);
            auto points = get_decimal(opt, "points", op, false);
            if (!code || !label) {
                ok = false;
                continue;
            }
            if (!codes.insert(*code).second) {
                issue(json::child(op, "code"), "duplicate option code " + in_quotes(*code));
                ok = false;
                continue;
            }
            def.options.push_back({*code, *label, points});
        }
        if (ok) m_answer_sets[*id] = std::move(def);
    }
}

void InstrumentReader::read_point_maps(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "point_maps", "", false);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/point_maps", i);
        ObjectPtr m = object_at(a->get(i), p);
        if (!m) continue;
        check_fields(m, p, {"id", "answer_set", "points"});
        auto id = get_id(m, p);
        auto set = get_string(m, "answer_set", p, true);
        ObjectPtr points = get_object(m, "points", p, true);
        if (!id || !set || !points) continue;
        auto set_it = m_answer_sets.find(*set);
        if (set_it == m_answer_sets.end()) {
            issue(json::child(p, "answer_set"), "unknown answer set " + in_quotes(*set));
            continue;
        }
        PointMapDef def{*set, {}};
        bool ok = true;
        const std::string pp = json::child(p, "points");
        for (const auto& entry : *points) {
            if (std::none_of(set_it->second.options.begin(), set_it->second.options.end(),
                             [&](const AnswerOption& o) { return o.code == entry.first; })) {
                issue(json::child(pp, entry.first), "not an option of answer set " + in_quotes(*set));
                ok = false;
                continue;
            }
            if (auto d = decimal_at(entry.second, json::child(pp, entry.first)))
                def.points[entry.first] = *d;
            else
                ok = false;
        }
        for (const AnswerOption& o : set_it->second.options) {
            if (!points->has(o.code)) {
                issue(pp, "no points for option " + in_quotes(o.code));
                ok = false;
            }
        }
        if (m_point_maps.count(*id)) {
            issue(json::child(p, "id"), "duplicate point map id " + in_quotes(*id));
            ok = false;
        }
        if (ok) m_point_maps[*id] = std::move(def);
    }
}

void InstrumentReader::add_slot(const std::string& id, const std::string& pointer, SlotInfo info)
{
    if (id == "age") {
        issue(json::child(pointer, "id"), "\"age\" is reserved for the person's age");
        return;
    }
    if (auto it = m_first_pointer.find(id); it != m_first_pointer.end()) {
        issue(json::child(pointer, "id"), "duplicate id " + in_quotes(id) + " (first defined at " + it->second + ")");
        return;
    }
    m_first_pointer[id] = pointer;
    m_slot_by_id[id] = static_cast<Slot>(m_slots.size());
    m_slots.push_back(std::move(info));
}

void InstrumentReader::read_items(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "items", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/items", i);
        if (ObjectPtr o = object_at(a->get(i), p)) read_item(o, p);
    }
}

/// Marks an id as broken when its definition ends without registering a slot.
class BrokenUnlessDefined {
public:
    BrokenUnlessDefined(const std::map<std::string, Slot>& defined, std::set<std::string>& broken)
        : m_defined(defined), m_broken(broken)
    {}
    ~BrokenUnlessDefined()
    {
        if (!m_id.empty() && !m_defined.count(m_id)) m_broken.insert(m_id);
    }
    BrokenUnlessDefined(const BrokenUnlessDefined&) = delete;
    BrokenUnlessDefined& operator=(const BrokenUnlessDefined&) = delete;
    void set(const std::optional<std::string>& id) { m_id = id.value_or(""); }

private:
    const std::map<std::string, Slot>& m_defined;
    std::set<std::string>& m_broken;
    std::string m_id;
};

void InstrumentReader::read_item(const ObjectPtr& o, const std::string& p)
{
    BrokenUnlessDefined guard(m_slot_by_id, m_broken);
    Item item;
    auto type = get_string(o, "type", p, true);
    if (type && *type != "measurement" && *type != "choice") {
        issue(json::child(p, "type"), "unknown value " + in_quotes(*type) + "; allowed: measurement, choice");
        type.reset();
    }
    if (type == "choice") {
        check_fields(o, p, {"id", "label", "type", "answer_set", "options", "point_map", "reversed", "codes", "note"});
        item.type = ItemType::choice;
    }
    else {
        check_fields(
            o, p,
            {"id", "label", "type", "unit", "min", "max", "precision", "trials", "better", "states", "codes", "note"});
    }
    auto id = get_id(o, p);
    guard.set(id);
    auto label = get_text(o, "label", p, true);
    if (auto note = get_string(o, "note", p, false)) item.note = *note;
    item.codes = get_codes(o, p);
    if (!type || !id || !label) return;
    item.id = *id;
    item.label = *label;

    SlotInfo info;
    info.kind_of = "item";
    if (item.type == ItemType::choice) {
        read_choice(item, o, p);
        info.unit = Unit::points;
        info.unscored_choice = !item.scored;
        std::vector<Decimal> points;
        for (const AnswerOption& opt : item.options)
            if (opt.points) points.push_back(*opt.points);
        info.domain = domain_of_points(points);
        item.trials = 1;
    }
    else {
        const std::size_t before = m_issues.size();
        if (auto unit = get_string(o, "unit", p, true)) {
            if (auto u = units::unit_from_symbol(*unit))
                item.unit = *u;
            else
                issue(json::child(p, "unit"),
                      "unknown unit " + in_quotes(*unit) + "; allowed: " + std::string(units::all_symbols()));
        }
        auto min = get_decimal(o, "min", p, true);
        auto max = get_decimal(o, "max", p, true);
        auto precision = get_decimal(o, "precision", p, true);
        if (auto trials = get_int(o, "trials", p, false, 1, 10)) item.trials = *trials;
        if (auto better = get_string(o, "better", p, true)) {
            if (*better == "higher")
                item.better = Better::higher;
            else if (*better == "lower")
                item.better = Better::lower;
            else
                issue(json::child(p, "better"), "unknown value " + in_quotes(*better) + "; allowed: higher, lower");
        }
        read_states(item, o, p);
        if (precision && precision->micros() <= 0) {
            issue(json::child(p, "precision"), "must be greater than 0");
            precision.reset();
        }
        if (min && max && *min > *max) issue(json::child(p, "max"), "must not be below min (" + min->to_string() + ")");
        if (precision && min && !min->is_multiple_of(*precision))
            issue(json::child(p, "min"), "must be a multiple of the precision " + precision->to_string());
        if (precision && max && !max->is_multiple_of(*precision))
            issue(json::child(p, "max"), "must be a multiple of the precision " + precision->to_string());
        if (m_issues.size() != before || !min || !max || !precision) return;
        item.min = *min;
        item.max = *max;
        item.precision = *precision;
        info.unit = item.unit;
        info.better = item.better;
        info.domain = Domain{item.min, item.max, item.precision, item.unit, true};
        info.multi_trial = item.trials > 1;
        info.measurement_item = true;
        for (std::size_t s = 0; s < k_trial_state_count; ++s) info.states[s] = item.states[s].allowed;
    }
    item.first_trial = m_instrument.trial_count;
    m_instrument.trial_count += static_cast<std::size_t>(item.trials);
    if (item.trials == 1 && (item.type == ItemType::measurement || item.scored))
        m_instrument.slot_copies.emplace_back(static_cast<Slot>(m_instrument.items.size()),
                                              static_cast<std::uint32_t>(item.first_trial));
    add_slot(item.id, p, info);
    m_instrument.items.push_back(std::move(item));
}

void InstrumentReader::read_choice(Item& item, const ObjectPtr& o, const std::string& p)
{
    const bool has_set = o->has("answer_set");
    const bool has_options = o->has("options");
    if (has_set == has_options) {
        issue(p, "a choice item needs either \"answer_set\" or \"options\", not both or neither");
        return;
    }
    std::string set_id;
    if (has_set) {
        auto set = get_string(o, "answer_set", p, true);
        if (!set) return;
        auto it = m_answer_sets.find(*set);
        if (it == m_answer_sets.end()) {
            issue(json::child(p, "answer_set"), "unknown answer set " + in_quotes(*set));
            return;
        }
        set_id = *set;
        item.options = it->second.options;
    }
    else {
        ArrayPtr options = get_array(o, "options", p, true);
        if (!options) return;
        std::set<std::string> codes;
        for (std::size_t j = 0; j < options->size(); ++j) {
            const std::string op = json::child(json::child(p, "options"), j);
            ObjectPtr opt = object_at(options->get(j), op);
            if (!opt) continue;
            check_fields(opt, op, {"code", "label", "points"});
            auto code = get_string(opt, "code", op, true);
            auto label = get_text(opt, "label", op, true);
            auto points = get_decimal(opt, "points", op, false);
            if (!code || !label) continue;
            if (!codes.insert(*code).second) {
                issue(json::child(op, "code"), "duplicate option code " + in_quotes(*code));
                continue;
            }
            item.options.push_back({*code, *label, points});
        }
    }
    if (auto map = get_string(o, "point_map", p, false)) {
        auto it = m_point_maps.find(*map);
        if (it == m_point_maps.end()) {
            issue(json::child(p, "point_map"), "unknown point map " + in_quotes(*map));
        }
        else if (it->second.answer_set != set_id) {
            issue(json::child(p, "point_map"), "point map " + in_quotes(*map) + " is for answer set " +
                                                   in_quotes(it->second.answer_set) + ", not this item's answers");
        }
        else {
            for (AnswerOption& opt : item.options) opt.points = it->second.points.at(opt.code);
        }
    }
    const std::size_t with_points = static_cast<std::size_t>(std::count_if(
        item.options.begin(), item.options.end(), [](const AnswerOption& a) { return a.points.has_value(); }));
    if (with_points != 0 && with_points != item.options.size()) {
        issue(p, "either every option has points or none has");
        return;
    }
    item.scored = with_points != 0;
    if (get_bool(o, "reversed", p).value_or(false)) {
        if (!item.scored) {
            issue(json::child(p, "reversed"), "only an item whose options have points can be reversed");
            return;
        }
        Decimal lo = *item.options.front().points, hi = lo;
        for (const AnswerOption& opt : item.options) {
            lo = std::min(lo, *opt.points);
            hi = std::max(hi, *opt.points);
        }
        for (AnswerOption& opt : item.options) opt.points = lo + hi - *opt.points;
    }
}

void InstrumentReader::read_states(Item& item, const ObjectPtr& o, const std::string& p)
{
    ObjectPtr states = get_object(o, "states", p, false);
    if (!states) return;
    const std::string sp = json::child(p, "states");
    for (const auto& entry : *states) {
        const std::string ep = json::child(sp, entry.first);
        auto state = trial_state_from_string(entry.first);
        if (!state) {
            issue(ep, "unknown state; allowed: unable, not_attempted, used_arms");
            continue;
        }
        ObjectPtr rule = object_at(entry.second, ep);
        if (!rule) continue;
        check_fields(rule, ep, {"reasons"});
        StateRule& r = item.states[static_cast<std::size_t>(*state)];
        r.allowed = true;
        if (ArrayPtr reasons = get_array(rule, "reasons", ep, false)) {
            for (std::size_t i = 0; i < reasons->size(); ++i) {
                const Var v = reasons->get(i);
                const std::string rp = json::child(json::child(ep, "reasons"), i);
                if (!v.isString() || !valid_id(v.convert<std::string>())) {
                    issue(rp, "a reason is a code of lowercase letters, digits, '_' or '-'");
                    continue;
                }
                r.reasons.push_back(v.convert<std::string>());
            }
        }
    }
}

void InstrumentReader::read_alternatives(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "alternatives", "", false);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/alternatives", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"items", "reason"});
        auto reason = get_string(o, "reason", p, true);
        ArrayPtr items = get_array(o, "items", p, true);
        if (!items || !reason) continue;
        Alternatives alt{{}, *reason};
        for (std::size_t j = 0; j < items->size(); ++j) {
            const std::string ip = json::child(json::child(p, "items"), j);
            const Var v = items->get(j);
            const std::string id = v.isString() ? v.convert<std::string>() : std::string{};
            auto it = m_slot_by_id.find(id);
            if (it == m_slot_by_id.end() || it->second >= m_instrument.items.size()) {
                issue(ip, "unknown item " + in_quotes(id));
                continue;
            }
            alt.items.push_back(it->second);
        }
        if (alt.items.size() < 2)
            issue(json::child(p, "items"), "name at least two items");
        else
            m_instrument.alternatives.push_back(std::move(alt));
    }
}

std::optional<Slot> InstrumentReader::slot_at(const Var& v, const std::string& pointer, bool allow_age)
{
    if (!v.isString()) {
        issue(pointer, "expected the id of an item or a score, got " + json::describe(v));
        return std::nullopt;
    }
    const std::string id = v.convert<std::string>();
    if (allow_age && id == "age") return k_age_slot;
    auto it = m_slot_by_id.find(id);
    if (it == m_slot_by_id.end() && m_broken.count(id)) return std::nullopt;  // already reported
    if (it == m_slot_by_id.end()) {
        issue(pointer, "unknown input " + in_quotes(id) + ": not an item or a score defined above this one");
        return std::nullopt;
    }
    return it->second;
}

std::optional<Slot> InstrumentReader::get_slot(const ObjectPtr& o, std::string_view key, const std::string& ptr,
                                               bool allow_age)
{
    auto v = field(o, key, ptr, true);
    if (!v) return std::nullopt;
    return slot_at(*v, json::child(ptr, key), allow_age);
}

Domain InstrumentReader::domain_of_points(const std::vector<Decimal>& points) const
{
    Domain d;
    if (points.empty()) return d;
    std::int64_t g = 0;
    Decimal lo = points.front(), hi = points.front();
    for (Decimal p : points) {
        g = gcd_micros(g, p.micros());
        lo = std::min(lo, p);
        hi = std::max(hi, p);
    }
    d.min = lo;
    d.max = hi;
    d.precision = Decimal::from_micros(g == 0 ? Decimal::k_scale : g);
    return d;
}

bool InstrumentReader::read_band_table(BandTable& table, const SlotInfo& input, const ObjectPtr& o,
                                       const std::string& ptr, std::array<bool, k_trial_state_count>& remaining)
{
    const std::size_t before = m_issues.size();
    if (input.multi_trial)
        issue(json::child(ptr, "input"), "this item has several trials: take the best or mean first");
    if (input.unscored_choice) issue(json::child(ptr, "input"), "a choice item without points has no value to band");
    ArrayPtr bands = get_array(o, "bands", ptr, true);
    if (bands) {
        std::vector<Interval> intervals;
        const std::string bp = json::child(ptr, "bands");
        bool all_read = true;
        for (std::size_t i = 0; i < bands->size(); ++i) {
            const std::string p = json::child(bp, i);
            ObjectPtr b = object_at(bands->get(i), p);
            if (!b) {
                all_read = false;
                continue;
            }
            check_fields(b, p, {"gt", "ge", "lt", "le", "points"});
            auto when = get_interval(b, p);
            auto points = get_decimal(b, "points", p, true);
            if (!when || !points) {
                all_read = false;
                continue;
            }
            for (const auto& edge : {when->lower, when->upper})
                if (edge)
                    if (auto problem = check_on_grid(edge->value, input.domain)) issue(p, *problem);
            table.bands.push_back({*when, *points});
            intervals.push_back(*when);
        }
        if (all_read) {
            const auto problems = check_coverage(intervals, input.domain);
            for (const CoverageProblem& c : problems) issue(json::child(bp, c.band), c.message);
            if (problems.empty()) {
                table.index = compile_bands(intervals, input.domain);
                for (std::uint8_t band : table.index.order) table.index.points.push_back(table.bands[band].points);
            }
        }
        if (bands->size() > 255) issue(bp, "at most 255 bands");
    }
    remaining = input.states;
    if (ObjectPtr states = get_object(o, "states", ptr, false)) {
        const std::string sp = json::child(ptr, "states");
        for (const auto& entry : *states) {
            auto state = trial_state_from_string(entry.first);
            const std::string ep = json::child(sp, entry.first);
            if (!state) {
                issue(ep, "unknown state; allowed: unable, not_attempted, used_arms");
                continue;
            }
            const auto s = static_cast<std::size_t>(*state);
            if (!input.states[s]) {
                issue(ep, "the input never has this state");
                continue;
            }
            if (auto d = decimal_at(entry.second, ep)) {
                table.state_points[s] = *d;
                remaining[s] = false;
            }
        }
    }
    if (ArrayPtr uncertain = get_array(o, "uncertain_at", ptr, false)) {
        for (std::size_t i = 0; i < uncertain->size(); ++i) {
            const std::string up = json::child(json::child(ptr, "uncertain_at"), i);
            if (auto d = decimal_at(uncertain->get(i), up)) {
                if (auto problem = check_on_grid(*d, input.domain)) issue(up, *problem);
                table.uncertain_at.push_back(*d);
            }
        }
    }
    return m_issues.size() == before;
}

std::optional<LinearFormula> InstrumentReader::read_formula(const ObjectPtr& o, const std::string& ptr)
{
    check_fields(o, ptr, {"intercept", "terms"});
    LinearFormula f;
    bool ok = true;
    if (auto intercept = get_decimal(o, "intercept", ptr, true))
        f.intercept = *intercept;
    else
        ok = false;
    ArrayPtr terms = get_array(o, "terms", ptr, true);
    if (!terms) return std::nullopt;
    for (std::size_t i = 0; i < terms->size(); ++i) {
        const std::string tp = json::child(json::child(ptr, "terms"), i);
        ObjectPtr t = object_at(terms->get(i), tp);
        if (!t) {
            ok = false;
            continue;
        }
        check_fields(t, tp, {"input", "coefficient"});
        auto input = get_slot(t, "input", tp, true);
        auto coefficient = get_decimal(t, "coefficient", tp, true);
        if (!input || !coefficient) {
            ok = false;
            continue;
        }
        if (*input != k_age_slot && (m_slots[*input].multi_trial || m_slots[*input].unscored_choice)) {
            issue(json::child(tp, "input"), "this input has no single number to use in a formula");
            ok = false;
            continue;
        }
        f.terms.push_back({*input, *coefficient});
    }
    if (!ok) return std::nullopt;
    return f;
}

void InstrumentReader::read_scores(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "scores", "", false);
    if (a) {
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string p = json::child("/scores", i);
            if (ObjectPtr o = object_at(a->get(i), p)) read_score(o, p);
        }
    }
    mark_alternative_branches();
    auto primary = get_string(root, "primary_score", "", false);
    if (primary) {
        auto it = std::find_if(m_instrument.scores.begin(), m_instrument.scores.end(),
                               [&](const Score& s) { return s.id == *primary; });
        if (it == m_instrument.scores.end() && !m_broken.count(*primary))
            issue("/primary_score", "unknown score " + in_quotes(*primary));
        else
            m_instrument.primary_score = static_cast<std::size_t>(it - m_instrument.scores.begin());
    }
    else if (a && a->size() > 0 && !root->has("primary_score")) {
        issue("/primary_score", "required when the file has scores: name the total");
    }
}

void InstrumentReader::read_score(const ObjectPtr& o, const std::string& p)
{
    static const std::vector<std::string_view> k_common{
        "id", "label", "kind", "unit", "better", "display_decimals", "source", "confidence", "note"};
    auto with = [](std::vector<std::string_view> extra) {
        std::vector<std::string_view> all = k_common;
        all.insert(all.end(), extra.begin(), extra.end());
        return all;
    };
    BrokenUnlessDefined guard(m_slot_by_id, m_broken);
    const std::size_t before = m_issues.size();
    auto kind_text = get_string(o, "kind", p, true);
    std::optional<ScoreKind> kind;
    if (kind_text) {
        for (std::size_t k = 0; k < 10; ++k)
            if (to_string(static_cast<ScoreKind>(k)) == *kind_text) kind = static_cast<ScoreKind>(k);
        if (!kind)
            issue(json::child(p, "kind"), "unknown kind " + in_quotes(*kind_text) +
                                              "; allowed: value, best_of_trials, mean_of_trials, band, stop_rule, "
                                              "sum, mean, first_present, linear, ratio");
    }
    auto id = get_id(o, p);
    guard.set(id);
    auto label = get_text(o, "label", p, true);
    if (!kind || !id || !label) return;

    Score score;
    score.id = *id;
    score.label = *label;
    score.kind = *kind;
    SlotInfo info;
    info.kind_of = "score";
    const bool is_rule = *kind == ScoreKind::band || *kind == ScoreKind::stop_rule || *kind == ScoreKind::linear;
    score.provenance = get_provenance(o, p, is_rule);

    std::optional<Unit> declared_unit;
    if (auto unit = get_string(o, "unit", p, false)) {
        declared_unit = units::unit_from_symbol(*unit);
        if (!declared_unit)
            issue(json::child(p, "unit"),
                  "unknown unit " + in_quotes(*unit) + "; allowed: " + std::string(units::all_symbols()));
    }
    std::optional<Better> declared_better;
    if (auto better = get_string(o, "better", p, false)) {
        if (*better == "higher")
            declared_better = Better::higher;
        else if (*better == "lower")
            declared_better = Better::lower;
        else
            issue(json::child(p, "better"), "unknown value " + in_quotes(*better) + "; allowed: higher, lower");
    }
    auto read_round_to = [&]() {
        if (auto r = get_decimal(o, "round_to", p, false)) {
            if (r->micros() <= 0)
                issue(json::child(p, "round_to"), "must be greater than 0");
            else
                score.round_to = *r;
        }
    };
    auto require_unit = [&]() {
        if (!o->has("unit")) issue(json::child(p, "unit"), "required field is missing");
    };
    auto numeric_inputs = [&](std::string_view key, std::size_t min_count) {
        std::vector<Slot> slots;
        ArrayPtr inputs = get_array(o, key, p, true);
        if (!inputs) return slots;
        if (inputs->size() < min_count)
            issue(json::child(p, key), "name at least " + std::to_string(min_count) + " inputs");
        for (std::size_t i = 0; i < inputs->size(); ++i) {
            const std::string ip = json::child(json::child(p, key), i);
            auto slot = slot_at(inputs->get(i), ip, false);
            if (!slot) continue;
            const SlotInfo& in = m_slots[*slot];
            if (in.multi_trial)
                issue(ip, "this item has several trials: take the best or mean first");
            else if (in.unscored_choice)
                issue(ip, "a choice item without points has no value to use");
            else
                slots.push_back(*slot);
        }
        return slots;
    };
    auto same_unit = [&](const std::vector<Slot>& slots, std::string_view key) -> Unit {
        Unit u = slots.empty() ? Unit::points : m_slots[slots.front()].unit;
        for (std::size_t i = 0; i < slots.size(); ++i) {
            if (m_slots[slots[i]].unit != u) {
                issue(json::child(json::child(p, key), i),
                      "unit " + std::string(units::symbol(m_slots[slots[i]].unit)) + " differs from " +
                          std::string(units::symbol(u)) + " of the first input");
                break;
            }
        }
        return u;
    };

    switch (*kind) {
    case ScoreKind::value: {
        check_fields(o, p, with({"input", "states"}));
        auto input = get_slot(o, "input", p);
        if (!input) break;
        const SlotInfo& in = m_slots[*input];
        if (!in.measurement_item || in.multi_trial) {
            issue(json::child(p, "input"), "must be a measurement item with one trial");
            break;
        }
        score.inputs = {*input};
        BandTable table;
        info = in;
        info.kind_of = "score";
        info.measurement_item = false;
        std::array<bool, k_trial_state_count> remaining = in.states;
        if (ObjectPtr states = get_object(o, "states", p, false)) {
            const std::string sp = json::child(p, "states");
            for (const auto& entry : *states) {
                auto state = trial_state_from_string(entry.first);
                const std::string ep = json::child(sp, entry.first);
                if (!state) {
                    issue(ep, "unknown state; allowed: unable, not_attempted, used_arms");
                    continue;
                }
                const auto s = static_cast<std::size_t>(*state);
                if (!in.states[s]) {
                    issue(ep, "the input never has this state");
                    continue;
                }
                if (auto d = decimal_at(entry.second, ep)) {
                    table.state_points[s] = *d;
                    remaining[s] = false;
                    if (info.domain.min) info.domain.min = std::min(*info.domain.min, *d);
                    if (info.domain.max) info.domain.max = std::max(*info.domain.max, *d);
                }
            }
        }
        score.table = std::move(table);
        info.states = remaining;
        score.unit = in.unit;
        score.better = in.better;
        score.precision = in.domain.precision;
        break;
    }
    case ScoreKind::best_of_trials:
    case ScoreKind::mean_of_trials: {
        check_fields(o, p, *kind == ScoreKind::mean_of_trials ? with({"items", "round_to"}) : with({"items"}));
        ArrayPtr items = get_array(o, "items", p, true);
        if (!items) break;
        for (std::size_t i = 0; i < items->size(); ++i) {
            const std::string ip = json::child(json::child(p, "items"), i);
            auto slot = slot_at(items->get(i), ip, false);
            if (!slot) continue;
            if (!m_slots[*slot].measurement_item) {
                issue(ip, "must be a measurement item");
                continue;
            }
            score.inputs.push_back(*slot);
        }
        if (score.inputs.empty()) break;
        const SlotInfo& first = m_slots[score.inputs.front()];
        info = first;
        info.kind_of = "score";
        info.multi_trial = false;
        info.measurement_item = false;
        for (std::size_t i = 1; i < score.inputs.size(); ++i) {
            const SlotInfo& in = m_slots[score.inputs[i]];
            if (in.unit != first.unit || in.better != first.better || in.domain.precision != first.domain.precision)
                issue(json::child(json::child(p, "items"), i),
                      "must have the unit, direction and precision of the first item");
            for (std::size_t s = 0; s < k_trial_state_count; ++s) info.states[s] = info.states[s] || in.states[s];
            if (info.domain.min && in.domain.min) info.domain.min = std::min(*info.domain.min, *in.domain.min);
            if (info.domain.max && in.domain.max) info.domain.max = std::max(*info.domain.max, *in.domain.max);
        }
        score.unit = first.unit;
        score.better = first.better;
        score.precision = first.domain.precision;
        if (*kind == ScoreKind::mean_of_trials) {
            read_round_to();
            info.domain.precision = score.round_to.value_or(Decimal::from_micros(1));
            info.domain.measured = score.round_to.has_value();
            score.precision = info.domain.precision;
        }
        break;
    }
    case ScoreKind::band: {
        check_fields(o, p, with({"input", "bands", "states", "uncertain_at"}));
        auto input = get_slot(o, "input", p);
        if (!input) break;
        score.inputs = {*input};
        std::array<bool, k_trial_state_count> remaining{};
        if (!read_band_table(score.table, m_slots[*input], o, p, remaining)) break;
        for (std::size_t s = 0; s < k_trial_state_count; ++s)
            if (remaining[s])
                issue(json::child(p, "states"),
                      "no points for state " + in_quotes(to_string(static_cast<TrialState>(s))) + ", which the input " +
                          in_quotes(m_instrument.slot_id(*input)) + " allows");
        std::vector<Decimal> points;
        for (const Band& b : score.table.bands) points.push_back(b.points);
        for (const auto& sp : score.table.state_points)
            if (sp) points.push_back(*sp);
        info.domain = domain_of_points(points);
        score.unit = Unit::points;
        score.precision = info.domain.precision;
        break;
    }
    case ScoreKind::stop_rule: {
        check_fields(o, p, with({"steps"}));
        ArrayPtr steps = get_array(o, "steps", p, true);
        if (!steps) break;
        if (steps->size() < 2) issue(json::child(p, "steps"), "a stop rule needs at least two steps");
        Decimal lowest, highest_sum;
        std::int64_t g = 0;
        for (std::size_t i = 0; i < steps->size(); ++i) {
            const std::string sp = json::child(json::child(p, "steps"), i);
            ObjectPtr step_object = object_at(steps->get(i), sp);
            if (!step_object) continue;
            check_fields(step_object, sp, {"input", "bands", "states", "uncertain_at", "continue_if_at_least"});
            StopStep step;
            auto input = get_slot(step_object, "input", sp);
            if (!input) continue;
            step.input = *input;
            std::array<bool, k_trial_state_count> remaining{};
            if (!read_band_table(step.table, m_slots[*input], step_object, sp, remaining)) continue;
            for (std::size_t s = 0; s < k_trial_state_count; ++s)
                if (remaining[s])
                    issue(json::child(sp, "states"),
                          "no points for state " + in_quotes(to_string(static_cast<TrialState>(s))) +
                              ", which the input " + in_quotes(m_instrument.slot_id(*input)) + " allows");
            const bool last = i + 1 == steps->size();
            auto threshold = get_decimal(step_object, "continue_if_at_least", sp, false);
            if (last && threshold)
                issue(json::child(sp, "continue_if_at_least"), "the last step has no step to continue to");
            if (!last && !threshold)
                issue(json::child(sp, "continue_if_at_least"), "required on every step but the last");
            step.continue_at_least = threshold;
            Decimal step_min, step_max;
            bool first_point = true;
            auto consider = [&](Decimal v) {
                step_min = first_point ? v : std::min(step_min, v);
                step_max = first_point ? v : std::max(step_max, v);
                first_point = false;
                g = gcd_micros(g, v.micros());
            };
            for (const Band& b : step.table.bands) consider(b.points);
            for (const auto& sp_points : step.table.state_points)
                if (sp_points) consider(*sp_points);
            if (i == 0) lowest = step_min;
            highest_sum += step_max;
            score.steps.push_back(std::move(step));
        }
        info.domain = Domain{lowest, highest_sum, Decimal::from_micros(g == 0 ? Decimal::k_scale : g), Unit::points};
        score.unit = Unit::points;
        score.precision = info.domain.precision;
        break;
    }
    case ScoreKind::sum:
    case ScoreKind::mean: {
        check_fields(o, p,
                     *kind == ScoreKind::mean ? with({"inputs", "max_missing", "inputs_optional", "round_to"})
                                              : with({"inputs", "max_missing", "inputs_optional"}));
        score.inputs = numeric_inputs("inputs", 1);
        if (score.inputs.empty()) break;
        for (std::size_t i = 0; i < score.inputs.size(); ++i) {
            const SlotInfo& in = m_slots[score.inputs[i]];
            if (in.can_be_state())
                issue(json::child(json::child(p, "inputs"), i), "this input can be a state (unable, not attempted …): "
                                                                "give it points with a value or band score first");
        }
        const int n = static_cast<int>(score.inputs.size());
        if (auto max_missing = get_int(o, "max_missing", p, false, 0, std::max(0, n - 1)))
            score.max_missing = *max_missing;
        score.inputs_optional = get_bool(o, "inputs_optional", p).value_or(false);
        if (score.inputs_optional && o->has("max_missing"))
            issue(json::child(p, "inputs_optional"), "give either \"max_missing\" or \"inputs_optional\", not both");
        if (score.inputs_optional) score.max_missing = n - 1;
        score.unit = same_unit(score.inputs, "inputs");
        Domain d{Decimal{}, Decimal{}, Decimal::from_micros(0), score.unit};
        std::int64_t g = 0;
        bool bounded = true;
        std::optional<Decimal> lo, hi;
        for (Slot s : score.inputs) {
            const Domain& in = m_slots[s].domain;
            g = gcd_micros(g, in.precision.micros());
            if (!in.min || !in.max) {
                bounded = false;
                continue;
            }
            if (*kind == ScoreKind::sum) {
                d.min = *d.min + std::min(*in.min, Decimal{});
                d.max = *d.max + std::max(*in.max, Decimal{});
            }
            else {
                lo = lo ? std::min(*lo, *in.min) : *in.min;
                hi = hi ? std::max(*hi, *in.max) : *in.max;
            }
        }
        if (*kind == ScoreKind::sum) {
            // A sum of non-negative points with none missing starts at the sum of the minima.
            if (score.max_missing == 0) {
                Decimal exact_min;
                for (Slot s : score.inputs) exact_min += m_slots[s].domain.min.value_or(Decimal{});
                d.min = exact_min;
            }
            d.precision = Decimal::from_micros(g);
        }
        else {
            d.min = lo;
            d.max = hi;
            read_round_to();
            d.precision = score.round_to.value_or(Decimal::from_micros(1));
            d.measured = score.round_to.has_value();
        }
        if (!bounded) d.min = d.max = std::nullopt;
        info.domain = d;
        score.precision = d.precision;
        break;
    }
    case ScoreKind::first_present: {
        check_fields(o, p, with({"inputs"}));
        score.inputs = numeric_inputs("inputs", 2);
        if (score.inputs.empty()) break;
        score.unit = same_unit(score.inputs, "inputs");
        info = m_slots[score.inputs.front()];
        info.kind_of = "score";
        std::int64_t g = 0;
        for (Slot s : score.inputs) {
            const SlotInfo& in = m_slots[s];
            g = gcd_micros(g, in.domain.precision.micros());
            for (std::size_t k = 0; k < k_trial_state_count; ++k) info.states[k] = info.states[k] || in.states[k];
            if (info.domain.min && in.domain.min)
                info.domain.min = std::min(*info.domain.min, *in.domain.min);
            else
                info.domain.min.reset();
            if (info.domain.max && in.domain.max)
                info.domain.max = std::max(*info.domain.max, *in.domain.max);
            else
                info.domain.max.reset();
        }
        info.domain.precision = Decimal::from_micros(g);
        for (Slot s : score.inputs) info.domain.measured = info.domain.measured && m_slots[s].domain.measured;
        score.precision = info.domain.precision;
        score.better = info.better;
        break;
    }
    case ScoreKind::linear: {
        check_fields(o, p, with({"formula", "by_sex", "valid_age", "round_to"}));
        require_unit();
        const bool has_formula = o->has("formula");
        if (has_formula == o->has("by_sex")) {
            issue(p, "a linear score needs either \"formula\" or \"by_sex\", not both or neither");
            break;
        }
        if (has_formula) {
            if (ObjectPtr f = get_object(o, "formula", p, true))
                score.formula = read_formula(f, json::child(p, "formula"));
        }
        else if (ObjectPtr by_sex = get_object(o, "by_sex", p, true)) {
            const std::string bp = json::child(p, "by_sex");
            check_fields(by_sex, bp, {"female", "male"});
            for (Sex s : {Sex::female, Sex::male}) {
                if (ObjectPtr f = get_object(by_sex, to_string(s), bp, true))
                    score.formula_by_sex[static_cast<std::size_t>(s)] = read_formula(f, json::child(bp, to_string(s)));
            }
        }
        if (ObjectPtr age = get_object(o, "valid_age", p, false)) {
            const std::string ap = json::child(p, "valid_age");
            check_fields(age, ap, {"gt", "ge", "lt", "le"});
            score.valid_age = get_interval(age, ap);
        }
        read_round_to();
        for (const auto& f : {score.formula, score.formula_by_sex[0], score.formula_by_sex[1]})
            if (f)
                for (const Term& t : f->terms)
                    if (t.input != k_age_slot)
                        for (std::size_t k = 0; k < k_trial_state_count; ++k)
                            info.states[k] = info.states[k] || m_slots[t.input].states[k];
        info.domain =
            Domain{{}, {}, score.round_to.value_or(Decimal::from_micros(1)), Unit::points, score.round_to.has_value()};
        score.precision = info.domain.precision;
        break;
    }
    case ScoreKind::ratio: {
        check_fields(o, p, with({"numerator", "numerator_constant", "denominator", "factor", "round_to"}));
        require_unit();
        if (o->has("numerator") == o->has("numerator_constant")) {
            issue(p, "a ratio needs either \"numerator\" or \"numerator_constant\", not both or neither");
            break;
        }
        if (o->has("numerator")) {
            auto numerator = get_slot(o, "numerator", p);
            if (!numerator) break;
            score.inputs.push_back(*numerator);
        }
        else if (auto constant = get_decimal(o, "numerator_constant", p, true)) {
            score.numerator_constant = *constant;
        }
        auto denominator = get_slot(o, "denominator", p);
        if (!denominator) break;
        score.inputs.push_back(*denominator);
        for (Slot s : score.inputs) {
            if (m_slots[s].multi_trial || m_slots[s].unscored_choice) {
                issue(p, "input " + in_quotes(m_instrument.slot_id(s)) + " has no single number to divide");
                continue;
            }
            for (std::size_t k = 0; k < k_trial_state_count; ++k)
                info.states[k] = info.states[k] || m_slots[s].states[k];
        }
        if (auto factor = get_decimal(o, "factor", p, false)) score.factor = *factor;
        read_round_to();
        info.domain =
            Domain{{}, {}, score.round_to.value_or(Decimal::from_micros(1)), Unit::points, score.round_to.has_value()};
        score.precision = info.domain.precision;
        break;
    }
    }
    if (m_issues.size() != before) return;

    if (declared_unit) {
        const bool computed = *kind == ScoreKind::linear || *kind == ScoreKind::ratio || *kind == ScoreKind::band ||
                              *kind == ScoreKind::stop_rule;
        if (computed || *declared_unit == score.unit)
            score.unit = *declared_unit;
        else {
            issue(json::child(p, "unit"), "the inputs are in " + std::string(units::symbol(score.unit)) + "; a " +
                                              std::string(to_string(*kind)) + " score keeps their unit");
            return;
        }
    }
    if (declared_better) score.better = *declared_better;
    score.display_decimals = get_int(o, "display_decimals", p, false, 0, Decimal::k_fraction_digits);
    info.unit = score.unit;
    info.better = score.better;
    info.domain.unit = score.unit;
    score.slot = static_cast<Slot>(m_slots.size());
    add_slot(score.id, p, info);
    m_instrument.scores.push_back(std::move(score));
}

void InstrumentReader::mark_alternative_branches()
{
    // A score is a branch when it is used, and only by first_present scores or other branches.
    // Scores only read earlier slots, so one pass from the last score backwards settles it.
    auto& scores = m_instrument.scores;
    for (std::size_t i = scores.size(); i-- > 0;) {
        bool used = false;
        bool only_alternatives = true;
        auto consider = [&](const Score& consumer, Slot input) {
            if (input != scores[i].slot) return;
            used = true;
            only_alternatives =
                only_alternatives && (consumer.kind == ScoreKind::first_present || consumer.alternative_branch);
        };
        for (std::size_t j = i + 1; j < scores.size(); ++j) {
            for (Slot input : scores[j].inputs) consider(scores[j], input);
            for (const StopStep& step : scores[j].steps) consider(scores[j], step.input);
            for (const auto& f : {scores[j].formula, scores[j].formula_by_sex[0], scores[j].formula_by_sex[1]})
                if (f)
                    for (const Term& t : f->terms) consider(scores[j], t.input);
        }
        scores[i].alternative_branch = used && only_alternatives;
    }
}

std::vector<LabelBand> InstrumentReader::read_label_bands(const ArrayPtr& a, const std::string& ptr,
                                                          const SlotInfo& input, BandIndex& index)
{
    std::vector<LabelBand> bands;
    std::vector<Interval> intervals;
    std::set<std::string> codes;
    bool all_read = true;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child(ptr, i);
        ObjectPtr b = object_at(a->get(i), p);
        if (!b) {
            all_read = false;
            continue;
        }
        check_fields(b, p, {"gt", "ge", "lt", "le", "code", "label", "source", "confidence", "note"});
        auto when = get_interval(b, p);
        auto code = get_string(b, "code", p, true);
        auto label = get_text(b, "label", p, true);
        auto provenance = get_provenance(b, p, false);
        if (!when || !code || !label) {
            all_read = false;
            continue;
        }
        if (!valid_id(*code)) {
            issue(json::child(p, "code"),
                  "must be lowercase letters, digits, '_' or '-', starting with a letter; got " + in_quotes(*code));
            all_read = false;
            continue;
        }
        if (!codes.insert(*code).second) issue(json::child(p, "code"), "duplicate code " + in_quotes(*code));
        for (const auto& edge : {when->lower, when->upper})
            if (edge)
                if (auto problem = check_on_grid(edge->value, input.domain)) issue(p, *problem);
        bands.push_back({*when, *code, *label, provenance});
        intervals.push_back(*when);
    }
    if (all_read) {
        const auto problems = check_coverage(intervals, input.domain);
        for (const CoverageProblem& c : problems) issue(json::child(ptr, c.band), c.message);
        if (problems.empty()) index = compile_bands(intervals, input.domain);
    }
    if (a->size() > 255) issue(ptr, "at most 255 bands");
    return bands;
}

void InstrumentReader::read_interpretations(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "interpretations", "", false);
    if (!a) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/interpretations", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"id", "label", "score", "bands", "by_sex", "source", "confidence", "note"});
        const std::size_t before = m_issues.size();
        Interpretation interp;
        auto id = get_id(o, p);
        auto label = get_text(o, "label", p, true);
        auto score = get_slot(o, "score", p);
        auto provenance = get_provenance(o, p, true);
        if (id && !ids.insert(*id).second) issue(json::child(p, "id"), "duplicate interpretation id " + in_quotes(*id));
        if (!id || !label || !score || !provenance) continue;
        const SlotInfo& input = m_slots[*score];
        if (input.multi_trial || input.unscored_choice) {
            issue(json::child(p, "score"), "this input has no single number to interpret");
            continue;
        }
        interp.id = *id;
        interp.label = *label;
        interp.score = *score;
        interp.provenance = *provenance;
        if (o->has("bands") == o->has("by_sex")) {
            issue(p, "an interpretation needs either \"bands\" or \"by_sex\", not both or neither");
            continue;
        }
        if (ArrayPtr bands = get_array(o, "bands", p, false)) {
            interp.bands = read_label_bands(bands, json::child(p, "bands"), input, interp.index);
        }
        else if (ObjectPtr by_sex = get_object(o, "by_sex", p, true)) {
            interp.by_sex = true;
            const std::string bp = json::child(p, "by_sex");
            check_fields(by_sex, bp, {"female", "male"});
            for (Sex s : {Sex::female, Sex::male})
                if (ArrayPtr list = get_array(by_sex, to_string(s), bp, true))
                    interp.bands_by_sex[static_cast<std::size_t>(s)] = read_label_bands(
                        list, json::child(bp, to_string(s)), input, interp.index_by_sex[static_cast<std::size_t>(s)]);
        }
        if (m_issues.size() == before) m_instrument.interpretations.push_back(std::move(interp));
    }
}

void InstrumentReader::read_norms(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "norms", "", false);
    if (!a) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/norms", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"id", "label", "score", "rows", "source", "confidence", "note"});
        const std::size_t before = m_issues.size();
        NormTable table;
        auto id = get_id(o, p);
        auto label = get_text(o, "label", p, true);
        auto score = get_slot(o, "score", p);
        auto provenance = get_provenance(o, p, true);
        ArrayPtr rows = get_array(o, "rows", p, true);
        if (id && !ids.insert(*id).second) issue(json::child(p, "id"), "duplicate norm table id " + in_quotes(*id));
        if (!id || !label || !score || !provenance || !rows) continue;
        table.id = *id;
        table.label = *label;
        table.score = *score;
        table.provenance = *provenance;
        for (std::size_t r = 0; r < rows->size(); ++r) {
            const std::string rp = json::child(json::child(p, "rows"), r);
            ObjectPtr row = object_at(rows->get(r), rp);
            if (!row) continue;
            check_fields(row, rp, {"sex", "age", "range", "source", "confidence", "note"});
            NormRow out;
            auto sex = get_enum<Sex>(row, "sex", rp, true, sex_from_string, "female, male");
            ArrayPtr age = get_array(row, "age", rp, true);
            ArrayPtr range = get_array(row, "range", rp, true);
            out.provenance = get_provenance(row, rp, false);
            if (!sex || !age || !range) continue;
            if (age->size() != 2) {
                issue(json::child(rp, "age"), "expected [youngest, oldest] in whole years");
                continue;
            }
            if (range->size() != 2) {
                issue(json::child(rp, "range"), "expected [low, high]");
                continue;
            }
            auto age_min = int_at(age->get(0), json::child(json::child(rp, "age"), 0), 0, 130);
            auto age_max = int_at(age->get(1), json::child(json::child(rp, "age"), 1), 0, 130);
            auto low = decimal_at(range->get(0), json::child(json::child(rp, "range"), 0));
            auto high = decimal_at(range->get(1), json::child(json::child(rp, "range"), 1));
            if (!age_min || !age_max || !low || !high) continue;
            if (*age_min > *age_max) issue(json::child(rp, "age"), "the youngest age is above the oldest");
            if (*low > *high) issue(json::child(rp, "range"), "low is above high");
            out.sex = *sex;
            out.age_min = *age_min;
            out.age_max = *age_max;
            out.low = *low;
            out.high = *high;
            for (std::size_t k = 0; k < table.rows.size(); ++k) {
                const NormRow& other = table.rows[k];
                if (other.sex == out.sex && other.age_min <= out.age_max && out.age_min <= other.age_max)
                    issue(json::child(rp, "age"),
                          "overlaps the ages of row " + std::to_string(k) + " for the same sex");
            }
            table.rows.push_back(out);
        }
        if (m_issues.size() == before) m_instrument.norms.push_back(std::move(table));
    }
}

void InstrumentReader::read_changes(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "minimal_important_change", "", false);
    if (!a) return;
    std::set<Slot> seen;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/minimal_important_change", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"score", "thresholds", "source", "confidence", "note"});
        const std::size_t before = m_issues.size();
        MinimalImportantChange mic;
        auto score = get_slot(o, "score", p);
        auto provenance = get_provenance(o, p, true);
        ArrayPtr thresholds = get_array(o, "thresholds", p, true);
        if (!score || !provenance || !thresholds) continue;
        if (!seen.insert(*score).second) {
            issue(json::child(p, "score"), "this score already has a minimal important change");
            continue;
        }
        mic.score = *score;
        mic.provenance = *provenance;
        for (std::size_t t = 0; t < thresholds->size(); ++t) {
            const std::string tp = json::child(json::child(p, "thresholds"), t);
            ObjectPtr th = object_at(thresholds->get(t), tp);
            if (!th) continue;
            check_fields(th, tp, {"ge", "gt", "code", "label"});
            if (th->has("ge") == th->has("gt")) {
                issue(tp, "give the magnitude as either \"ge\" (at least) or \"gt\" (more than)");
                continue;
            }
            const bool inclusive = th->has("ge");
            auto at = get_decimal(th, inclusive ? "ge" : "gt", tp, true);
            auto code = get_string(th, "code", tp, true);
            auto label = get_text(th, "label", tp, true);
            if (!at || !code || !label) continue;
            if (at->micros() <= 0) {
                issue(json::child(tp, inclusive ? "ge" : "gt"), "a change magnitude must be greater than 0");
                continue;
            }
            if (!mic.thresholds.empty() && mic.thresholds.back().at.value >= *at)
                issue(json::child(tp, inclusive ? "ge" : "gt"), "thresholds must be in ascending order");
            mic.thresholds.push_back({Edge{*at, inclusive}, *code, *label});
        }
        if (m_issues.size() == before) m_instrument.changes.push_back(std::move(mic));
    }
}

void InstrumentReader::read_examples(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "examples", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/examples", i);
        if (ObjectPtr o = object_at(a->get(i), p)) read_example(o, p);
    }
}

void InstrumentReader::read_example(const ObjectPtr& o, const std::string& p)
{
    check_fields(o, p, {"name", "input", "expect", "expect_error"});
    Example ex;
    ex.pointer = p;
    auto name = get_string(o, "name", p, true);
    ObjectPtr input = get_object(o, "input", p, true);
    if (!name || !input) return;
    ex.name = *name;
    const std::string ip = json::child(p, "input");
    check_fields(input, ip, {"items", "age", "sex", "birth_date", "test_date"});
    if (ObjectPtr items = get_object(input, "items", ip, true)) {
        const std::string itp = json::child(ip, "items");
        for (const auto& entry : *items) {
            std::vector<ExampleValue> values;
            auto add = [&](const Var& v, const std::string& vp) {
                if (v.isString())
                    values.push_back({false, {}, v.convert<std::string>()});
                else if (auto d = decimal_at(v, vp))
                    values.push_back({true, *d, {}});
            };
            const std::string ep = json::child(itp, entry.first);
            if (json::is_array(entry.second)) {
                ArrayPtr arr = json::as_array(entry.second);
                for (std::size_t k = 0; k < arr->size(); ++k) add(arr->get(k), json::child(ep, k));
            }
            else {
                add(entry.second, ep);
            }
            ex.items.emplace_back(entry.first, std::move(values));
        }
    }
    ex.age = get_int(input, "age", ip, false, 0, 130);
    ex.sex = get_string(input, "sex", ip, false);
    ex.birth_date = get_string(input, "birth_date", ip, false);
    ex.test_date = get_string(input, "test_date", ip, false);

    if (o->has("expect") == o->has("expect_error")) {
        issue(p, "an example needs either \"expect\" or \"expect_error\", not both or neither");
        return;
    }
    if (o->has("expect_error")) {
        ex.expect_error = get_string(o, "expect_error", p, true);
        m_instrument.examples.push_back(std::move(ex));
        return;
    }
    ObjectPtr expect = get_object(o, "expect", p, true);
    if (!expect) return;
    const std::string xp = json::child(p, "expect");
    check_fields(expect, xp, {"scores", "interpretations", "norms", "flags"});
    auto expect_map = [&](std::string_view key, std::string_view prefix) {
        ObjectPtr m = get_object(expect, key, xp, false);
        if (!m) return;
        const std::string mp = json::child(xp, key);
        for (const auto& entry : *m) {
            const std::string ep = json::child(mp, entry.first);
            std::string expected;
            if (entry.second.isString())
                expected = entry.second.convert<std::string>();
            else if (auto d = decimal_at(entry.second, ep))
                expected = d->to_string();
            else
                continue;
            ex.expectations.push_back({std::string(prefix) + entry.first, expected, ep});
        }
    };
    expect_map("scores", "");
    expect_map("interpretations", "interpretation:");
    expect_map("norms", "norm:");
    if (expect->has("flags")) {
        ArrayPtr flags = get_array(expect, "flags", xp, true, false);
        if (flags) {
            std::vector<std::string> codes;
            for (std::size_t k = 0; k < flags->size(); ++k) {
                const Var v = flags->get(k);
                if (!v.isString())
                    issue(json::child(json::child(xp, "flags"), k), "expected a flag such as \"incomplete:total\"");
                else
                    codes.push_back(v.convert<std::string>());
            }
            std::sort(codes.begin(), codes.end());
            ex.expectations.push_back({"flags", json::join(codes, " "), json::child(xp, "flags")});
        }
    }
    if (ex.expectations.empty()) issue(xp, "expect at least one score, interpretation, norm or the flags");
    m_instrument.examples.push_back(std::move(ex));
}

}  // namespace

InstrumentLoad read_instrument(const std::string& json_text, const std::string& file)
{
    InstrumentLoad load;
    std::vector<json::Problem> problems;
    auto root = json::parse_document(json_text, problems);
    for (const json::Problem& pr : problems) load.issues.push_back({file, pr.pointer, pr.message});
    if (!root) return load;
    InstrumentReader reader(file, load.issues);
    if (auto instrument = reader.read(*root)) load.instruments.push_back(std::move(*instrument));
    return load;
}

InstrumentLoad read_instrument_directory(const std::filesystem::path& directory)
{
    InstrumentLoad load;
    std::error_code ec;
    if (!std::filesystem::is_directory(directory, ec)) {
        load.issues.push_back({directory.string(), "", "not a directory"});
        return load;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(directory, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec) {
        load.issues.push_back({directory.string(), "", "cannot list the directory: " + ec.message()});
        return load;
    }
    std::sort(files.begin(), files.end());
    std::map<std::string, std::string> first_file;  // "id version" → file
    for (const auto& path : files) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        if (!in && !in.eof()) {
            load.issues.push_back({path.string(), "", "cannot read the file"});
            continue;
        }
        InstrumentLoad one = read_instrument(text.str(), path.string());
        load.issues.insert(load.issues.end(), one.issues.begin(), one.issues.end());
        for (Instrument& instrument : one.instruments) {
            auto [it, inserted] = first_file.emplace(instrument.reference(), path.string());
            if (!inserted) {
                load.issues.push_back({path.string(), "/id",
                                       "instrument " + in_quotes(instrument.id) + " version " +
                                           in_quotes(instrument.version) + " is also defined in " + it->second});
                continue;
            }
            load.instruments.push_back(std::move(instrument));
        }
    }
    return load;
}

}  // namespace reable::protocol
