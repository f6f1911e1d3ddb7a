#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable import sessions FILE.csv`.
void setup_import(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
