#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable municipality add | list` and `reable team add | list | show | member add`.
void setup_organisation(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
