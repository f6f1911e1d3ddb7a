#include "options.hpp"

#include "reable/app/protocol_set.hpp"
#include "reable_cli_version.hpp"

namespace reable::cli {

std::string protocols_root(const GlobalOptions& global)
{
    return global.protocols_dir.empty() ? std::string(REABLE_DEFAULT_PROTOCOLS_DIR) : global.protocols_dir;
}

protocol::Registry load_protocols(const GlobalOptions& global) { return app::load_registry(protocols_root(global)); }

}  // namespace reable::cli
