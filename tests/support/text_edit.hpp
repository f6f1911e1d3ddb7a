#pragma once

// Helpers for tests that break a valid protocol file in one way and read back the issues.

#include "reable/protocol/issue.hpp"

#include <string>
#include <vector>

namespace reable::testing {

/// `text` with `from` replaced by `to`. Fails the test (doctest REQUIRE) unless `from` occurs
/// exactly once, so that a test never edits a place it did not mean to.
std::string replaced_once(std::string text, const std::string& from, const std::string& to);

/// Issues as the validator prints them: "file: /pointer: message".
std::vector<std::string> issue_lines(const std::vector<protocol::Issue>& issues);

}  // namespace reable::testing
