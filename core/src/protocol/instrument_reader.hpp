#pragma once

// The instrument reader shared by the loader's translation units (loader.cpp, reader_items.cpp,
// reader_scores.cpp, reader_rules.cpp). Private to core.

#include "reable/protocol/loader.hpp"

#include "../json_support.hpp"
#include "band_coverage.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace reable::protocol::reading {

using json::ArrayPtr;
using json::ObjectPtr;
using json::Var;
using units::Unit;

inline constexpr std::string_view k_format = "reable.instrument/1";

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

inline bool valid_id(const std::string& id)
{
    if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

inline bool valid_version(const std::string& v)
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

inline std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

inline std::int64_t gcd_micros(std::int64_t a, std::int64_t b) { return std::gcd(a < 0 ? -a : a, b < 0 ? -b : b); }

/// A score being read: its JSON object and pointer, the score so far, and what later rules will
/// know of its values.
struct ScoreDraft {
    const ObjectPtr& o;
    const std::string& p;
    Score& score;
    SlotInfo& info;
};

/// Fields every score may have, plus the kind's own.
inline std::vector<std::string_view> score_fields(std::vector<std::string_view> extra)
{
    std::vector<std::string_view> all{"id",     "label",      "kind", "unit", "better", "display_decimals",
                                      "source", "confidence", "note"};
    all.insert(all.end(), extra.begin(), extra.end());
    return all;
}

/// Reads one instrument file. Every section reader reports its own issues and goes on, so one
/// pass finds everything. The member functions are spread over loader.cpp (the frame and shared
/// primitives), reader_items.cpp, reader_scores.cpp and reader_rules.cpp.
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
    /// A list of answer options (codes unique); nullopt when any option has an issue.
    std::optional<std::vector<AnswerOption>> read_options(const ArrayPtr& options, const std::string& ptr);
    void read_point_maps(const ObjectPtr& root);
    void read_items(const ObjectPtr& root);
    void read_item(const ObjectPtr& o, const std::string& ptr);
    void read_choice(Item& item, const ObjectPtr& o, const std::string& ptr);
    void read_states(Item& item, const ObjectPtr& o, const std::string& ptr);
    void read_alternatives(const ObjectPtr& root);
    void read_scores(const ObjectPtr& root);
    void read_score(const ObjectPtr& o, const std::string& ptr);
    // One reader per scoring kind; each fills the draft's score and what later rules may know of it.
    void read_value_score(ScoreDraft& draft);
    void read_trials_score(ScoreDraft& draft);
    void read_band_score(ScoreDraft& draft);
    void read_stop_rule(ScoreDraft& draft);
    void read_sum_or_mean(ScoreDraft& draft);
    void read_first_present(ScoreDraft& draft);
    void read_linear(ScoreDraft& draft);
    void read_ratio(ScoreDraft& draft);
    void read_round_to(ScoreDraft& draft);
    void require_unit(ScoreDraft& draft);
    std::vector<Slot> numeric_inputs(ScoreDraft& draft, std::string_view key, std::size_t min_count);
    Unit same_unit(ScoreDraft& draft, const std::vector<Slot>& slots, std::string_view key);
    void report_unscored_states(const std::array<bool, k_trial_state_count>& remaining, Slot input,
                                const std::string& pointer);
    void mark_alternative_branches();
    /// The points a table gives the states of its input; `remaining` keeps the states left without.
    void read_state_points(const ObjectPtr& o, const std::string& ptr, const SlotInfo& input, BandTable& table,
                           std::array<bool, k_trial_state_count>& remaining);
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

}  // namespace reable::protocol::reading
