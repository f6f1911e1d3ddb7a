#include "support/text_edit.hpp"

#include <doctest/doctest.h>

namespace reable::testing {

std::string replaced_once(std::string text, const std::string& from, const std::string& to)
{
    const auto at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, "not in the file: " << from);
    REQUIRE_MESSAGE(text.find(from, at + 1) == std::string::npos, "more than once in the file: " << from);
    return text.replace(at, from.size(), to);
}

std::vector<std::string> issue_lines(const std::vector<protocol::Issue>& issues)
{
    std::vector<std::string> lines;
    for (const protocol::Issue& issue : issues) lines.push_back(protocol::format_issue(issue));
    return lines;
}

}  // namespace reable::testing
