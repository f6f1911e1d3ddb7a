#pragma once

#include <iosfwd>
#include <string>
#include <vector>

namespace reable::protocol {

/// One problem in a protocol file: which file, where in it (a JSON pointer, RFC 6901; empty for
/// the file as a whole) and what is wrong. The validator collects all of them before refusing.
struct Issue {
    std::string file;
    std::string pointer;
    std::string message;
    friend bool operator==(const Issue&, const Issue&) = default;
};

/// "protocols/instruments/sppb.json: /scores/2/bands/1: message" (the pointer part is left out
/// when it is empty).
std::string format_issue(const Issue& issue);
std::ostream& operator<<(std::ostream& out, const Issue& issue);

}  // namespace reable::protocol
