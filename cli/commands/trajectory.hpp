#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable trajectory start | show | move | close | dropout`, `reable test record`,
/// `reable goal add | rate` and `reable schedule`.
void setup_trajectory(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
