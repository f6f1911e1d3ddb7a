#pragma once

#include "reable/protocol/instrument.hpp"
#include "reable/protocol/issue.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace reable::protocol {

/// What reading one or more instrument files produced. When `issues` is not empty the
/// instruments must not be used: a file with issues is left out of `instruments`.
struct InstrumentLoad {
    std::vector<Instrument> instruments;
    std::vector<Issue> issues;
};

/// Reads one instrument from JSON text. `file` is only used in messages. Checks the structure,
/// every reference, every band table (no gaps, no overlaps at the input's precision, edges on
/// the precision grid) and every state mapping. Does not run the worked examples: see
/// app::validate_instruments for the complete check.
InstrumentLoad read_instrument(const std::string& json_text, const std::string& file);

/// Reads every *.json file in `directory` (not recursive), in file-name order, and checks that
/// no {id, version} pair appears twice.
InstrumentLoad read_instrument_directory(const std::filesystem::path& directory);

}  // namespace reable::protocol
