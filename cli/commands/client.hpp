#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable client add | show | list` and `reable melding add | update | list`.
void setup_client(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
