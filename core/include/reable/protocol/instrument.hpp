#pragma once

#include "reable/decimal.hpp"
#include "reable/protocol/provenance.hpp"
#include "reable/units.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

/// The in-memory form of an instrument file (protocols/instruments/*.json). The loader builds it
/// once, resolves every reference to an index and checks every rule, so the scoring engine never
/// meets a name it has to look up or a rule it has to doubt. protocols/README.md documents the
/// file format field by field; the names here follow it.
namespace reable::protocol {

struct Program;

/// Which way a value is better: more stands, or fewer seconds.
enum class Better : std::uint8_t { higher, lower };

enum class Sex : std::uint8_t { female, male };
std::string_view to_string(Sex sex);
std::optional<Sex> sex_from_string(std::string_view text);

/// Why a measurement has no number. Each is its own state: never 0 s, never "missing".
enum class TrialState : std::uint8_t { unable, not_attempted, used_arms };
constexpr std::size_t k_trial_state_count = 3;
std::string_view to_string(TrialState state);
std::optional<TrialState> trial_state_from_string(std::string_view text);

/// One side of an interval, exactly as the source writes it ("< 4.82" is exclusive, "≤ 11.19" inclusive).
struct Edge {
    Decimal value;
    bool inclusive = true;
};

/// A possibly half-open interval of values. An absent edge is unbounded on that side.
struct Interval {
    std::optional<Edge> lower;
    std::optional<Edge> upper;

    bool contains(Decimal v) const
    {
        if (lower && (lower->inclusive ? v < lower->value : v <= lower->value)) return false;
        if (upper && (upper->inclusive ? v > upper->value : v >= upper->value)) return false;
        return true;
    }
};

/// A code in an external terminology (LOINC, SNOMED CT), only where the reference confirms it.
struct Coding {
    std::string system;
    std::string code;
    std::string display;
};

/// What a user may enter for a state: allowed or not, and the reasons to choose from.
struct StateRule {
    bool allowed = false;
    std::vector<std::string> reasons;  ///< when non-empty, a reason from this list is required
};

struct AnswerOption {
    std::string code;
    Text label;
    std::optional<Decimal> points;  ///< after the item's point map and reversal are applied
};

enum class ItemType : std::uint8_t { measurement, choice };

struct Item {
    std::string id;
    Text label;
    ItemType type = ItemType::measurement;
    std::vector<Coding> codes;
    std::string note;  ///< how to administer or record it; caveats

    // measurement
    units::Unit unit = units::Unit::points;
    Decimal min;
    Decimal max;
    Decimal precision = Decimal::from_int(1);
    int trials = 1;
    Better better = Better::higher;
    std::array<StateRule, k_trial_state_count> states{};

    // choice
    std::vector<AnswerOption> options;
    bool scored = false;  ///< every option has points

    /// Index of this item's first trial in an Observation.
    std::size_t first_trial = 0;

    bool allows(TrialState s) const { return states[static_cast<std::size_t>(s)].allowed; }
    bool allows_any_state() const;
    /// The index of the option with this code, or -1.
    int option_index(std::string_view code) const;
};

/// Items that are alternatives for one another (SPPB: the 4-m or the 3-m course); at most one
/// may be given.
struct Alternatives {
    std::vector<std::size_t> items;
    std::string reason;
};

/// A row of a band table: values inside `when` score `points`.
struct Band {
    Interval when;
    Decimal points;
};

/// A band list compiled for lookup: the smallest value of each band, ascending, and which band it
/// is. Valid because the loader proved that the bands cover every value the input can take
/// exactly once; the lookup is then "the last band that starts at or below the value", a few
/// integer comparisons instead of interval tests (the engine's hot path).
struct BandIndex {
    std::vector<std::int64_t> starts;  ///< in millionths; the first is the domain's lower end
    std::vector<std::uint8_t> order;   ///< index into the band list for each start

    std::vector<Decimal> points;  ///< a score table's points for each start (empty for labels)

