#pragma once

// What exports read: flat rows streamed through cursors, so that an export of any size holds one
// row (one trajectory's rows at most) in memory. The rows carry ids, dates, codes and numbers
// only: no BSN, name, address or free text is ever selected, so no writer can leak one.

#include "reable/calendar.hpp"
#include "reable/domain/client.hpp"
#include "reable/domain/ids.hpp"
#include "reable/domain/trajectory.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace reable::storage {

/// Which trajectories an export covers; each filter given narrows it.
struct ExportFilter {
    std::optional<calendar::Date> from;  ///< trajectories started on or after
    std::optional<calendar::Date> to;    ///< started on or before
    std::optional<domain::AreaId> area;  ///< the client's area
    std::optional<domain::TeamId> team;  ///< a member of the team serves the trajectory
};

/// Rows come in one order (by trajectory id); next() fills `row` and says whether there was one.
template <class Row>
class Cursor {
public:
    virtual ~Cursor() = default;
    virtual bool next(Row& row) = 0;
};

/// One trajectory with the client facts an evaluation may use.
struct ExportTrajectory {
    domain::TrajectoryId trajectory;
    domain::ClientId client;
    int ordinal = 1;  ///< the client's 1st, 2nd … trajectory by start date (of all, not only the filtered)
    std::string template_id;
    std::string template_version;
    calendar::Date start;
    domain::TrajectoryState state = domain::TrajectoryState::referred;
    std::optional<calendar::Date> ended_on;
    std::optional<domain::Closure> closure;
    std::string end_reason_code;  ///< "" when none was recorded
    calendar::Date birth_date;    ///< read to compute an age; never written out
    domain::Sex sex = domain::Sex::female;
    domain::Household household = domain::Household::single;
    domain::Dwelling dwelling = domain::Dwelling::other;
    domain::AreaId area;
    std::string area_name;
    std::optional<domain::TeamId> team;  ///< the team of the care team's members
    std::string team_name;
    std::optional<calendar::Date> melding_on;
    std::optional<int> hh_minutes_requested;
};

/// One value of a test result, flattened by the database: an item's trial or a score.
struct ExportValue {
    domain::TrajectoryId trajectory;
    std::string occasion;
    std::string instrument_id;
    std::string instrument_version;
    std::string discipline;
    calendar::Date tested_on;
    bool is_item = false;
    std::string variable;  ///< the item or score id
    int trial = 0;         ///< 1-based for items; 0 for scores
    std::string number;    ///< the value when it is a number, as stored ("6.2"); else ""
    std::string code;      ///< the value when it is text: an answer code or a state ("unable", "missing")
};

/// A decision on household help of the trajectory's client (a client's decisions appear with each
/// of the client's trajectories), oldest first.
struct ExportDecision {
    domain::TrajectoryId trajectory;
    calendar::Date decided_on;
    std::string kind;     ///< initial, reassessment
    std::string outcome;  ///< the final outcome
    std::optional<std::string> minutes_per_week;  ///< exact decimal text
    std::optional<calendar::Date> starts_on;
    std::optional<calendar::Date> ends_on;
    std::string policy_id;
    std::string policy_version;
};

/// A logged session (FHIR Encounter): who (discipline) did what, when, for how long.
struct ExportSession {
    domain::TrajectoryId trajectory;
    domain::SessionId session;
    std::string discipline;
    calendar::Date date;
    int minutes = 0;
    std::string kind;
    std::string attendance;
};

/// A COPM goal (its number within the trajectory, never its text) with one of its ratings; a goal
/// without ratings comes once with no rating.
struct ExportGoal {
    domain::TrajectoryId trajectory;
    domain::GoalId goal;
    int number = 1;
    int importance = 0;
    calendar::Date set_on;
    std::string occasion;  ///< "" when not rated
    std::optional<int> performance;
    std::optional<int> satisfaction;
    std::optional<calendar::Date> rated_on;
};

/// An instrument measured at an occasion somewhere in the cohort (the wide file's columns).
struct ExportColumnSource {
    std::string instrument_id;
    std::string instrument_version;
    std::string occasion;
};

/// A record of one export: kept before the first byte leaves, completed afterwards.
struct ExportRun {
    std::int64_t id = 0;
    std::string started_at;
    std::optional<std::string> finished_at;
    std::string user_name;
    std::string user_role;
    std::string kind;  ///< outcomes, codebook, fhir, report
    std::string filters_json;
    std::string status;  ///< streaming, complete, aborted
    std::string manifest_json = "{}";
};

class ExportReader {
public:
    virtual ~ExportReader() = default;
    virtual std::size_t count_trajectories(const ExportFilter& filter) = 0;
    virtual std::size_t count_clients(const ExportFilter& filter) = 0;
    /// Trajectories by id.
    virtual std::unique_ptr<Cursor<ExportTrajectory>> trajectories(const ExportFilter& filter) = 0;
    /// Test-result values by trajectory id, then occasion and instrument; within a result its
    /// items (in their stored order, trials in order) and then its scores. `scores_only` leaves
    /// the items out (most of the rows), for writers that need the scores alone.
    virtual std::unique_ptr<Cursor<ExportValue>> values(const ExportFilter& filter, bool scores_only = false) = 0;
    virtual std::unique_ptr<Cursor<ExportDecision>> decisions(const ExportFilter& filter) = 0;
    virtual std::unique_ptr<Cursor<ExportSession>> sessions(const ExportFilter& filter) = 0;
    virtual std::unique_ptr<Cursor<ExportGoal>> goals(const ExportFilter& filter) = 0;
    /// The distinct (instrument, version, occasion) triples measured in the cohort, sorted.
    virtual std::vector<ExportColumnSource> column_sources(const ExportFilter& filter) = 0;

    virtual std::int64_t add_run(const ExportRun& run) = 0;
    virtual void finish_run(std::int64_t id, const std::string& status, const std::string& finished_at,
                            const std::string& manifest_json) = 0;
    virtual std::optional<ExportRun> run(std::int64_t id) = 0;
};

}  // namespace reable::storage
