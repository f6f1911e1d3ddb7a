#pragma once

#include "reable/calendar.hpp"
#include "reable/decimal.hpp"
#include "reable/domain/decision.hpp"
#include "reable/domain/onderzoek.hpp"
#include "reable/protocol/provenance.hpp"
#include "reable/protocol/trajectory.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The in-memory form of the decision files in protocols/policies/: a municipality's decision
/// policy (reable.policy/1) and the household-help norm tables it uses (reable.hh-norms/1).
/// Every number and every rule carries its provenance; protocols/README.md documents both
/// formats field by field and the names here follow it.
namespace reable::protocol {

/// A number with decimals (minutes, cut-offs) and where it comes from.
struct SourcedDecimal {
    Decimal value;
    Provenance provenance;
};

// ---- household-help norm tables ----

/// The facts of the home that an extra item (meerpost) can count. A closed vocabulary: a norm
/// file names one per item, C++ knows how to count each.
enum class NormFact : std::uint8_t {
    limitation_some,        ///< the client's limitations ask some extra effort (once)
    limitation_much,        ///< … much extra effort (once)
    household_composition,  ///< two or more people in the household (once)
    room_in_use,            ///< each room in use beyond the basis set
    room_not_in_use,        ///< each room not in use beyond the basis set
    pets,                   ///< pets that cause extra pollution (once)
};
std::string_view to_string(NormFact fact);
std::optional<NormFact> norm_fact_from_string(std::string_view text);
std::string_view norm_fact_codes();

/// When a band applies. Bands are tried in the order reduced_need, aggravating, average
/// (the Drechtsteden model, wmo-rules.md §6c step C2).
enum class BandCondition : std::uint8_t {
    reduced_need,  ///< client or network does the light and medium tasks, or a small home / care studio
    aggravating,   ///< at least one extra item applies
    average,       ///< otherwise
};
std::string_view to_string(BandCondition condition);
std::optional<BandCondition> band_condition_from_string(std::string_view text);

/// A meerpost: minutes per week added for a fact of the home. `minutes` is empty when the source
/// gives no value (KPMG's pets item): the item then counts nothing and the decision is flagged
/// for a motivated maatwerk amount.
struct ExtraItem {
    std::string id;
    Text label;
    NormFact fact = NormFact::limitation_some;
    std::optional<Decimal> minutes;
    Provenance provenance;
};

/// A band of the band model: its limits in minutes per week, when it applies, its base minutes,
/// and whether the extra items are added to the base.
struct NormBand {
    std::string id;
    Text label;
    Decimal min;
    Decimal max;
    BandCondition when = BandCondition::average;
    Decimal base_minutes;
    bool add_extra_items = false;
    /// The same help delivered once every two weeks ("150 minutes per two weeks"), when the norm
    /// allows it for this band.
    std::optional<Decimal> two_weekly_minutes;
    Provenance provenance;
};

/// The facts a worked example of a norm table feeds in.
struct NeedFacts {
    bool light_and_medium_done = false;  ///< by the client, the network or gebruikelijke hulp
    bool small_dwelling = false;
    domain::Limitation limitation = domain::Limitation::none;
    int household_size = 1;
    int rooms_in_use = 0;      ///< beyond the basis set
    int rooms_not_in_use = 0;  ///< beyond the basis set
    bool pets = false;
};

struct NormExample {
    std::string name;
    std::string pointer;
    NeedFacts facts;
    std::string band;
    Decimal computed;  ///< before rounding
    Decimal minutes_per_week;
    bool needs_motivation = false;
};

/// One version of a household-help norm table. Immutable once loaded.
struct HhNorms {
    std::string id;
    std::string version;
    Text label;
    std::string notes;
    std::vector<Source> sources;
    Text basis_rooms;  ///< which rooms the base covers; extra rooms are counted beyond these
    std::vector<NormBand> bands;
    std::vector<ExtraItem> extra_items;
    SourcedDecimal round_up_to;  ///< minutes; the computed value is rounded up to a multiple of it
    std::vector<NormExample> examples;
    std::string file;

