#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable session log` and `reable signal list`.
void setup_session(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