    /// Position (in `starts`) of the band containing `v`; `v` must be a value the input can take.
    std::size_t position(Decimal v) const
    {
        const std::int64_t m = v.micros();
        const std::int64_t* first = starts.data();
        const std::size_t n = starts.size();
        std::size_t i = 0;
        while (i + 1 < n && first[i + 1] <= m) ++i;
        return i;
    }
    /// The index of the band containing `v` in the band list.
    std::size_t find(Decimal v) const { return order[position(v)]; }
};

/// Value → points, with the points for each state the input may carry and the edges the sources
/// write inconsistently (a value exactly on one is flagged).
struct BandTable {
    std::vector<Band> bands;
    std::array<std::optional<Decimal>, k_trial_state_count> state_points{};
    std::vector<Decimal> uncertain_at;
    BandIndex index;
};

/// The named scoring kinds. Each is a small pure function; files choose and configure them.
enum class ScoreKind : std::uint8_t {
    value,           ///< an item's value, with states mapped to numbers
    best_of_trials,  ///< best trial of one or more items (lowest time, highest force)
    mean_of_trials,  ///< mean of the trials that have a number
    band,            ///< band lookup → points
    stop_rule,       ///< hierarchical steps; a step below its threshold ends the test
    sum,             ///< sum of inputs, with a missing-item rule
    mean,            ///< mean of inputs, with a missing-item rule
    first_present,   ///< the first input that has a value (alternative courses)
    linear,          ///< intercept + Σ coefficient × input, per sex (reference equations)
    ratio,           ///< numerator ÷ denominator × factor (speed, percent of predicted)
};
std::string_view to_string(ScoreKind kind);

/// A reference to a value during scoring: a slot in the score sheet. Items occupy the first
/// slots (in file order), scores the following ones; the pseudo-input `age` is k_age_slot.
using Slot = std::uint32_t;
constexpr Slot k_age_slot = 0xFFFF'FFFFu;

struct StopStep {
    Slot input = 0;
    BandTable table;
    std::optional<Decimal> continue_at_least;  ///< absent on the last step
};

struct Term {
    Slot input = 0;
    Decimal coefficient;
};

struct LinearFormula {
    Decimal intercept;
    std::vector<Term> terms;
};

struct Score {
    std::string id;
    Text label;
    ScoreKind kind = ScoreKind::sum;
    units::Unit unit = units::Unit::points;
    Better better = Better::higher;
    Slot slot = 0;
    /// The step its values come in (for band coverage and display); the smallest meaningful
    /// difference, e.g. 1 for integer points, 0.01 for gait speed rounded to hundredths.
    Decimal precision = Decimal::from_int(1);
    std::optional<Decimal> round_to;
    /// Decimals shown in reports when the value itself is kept exact (a mean of 1/3 shows as
    /// 0.33 but changes are computed from the exact value).
    std::optional<int> display_decimals;
    std::optional<Provenance> provenance;  ///< required for rules (band, stop_rule, linear …)
    /// Feeds only alternatives (first_present), e.g. the 3-m branch when the 4-m course was
    /// walked: its being missing is normal and is not flagged as incomplete.
    bool alternative_branch = false;

