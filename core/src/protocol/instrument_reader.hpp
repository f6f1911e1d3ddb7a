#pragma once

// The instrument reader shared by the loader's translation units (loader.cpp, reader_items.cpp,
// reader_scores.cpp, reader_rules.cpp). Private to core.

#include "reable/protocol/loader.hpp"

#include "band_coverage.hpp"
#include "file_reader.hpp"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace reable::protocol::reading {

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
/// pass finds everything. The primitives come from FileReader (file_reader.hpp); the member
/// functions are spread over loader.cpp (the frame and the header), reader_items.cpp,
/// reader_scores.cpp and reader_rules.cpp.
class InstrumentReader : private FileReader {
public:
    InstrumentReader(std::string file, std::vector<Issue>& issues) : FileReader(std::move(file), issues, false) {}

    std::optional<Instrument> read(const Var& root);

private:
    std::optional<Interval> get_interval(const ObjectPtr& o, const std::string& ptr);
    std::vector<Coding> get_codes(const ObjectPtr& o, const std::string& ptr);
    /// A reference to an item or an earlier score (or "age" where allowed).
    std::optional<Slot> get_slot(const ObjectPtr& o, std::string_view key, const std::string& ptr,
                                 bool allow_age = false);
    std::optional<Slot> slot_at(const Var& v, const std::string& pointer, bool allow_age);

    // ---- sections ----
    void read_header(const ObjectPtr& root);
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

    Instrument m_instrument;
    std::vector<SlotInfo> m_slots;
    std::map<std::string, Slot> m_slot_by_id;
    /// Ids whose definition has issues: references to them are not reported again, so one
    /// mistake gives one message rather than a cascade.
    std::set<std::string> m_broken;
    std::map<std::string, std::string> m_first_pointer;  ///< id → where it was defined
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
