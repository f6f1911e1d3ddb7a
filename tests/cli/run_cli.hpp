#pragma once

// Runs the real `reable` binary, as a user would, and captures what it prints.

#include <Poco/JSON/Object.h>

#include <string>
#include <vector>

namespace reable::testing {

struct CliResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

/// Runs the reable binary with `arguments`, feeding `input` on standard input. The
/// environment's REABLE_* variables are cleared unless given in `environment` ("NAME=value").
CliResult run_cli(const std::vector<std::string>& arguments, const std::string& input = "",
                  const std::vector<std::string>& environment = {});

/// The object a command printed with --json.
Poco::JSON::Object::Ptr parse_json(const std::string& text);

}  // namespace reable::testing
