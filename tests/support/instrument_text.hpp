#pragma once

// Helpers for tests that need an instrument: from inline JSON text, or the shipped set.

#include "reable/error.hpp"
#include "reable/protocol/issue.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/scoring/change.hpp"
#include "reable/scoring/engine.hpp"
#include "reable/scoring/input.hpp"
#include "reable/scoring/report.hpp"

#include <doctest/doctest.h>

#include <string>
#include <vector>

/// Lists of messages print one per line in failures, so a wrong word is easy to spot.
template <>
struct doctest::StringMaker<std::vector<std::string>> {
    static String convert(const std::vector<std::string>& lines)
    {
        std::string out = "[";
        for (const std::string& line : lines) out += "\n  \"" + line + "\"";
        out += lines.empty() ? "]" : "\n]";
        return String(out.c_str());
    }
};

namespace reable::testing {

/// Loads one instrument from JSON text; fails the test (doctest REQUIRE) when it has issues.
protocol::Instrument load_instrument(const std::string& json_text);

/// The issues the loader finds in `json_text` (structure and rules, not the examples).
std::vector<protocol::Issue> issues_of(const std::string& json_text);

/// The shipped protocol set, loaded and validated once per test binary.
const protocol::Registry& shipped();

/// Parses `item=value` style arguments into raw items (repeats add trials), like the CLI.
std::vector<scoring::RawItem> raw_items(const std::vector<std::pair<std::string, std::string>>& values);

/// Scores values given as text against an instrument and returns the report.
/// Subject fields: age (years, -1 = none) and sex ("" = none).
scoring::ScoreReport score_text(const protocol::Instrument& instrument,
                                const std::vector<std::pair<std::string, std::string>>& values, int age = -1,
                                const std::string& sex = "");

/// Scores two occasions (2026-01-05 and 2026-04-13) and compares them. Age -1 and sex "" mean
/// not given.
scoring::ChangeReport change_between(const protocol::Instrument& instrument,
                                     const std::vector<std::pair<std::string, std::string>>& before,
                                     const std::vector<std::pair<std::string, std::string>>& after, int age = -1,
                                     const std::string& sex = "");
/// The change line of a score or item; fails the test when there is none.
const scoring::ChangeLine& change_line(const scoring::ChangeReport& report, const std::string& id);

/// The value of a score in a report as text: "3", "6.2", "unable", "missing".
std::string score_of(const scoring::ScoreReport& report, const std::string& score_id);
/// The applied band code of an interpretation, or its status ("state", "needs_sex" …).
std::string interpretation_of(const scoring::ScoreReport& report, const std::string& id);
/// The norm position ("below", "within", "above") or status.
std::string norm_of(const scoring::ScoreReport& report, const std::string& id);

}  // namespace reable::testing
