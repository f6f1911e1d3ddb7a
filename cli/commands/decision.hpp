#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable onderzoek record | show`, `reable decide` and `reable decision show | list`.
void setup_decision(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
