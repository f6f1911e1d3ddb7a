#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable protocols list | show ID | validate [PATH]`, for instruments and trajectory templates.
void setup_protocols(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
