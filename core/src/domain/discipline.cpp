#include "reable/domain/discipline.hpp"

namespace reable::domain {

std::string_view to_string(Discipline discipline)
{
    switch (discipline) {
    case Discipline::ergotherapist: return "ergotherapist";
    case Discipline::physiotherapist: return "physiotherapist";
    case Discipline::household_helper: return "household_helper";
    case Discipline::social_worker: return "social_worker";
    }
    return "unknown";
}

std::string_view dutch_name(Discipline discipline)
{
    switch (discipline) {
    case Discipline::ergotherapist: return "ergotherapeut";
    case Discipline::physiotherapist: return "fysiotherapeut";
    case Discipline::household_helper: return "activerend huishoudelijk medewerker";
    case Discipline::social_worker: return "sociaal werker";
    }
    return "onbekend";
}

std::optional<Discipline> parse_discipline(std::string_view code)
{
    for (Discipline d : k_disciplines)
        if (to_string(d) == code) return d;
    return std::nullopt;
}

std::string_view discipline_codes()
{
    return "ergotherapist, physiotherapist, household_helper, social_worker";
}

}  // namespace reable::domain
