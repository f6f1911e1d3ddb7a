#pragma once

// Helpers for tests that need a trajectory template: from inline JSON text, or built in C++ with
// only what the schedule functions read.

#include "reable/protocol/issue.hpp"
#include "reable/protocol/trajectory.hpp"

#include <set>
#include <string>
#include <vector>

namespace reable::testing {

/// The instruments an inline template may name: "copm", "sppb" and "tug".
const std::set<std::string>& test_instrument_ids();

/// A valid template "demo-4w" 1.0.0: four training weeks from the start, a follow-up phase, a
/// physiotherapist twice a week, an intake with the SPPB and a TUG three months after the
/// training, and one worked example. It names the shipped instruments sppb and tug only.
const std::string& demo_template_text();

/// Loads one template from JSON text ("test.json"); fails the test (doctest REQUIRE) when it has
/// issues. Does not run its worked examples.
protocol::TrajectoryTemplate load_trajectory(const std::string& json_text);

/// The issues the loader finds in `json_text` (structure and references, not the examples).
std::vector<protocol::Issue> trajectory_issues_of(const std::string& json_text);

/// A date from "YYYY-MM-DD"; fails the test when the text is not a date that exists.
calendar::Date day(const char* iso);
/// "YYYY-MM-DD": dates compared as text print readably when a check fails.
std::string iso(calendar::Date day);

/// A template with `training_weeks` and `grace_days` and nothing else yet.
protocol::TrajectoryTemplate bare_template(int training_weeks, int grace_days = 14);
/// `per_week` sessions of `minutes` in weeks `from` to `to`, in the phase "training".
protocol::SessionPlan session_plan(domain::Discipline discipline, int from, int to, int per_week, int minutes = 45,
                                   domain::SessionKind kind = domain::SessionKind::training);
/// An occasion `amount` weeks or months after its anchor, with its window.
protocol::Occasion occasion(const std::string& id, protocol::Anchor anchor, int amount, protocol::Offset::Unit unit,
                            int days_before = 0, int days_after = 0);

}  // namespace reable::testing
