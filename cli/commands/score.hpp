#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable score ID [INPUT…]` and `reable change ID BEFORE AFTER`.
void setup_score(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
