#pragma once

// A scratch folder for files a test writes, removed when the test ends.

#include <filesystem>
#include <string>

namespace reable::testing {

class ScratchDir {
public:
    /// A fresh folder under the system's temporary directory; `name` keeps parallel suites apart.
    explicit ScratchDir(const std::string& name);
    ~ScratchDir();
    ScratchDir(const ScratchDir&) = delete;
    ScratchDir& operator=(const ScratchDir&) = delete;

    const std::filesystem::path& path() const { return m_path; }
    /// Writes `text` to `relative` (creating folders) and returns the file's full path.
    std::string write(const std::string& relative, const std::string& text) const;
    /// Copies a shipped protocol file (relative to protocols/) to the same place under this folder.
    void copy_shipped(const std::string& relative) const;

private:
    std::filesystem::path m_path;
};

}  // namespace reable::testing
