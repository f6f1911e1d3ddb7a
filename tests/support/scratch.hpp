#pragma once

#include <filesystem>
#include <string>

namespace reable::testing {

/// A scratch folder for the files one test writes (databases, inputs); removed when the test ends.
/// Each instance gets its own folder, so tests may run in parallel.
struct Scratch {
    std::filesystem::path dir;
    Scratch();
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;
    /// Writes `text` to `name` inside the folder; returns the full path.
    std::string write(const std::string& name, const std::string& text) const;
    std::filesystem::path path(const std::string& name) const { return dir / name; }
    /// Copies a shipped protocol file (relative to protocols/) to the same place in this folder.
    void copy_shipped(const std::string& relative) const;
};

}  // namespace reable::testing
