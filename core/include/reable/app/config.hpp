#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace reable::app {

/// Settings read from a configuration file (JSON):
///   { "database": "data/reable.db", "protocols": "protocols", "durability": "full" }
/// Every field is optional. Relative paths are relative to the file's own folder, so a
/// configuration works from whatever folder a command is started in.
struct Config {
    std::optional<std::filesystem::path> database;
    std::optional<std::filesystem::path> protocols;
    std::optional<std::string> durability;  ///< "full" (default) or "normal"
};

/// Reads a configuration file. Throws Error{not_found} when it does not exist and
/// Error{invalid_input} naming the field for an unknown field or a value of the wrong type.
Config load_config(const std::filesystem::path& file);

}  // namespace reable::app
