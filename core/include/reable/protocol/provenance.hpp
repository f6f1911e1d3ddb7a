#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

/// Where the rules and numbers of a protocol file come from. Shared by instruments and
/// trajectory templates, so that both speak of their sources in the same words.
namespace reable::protocol {

/// How sure we are of a rule or a number, as labelled in the reference (instruments.md), plus
/// `documented_default` (written "default"): a value Reable chose and documents because no source
/// fixes it. Only trajectory templates may use it; an instrument's rules all come from sources.
enum class Confidence : std::uint8_t { confirmed, secondary, partly_unverified, unverified, documented_default };
/// "confirmed", "secondary", "partly_unverified", "unverified" or "default".
std::string_view to_string(Confidence confidence);
/// The inverse of to_string; nullopt for any other text.
std::optional<Confidence> confidence_from_string(std::string_view text);
/// True for the labels that must never be presented as validated.
inline bool is_unverified(Confidence c) { return c == Confidence::partly_unverified || c == Confidence::unverified; }
/// True when a source fixes the value (confirmed or secondary): unverified rules and defaults are
/// never presented as sourced.
inline bool is_sourced(Confidence c) { return c == Confidence::confirmed || c == Confidence::secondary; }

/// A label in both languages the product speaks.
struct Text {
    std::string nl;
    std::string en;
};

/// A publication or form the file cites; rules refer to it by id.
struct Source {
    std::string id;
    std::string citation;
};

/// Where a rule comes from and how sure we are of it. Every rule carries one.
struct Provenance {
    std::size_t source = 0;  ///< index into the file's sources
    Confidence confidence = Confidence::confirmed;
    std::string note;  ///< why it is (partly) unverified or a default, or other caveats
};

}  // namespace reable::protocol
