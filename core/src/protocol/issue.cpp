#include "reable/protocol/issue.hpp"

#include <ostream>

namespace reable::protocol {

std::string format_issue(const Issue& issue)
{
    std::string out = issue.file + ": ";
    if (!issue.pointer.empty()) out += issue.pointer + ": ";
    return out + issue.message;
}

std::ostream& operator<<(std::ostream& out, const Issue& issue) { return out << format_issue(issue); }

}  // namespace reable::protocol
