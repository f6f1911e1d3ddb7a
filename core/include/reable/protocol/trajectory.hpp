#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/discipline.hpp"
#include "reable/domain/session_kind.hpp"
#include "reable/protocol/provenance.hpp"
#include "reable/schedule/occasion_status.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

/// The in-memory form of a trajectory template file (protocols/trajectories/*.json): the phases of
/// a reablement trajectory, the sessions each discipline plans in them, and the measurement
/// occasions with their windows and instruments. A template holds no dates: the schedule
/// functions (schedule/schedule.hpp) turn it and a start date into a plan. Every number carries
/// its provenance, so a default is never mistaken for a sourced rule. protocols/README.md
/// documents the file format field by field; the names here follow it.
namespace reable::protocol {

/// A whole number and where it comes from.
struct SourcedNumber {
    int value = 0;
    Provenance provenance;
};

/// Whole weeks counted from the start, both ends included. Week 1 is the start day and the six
/// days after it: week w runs from start + 7·(w − 1) days to start + 7·w − 1 days.
struct WeekRange {
    int from = 1;
    int to = 1;
    Provenance provenance;

    bool contains(const WeekRange& other) const { return from <= other.from && other.to <= to; }
    bool overlaps(const WeekRange& other) const { return from <= other.to && other.from <= to; }
};

/// Whole calendar months counted from the end of the training, both ends included.
struct MonthRange {
    int from = 0;
    int to = 0;
    Provenance provenance;
};

/// A stretch of a trajectory with one purpose: training, maintenance, follow-up. Exactly one of
/// `weeks` and `months_after_training` is set. Phases counted in weeks do not overlap, and the
/// phase "training" runs from week 1 to week `training_weeks`.
struct Phase {
    std::string id;
    Text label;
    std::optional<WeekRange> weeks;
    std::optional<MonthRange> months_after_training;
};

/// The sessions one discipline gives in a phase: in every week of `weeks`, `per_week` sessions of
/// `minutes` each.
struct SessionPlan {
    domain::Discipline discipline = domain::Discipline::physiotherapist;
    domain::SessionKind kind = domain::SessionKind::training;
    std::string phase;  ///< the id of a phase counted in weeks; `weeks` lies inside it
    WeekRange weeks;
    SourcedNumber per_week;  ///< 1 to 7
    SourcedNumber minutes;   ///< of each session
};

/// The day an occasion's offset counts from.
enum class Anchor : std::uint8_t {
    start,         ///< the first day of the trajectory (week 1, day 1)
    training_end,  ///< the first day after the training: start + 7 × training_weeks days
};
/// "start" or "training_end".
std::string_view to_string(Anchor anchor);
std::optional<Anchor> anchor_from_string(std::string_view text);

/// How far an occasion's target day lies after its anchor: whole weeks of 7 days, or calendar
/// months (calendar::add_months_clamped: 31 January + 1 month = 28 or 29 February).
struct Offset {
    enum class Unit : std::uint8_t { weeks, months };
    int amount = 0;
    Unit unit = Unit::weeks;
    Provenance provenance;
};

/// The days around the target day within which an occasion is on time (REDCap's offset min and
/// max): from target − days_before to target + days_after, both included.
struct Window {
    int days_before = 0;
    int days_after = 0;
    Provenance provenance;
};

/// An instrument measured at an occasion and the disciplines that may perform and record it.
struct OccasionInstrument {
    std::string instrument;  ///< the id of an instrument of the same protocol set
    std::vector<domain::Discipline> disciplines;
    Provenance provenance;  ///< of the choice: this instrument, at this occasion, by these disciplines
};

/// A measurement occasion: a target day, a window around it, and what is measured.
struct Occasion {
    std::string id;  ///< stable ("intake", "week_7", "fu_3m"): stored measurements refer to it
    Text label;
    Anchor anchor = Anchor::start;
    Offset offset;
    Window window;
    std::vector<OccasionInstrument> instruments;
};

/// Worked examples, checked whenever the template is loaded (schedule/examples.hpp). Each
/// expectation keeps the JSON pointer it was read from, for messages.
struct ExpectedOccasionDates {
    std::string occasion;
    std::optional<calendar::Date> target;
    std::optional<calendar::Date> earliest;
    std::optional<calendar::Date> latest;
    std::string pointer;
};

/// How many sessions one discipline has in the whole plan.
struct ExpectedSessionCount {
    domain::Discipline discipline = domain::Discipline::physiotherapist;
    int planned = 0;
    std::string pointer;
};

/// The state of an occasion on `today`, given when it was done and when the trajectory closed.
struct ExpectedStatus {
    std::string occasion;
    calendar::Date today;
    std::optional<calendar::Date> done_on;
    std::optional<calendar::Date> closed_on;
    schedule::OccasionStatus status = schedule::OccasionStatus::upcoming;
    std::optional<int> deviation_days;
    std::optional<bool> within_window;
    std::string pointer;
};

struct TrajectoryExample {
    std::string name;
    std::string pointer;
    calendar::Date start;
    std::vector<ExpectedOccasionDates> occasions;
    std::vector<ExpectedSessionCount> planned_sessions;
    std::vector<ExpectedStatus> statuses;
};

/// How many numbers and instrument choices of a template rest on each kind of provenance.
struct ProvenanceCounts {
    int sourced = 0;     ///< confirmed or secondary
    int unverified = 0;  ///< unverified or partly unverified
    int defaults = 0;    ///< documented defaults
};

/// One version of a trajectory template. Immutable once loaded.
struct TrajectoryTemplate {
    std::string id;
    std::string version;
    Text label;
    Text description;
    std::string notes;
    std::vector<Source> sources;
    SourcedNumber training_weeks;  ///< the training phase is weeks 1 to training_weeks
    SourcedNumber grace_days;      ///< after a window closes: overdue for this many days, then missed
    std::vector<Phase> phases;
    std::vector<SessionPlan> session_plans;
    std::vector<Occasion> occasions;
    std::vector<TrajectoryExample> examples;
    std::string file;  ///< where it was read from

    /// "groningen-14w-2y 1.0.0".
    std::string reference() const { return id + " " + version; }
    const Phase* find_phase(std::string_view phase_id) const;
    const Occasion* find_occasion(std::string_view occasion_id) const;
    /// The provenance of every number and every instrument choice, in file order.
    std::vector<const Provenance*> provenances() const;
    ProvenanceCounts provenance_counts() const;
};

}  // namespace reable::protocol
