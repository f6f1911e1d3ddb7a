// The one component that reads instrument files (this file, reader_*.cpp and the shared
// file_reader.cpp). It turns JSON into the model of instrument.hpp, resolving every name to an
// index and checking every rule, and it keeps going after a problem so that a file's author sees
// all of them at once. The wording of each message is pinned by
// tests/unit/validator_messages_test.cpp; change both together.

#include "instrument_reader.hpp"

#include "reable/protocol/program.hpp"

namespace reable::protocol::reading {

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
    read_sources(root, m_instrument.sources);
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
    read_identity(root, k_format, m_instrument.id, m_instrument.version);
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

}  // namespace reable::protocol::reading

namespace reable::protocol {

InstrumentLoad read_instrument(const std::string& json_text, const std::string& file)
{
    InstrumentLoad load;
    auto root = reading::parse_file(json_text, file, load.issues);
    if (!root) return load;
    reading::InstrumentReader reader(file, load.issues);
    if (auto instrument = reader.read(*root)) load.instruments.push_back(std::move(*instrument));
    return load;
}

InstrumentLoad read_instrument_directory(const std::filesystem::path& directory)
{
    return reading::read_directory(directory, &InstrumentLoad::instruments, "instrument", read_instrument);
}

}  // namespace reable::protocol
