#include "reable/protocol/provenance.hpp"

#include <array>

namespace reable::protocol {
namespace {

constexpr std::array<std::string_view, 5> k_confidence_names{"confirmed", "secondary", "partly_unverified",
                                                             "unverified", "default"};

}  // namespace

std::string_view to_string(Confidence c) { return k_confidence_names[static_cast<std::size_t>(c)]; }

std::optional<Confidence> confidence_from_string(std::string_view text)
{
    for (std::size_t i = 0; i < k_confidence_names.size(); ++i)
        if (k_confidence_names[i] == text) return static_cast<Confidence>(i);
    return std::nullopt;
}

}  // namespace reable::protocol