    std::string reference() const { return id + " " + version; }
    const NormBand* find_band(std::string_view band_id) const;
    const NormBand* band_for(BandCondition condition) const;
};

// ---- decision policies ----

/// Whether reablement comes before household help or is offered as a free choice.
enum class PrecedenceMode : std::uint8_t { precedence, voluntary };
std::string_view to_string(PrecedenceMode mode);
std::optional<PrecedenceMode> precedence_mode_from_string(std::string_view text);

/// The exclusions from the reablement target group (wmo-rules.md §6a rules A1–A6).
enum class Exclusion : std::uint8_t {
    terminal,
    bedbound,
    cognition,
    psychiatric,
    institutional_care,
    no_communication,
};
std::string_view to_string(Exclusion exclusion);
std::optional<Exclusion> exclusion_from_string(std::string_view text);
std::string_view exclusion_codes();

struct ExclusionRule {
    Exclusion exclusion = Exclusion::terminal;
    /// cognition only: a screen score below this excludes (MMSE-type, 0–30).
    std::optional<Decimal> screen_below;
    /// cognition only: these dementia grades exclude.
    std::vector<domain::Dementia> dementia;
    Provenance provenance;
};

/// Which way the physical-test cut-off includes: at_most — a score ≤ cut-off is in the target
/// group (limitations worth training); at_least — a score ≥ cut-off is.
enum class CutoffDirection : std::uint8_t { at_most, at_least };
std::string_view to_string(CutoffDirection direction);
std::optional<CutoffDirection> cutoff_direction_from_string(std::string_view text);

struct PhysicalTestRule {
    std::string instrument;  ///< an instrument id of the same protocol set
    std::string score;       ///< one of its scores
    Decimal cutoff;
    CutoffDirection direction = CutoffDirection::at_most;
    int max_age_days = 0;  ///< a result older than this on the decision date does not count
    Provenance provenance;
};

struct TargetGroupRule {
    std::vector<ExclusionRule> exclusions;
    SourcedNumber min_age;
    SourcedNumber max_decline_months;  ///< decline since at most this many months, or recoverable
    std::optional<PhysicalTestRule> physical_test;
    std::optional<Provenance> household_goal;  ///< set: at least one household goal is required
};

/// What happens when reablement cannot start within max_wait_days.
enum class WhenUnavailable : std::uint8_t { assess_hh, temporary_hh };
std::string_view to_string(WhenUnavailable v);
std::optional<WhenUnavailable> when_unavailable_from_string(std::string_view text);

/// The end-of-trajectory reassessment: the re-test against the intake and the goals.
struct ReassessmentRule {
    std::string instrument;
    std::string score;
    std::string intake_occasion;
    std::string retest_occasion;
    SourcedNumber goal_min_gain;  ///< COPM performance gain that counts a goal as met
    Provenance provenance;
};

/// What a policy's worked example feeds in and expects. Only the facts that differ from the
/// defaults are written in the file.
struct PolicyExampleInput {
    calendar::Date date;
    int age = 75;
    NeedFacts home;
    domain::OnderzoekFindings findings;
    std::map<std::string, std::string> tests;  ///< "sppb.total" → "8" or a state ("unable")
    domain::Choice choice = domain::Choice::not_asked;
    bool reassessment = false;
    std::optional<std::string> retest_change;  ///< "meaningful", "not_meaningful" or "declined"
    int goals = 0;
    int goals_met = 0;
    bool dropout = false;
};

struct PolicyExample {
    std::string name;
    std::string pointer;
    PolicyExampleInput input;
    std::optional<domain::Outcome> outcome;
    std::optional<std::string> band;
    std::optional<Decimal> minutes_per_week;
    std::vector<std::string> reasons;         ///< reason codes that must all be present
    std::optional<std::string> reassessment;  ///< self_reliant, partial_gain, no_gain, dropout
    std::optional<std::string> error;         ///< the error code the input must give
};

/// One version of a municipality's decision policy. Immutable once loaded.
struct Policy {
    std::string id;
    std::string version;
    Text label;
    Text description;
    std::string notes;
    std::vector<Source> sources;
    Text municipality;  ///< the college that decides ("college van B&W van Groningen")

    PrecedenceMode mode = PrecedenceMode::precedence;
    Provenance mode_provenance;
    /// precedence only: how reablement comes first in law (wmo-rules.md §6b guard-rail 1).
    std::string legal_route;

    TargetGroupRule target_group;
    SourcedNumber max_wait_days;
    WhenUnavailable when_unavailable = WhenUnavailable::assess_hh;
    Provenance unavailable_provenance;
    SourcedNumber temporary_weeks;  ///< how long temporary HH runs

    std::string trajectory;  ///< the template reablement follows (its training weeks fix the review)
    ReassessmentRule reassessment;

    std::string norms;            ///< the id of the HH norm table
    SourcedNumber hh_months;      ///< how long a grant runs
    SourcedNumber review_months;  ///< when a grant is reviewed
    SourcedNumber objection_weeks;
    std::optional<std::string> product_code;  ///< the municipality's iWmo product code, when configured

    std::vector<PolicyExample> examples;
    std::string file;

    std::string reference() const { return id + " " + version; }
    const ExclusionRule* find_exclusion(Exclusion exclusion) const;
};

}  // namespace reable::protocol
