#pragma once

#include "reable/scoring/input.hpp"

#include <string>
#include <vector>

namespace reable::cli {

/// The text of a file, or of standard input for "-". Throws Error{not_found}.
std::string read_text(const std::string& path);

/// Collects item values from `item=value` arguments (repeat an item for more trials) and at most
/// one JSON file or "-". Throws Error{invalid_input} when nothing or something twice is given.
scoring::ScoringInput collect_input(const std::vector<std::string>& arguments);

}  // namespace reable::cli
