#pragma once

#include "reable/protocol/registry.hpp"

#include <string>

namespace reable::cli {

/// Options every command shares.
struct GlobalOptions {
    std::string protocols_dir;  ///< --protocols or REABLE_PROTOCOLS; empty: the shipped set
};

/// The protocol root in effect: --protocols, else REABLE_PROTOCOLS, else the shipped protocols.
std::string protocols_root(const GlobalOptions& global);

/// Loads and validates the whole protocol set; throws Error{protocol_invalid} listing every issue.
protocol::Registry load_protocols(const GlobalOptions& global);

}  // namespace reable::cli
