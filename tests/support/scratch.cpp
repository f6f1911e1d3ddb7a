#include "support/scratch.hpp"

#include <atomic>
#include <fstream>

#include <unistd.h>

namespace reable::testing {

Scratch::Scratch()
{
    static std::atomic<int> counter{0};
    dir = std::filesystem::temp_directory_path() /
          ("reable-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
}

Scratch::~Scratch()
{
    std::error_code ignored;
    std::filesystem::remove_all(dir, ignored);
}

std::string Scratch::write(const std::string& name, const std::string& text) const
{
    const auto p = dir / name;
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p) << text;
    return p.string();
}

void Scratch::copy_shipped(const std::string& relative) const
{
    const auto target = dir / relative;
    std::filesystem::create_directories(target.parent_path());
    std::filesystem::copy_file(std::filesystem::path(REABLE_SOURCE_PROTOCOLS_DIR) / relative, target,
                               std::filesystem::copy_options::overwrite_existing);
}

}  // namespace reable::testing
