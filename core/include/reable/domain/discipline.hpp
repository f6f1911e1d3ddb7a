#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace reable::domain {

/// The four disciplines of a reablement team. The enumerator names are the stable codes used in
/// protocol files, the database, the CLI and exports.
enum class Discipline {
    ergotherapist,        ///< occupational therapist: ADL analysis, aids advice
    physiotherapist,      ///< mobility, fall prevention, most physical tests
    household_helper,     ///< activating household helper: does tasks with the client, signals problems
    social_worker,        ///< network, general provisions, light guidance; receives the signals
};

inline constexpr std::array<Discipline, 4> k_disciplines{Discipline::ergotherapist, Discipline::physiotherapist,
                                                         Discipline::household_helper, Discipline::social_worker};

/// "physiotherapist" etc.
std::string_view to_string(Discipline discipline);
/// The Dutch name shown to users ("fysiotherapeut").
std::string_view dutch_name(Discipline discipline);
/// Parses a code ("physiotherapist"); nullopt for anything else.
std::optional<Discipline> parse_discipline(std::string_view code);
/// "ergotherapist, physiotherapist, household_helper, social_worker": for error messages.
std::string_view discipline_codes();

}  // namespace reable::domain
