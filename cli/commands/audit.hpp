#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable audit verify [--expect-head HASH]` and `reable audit show --client ID [--limit N]`.
void setup_audit(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
