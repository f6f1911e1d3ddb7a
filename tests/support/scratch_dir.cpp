#include "support/scratch_dir.hpp"

#include <fstream>
#include <unistd.h>

namespace reable::testing {

ScratchDir::ScratchDir(const std::string& name)
    : m_path(std::filesystem::temp_directory_path() / ("reable-" + name + "-" + std::to_string(::getpid())))
{
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
}

ScratchDir::~ScratchDir()
{
    std::error_code ignored;  // a destructor must not throw; a left-over temporary folder is harmless
    std::filesystem::remove_all(m_path, ignored);
}

std::string ScratchDir::write(const std::string& relative, const std::string& text) const
{
    const auto file = m_path / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file) << text;
    return file.string();
}

void ScratchDir::copy_shipped(const std::string& relative) const
{
    const auto target = m_path / relative;
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::copy_file(std::filesystem::path(REABLE_SOURCE_PROTOCOLS_DIR) / relative, target,
                               std::filesystem::copy_options::overwrite_existing);
}

}  // namespace reable::testing