    std::vector<Slot> inputs;     ///< value/trials: items; sum/mean/first_present: any
    BandTable table;              ///< band; value (states only)
    std::vector<StopStep> steps;  ///< stop_rule
    int max_missing = 0;          ///< sum/mean: inputs that may be missing
    /// sum/mean: inputs may be left out by design (COPM: one to five problems); the score is over
    /// those given (at least one) and is not flagged partial.
    bool inputs_optional = false;
    std::optional<LinearFormula> formula;                        ///< linear, same for both sexes
    std::array<std::optional<LinearFormula>, 2> formula_by_sex;  ///< linear, indexed by Sex
    std::optional<Interval> valid_age;                           ///< linear: the reference population's ages
    std::optional<Decimal> numerator_constant;                   ///< ratio: a fixed numerator (4 m course)
    Decimal factor = Decimal::from_int(1);                       ///< ratio
};

/// Cut-offs → labels for one score.
struct LabelBand {
    Interval when;
    std::string code;
    Text label;
    std::optional<Provenance> provenance;  ///< overrides the interpretation's for this band
};

struct Interpretation {
    std::string id;
    Text label;
    Slot score = 0;
    bool by_sex = false;
    std::vector<LabelBand> bands;                        ///< when !by_sex
    std::array<std::vector<LabelBand>, 2> bands_by_sex;  ///< when by_sex, indexed by Sex
    BandIndex index;                                     ///< for bands
    std::array<BandIndex, 2> index_by_sex;               ///< for bands_by_sex
    Provenance provenance;
};

/// One age band and sex of a norm table: the normal range [low, high] (inclusive).
struct NormRow {
    Sex sex = Sex::female;
    int age_min = 0;
    int age_max = 0;
    Decimal low;
    Decimal high;
    std::optional<Provenance> provenance;  ///< overrides the table's for this row
};

struct NormTable {
    std::string id;
    Text label;
    Slot score = 0;
    std::vector<NormRow> rows;
    Provenance provenance;
};

/// A magnitude of change that counts as meaningful ("≥ 0.5 points": small meaningful change).
struct ChangeThreshold {
    Edge at;  ///< the change must be ≥ (inclusive) or > (exclusive) this magnitude
    std::string code;
    Text label;
};

struct MinimalImportantChange {
    Slot score = 0;
    std::vector<ChangeThreshold> thresholds;  ///< ascending
    Provenance provenance;
};

/// A worked example from the file: input values and what scoring them must give. The loader
/// executes every example; a file whose examples fail is refused.
struct ExampleValue {
    bool is_number = false;
    Decimal number;
    std::string text;
};

struct ExampleExpectation {
    std::string target;    ///< a score id, "interpretation:ID", "norm:ID", "flag"
    std::string expected;  ///< "3", "unable", "missing", a band code, a norm position, a flag code
    std::string pointer;   ///< where in the file, for messages
};

struct Example {
    std::string name;
    std::string pointer;
    std::vector<std::pair<std::string, std::vector<ExampleValue>>> items;
    std::optional<int> age;
    std::optional<std::string> sex;
    std::optional<std::string> birth_date;
    std::optional<std::string> test_date;
    std::vector<ExampleExpectation> expectations;
    std::optional<std::string> expect_error;  ///< the input must be refused with this message
};

struct Instrument {
    std::string id;
    std::string version;
    Text name;
    Text summary;
    std::string notes;  ///< for maintainers and readers: licence, protocol details, what is unverified
    std::string file;   ///< where it was loaded from, for messages
    std::vector<Coding> codes;
    std::vector<Source> sources;
    std::vector<Item> items;
    std::vector<Alternatives> alternatives;
    std::vector<Score> scores;
    std::optional<std::size_t> primary_score;  ///< index into scores; the "total"
    std::vector<Interpretation> interpretations;
    std::vector<NormTable> norms;
    std::vector<MinimalImportantChange> changes;
    std::vector<Example> examples;
    std::size_t trial_count = 0;  ///< total trials over all items
    /// The items whose single value the engine copies into their slot before scoring: measurement
    /// items with one trial and scored choice items (as {slot, first trial}).
    std::vector<std::pair<Slot, std::uint32_t>> slot_copies;
    /// The rules compiled for the engine (set by the loader once the file is valid).
    std::shared_ptr<const Program> program;

    std::size_t slot_count() const { return items.size() + scores.size(); }
    const Item* find_item(std::string_view item_id) const;
    const Score* find_score(std::string_view score_id) const;
    /// The id of whatever occupies a slot (an item or a score), for messages and reports.
    const std::string& slot_id(Slot slot) const;
    /// The unit of the value in a slot (a choice item's slot holds points).
    units::Unit slot_unit(Slot slot) const;
    Better slot_better(Slot slot) const;
    /// The step the values in a slot come in (1 for a choice item's points).
    Decimal slot_precision(Slot slot) const;
    /// "id version", e.g. "sppb 1.0.0".
    std::string reference() const { return id + " " + version; }
    /// True when any rule of the file is (partly) unverified.
    bool has_unverified_rules() const;
};

}  // namespace reable::protocol
