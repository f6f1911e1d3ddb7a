#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable db migrate | status | backup FILE | restore FILE --yes`.
void setup_db(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
