#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable demo seed --clients N --seed S` and `reable demo users`.
void setup_demo(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
