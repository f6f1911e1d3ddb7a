#pragma once

#include "options.hpp"

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable export outcomes | codebook | fhir | report --out DIR [filters]` and
/// `reable export client-plot`.
void setup_export(CLI::App& app, const GlobalOptions& global);

}  // namespace reable::cli
