#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/discipline.hpp"
#include "reable/domain/ids.hpp"

#include <optional>
#include <string>

namespace reable::domain {

/// A test or questionnaire recorded at a measurement occasion: the raw values as entered, the
/// scores the engine computed, and the instrument version they were computed with, so that an old
/// result re-scores and exports reproducibly.
struct TestResult {
    TestResultId id;
    TrajectoryId trajectory;
    std::string occasion;
    std::string instrument_id;
    std::string instrument_version;
    MemberId member;
    Discipline discipline = Discipline::physiotherapist;
    calendar::Date tested_on;
    std::string inputs_json;  ///< the observation as entered (items, trials, states)
    std::string scores_json;  ///< the scores, band codes, norm positions and flags (scoring::to_stored_json)
    std::optional<std::string> total;  ///< the total score as text ("8", "unable"), for lists
};

/// A COPM goal: a problem the client wants to work on, with its importance (1–10).
struct Goal {
    GoalId id;
    TrajectoryId trajectory;
    std::string problem;
    int importance = 0;
    calendar::Date set_on;
};

/// Performance and satisfaction (1–10 each) for a goal at one occasion.
struct GoalRating {
    GoalId goal;
    std::string occasion;
    int performance = 0;
    int satisfaction = 0;
    calendar::Date rated_on;
};

}  // namespace reable::domain
