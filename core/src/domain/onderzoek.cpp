#include "reable/domain/onderzoek.hpp"

namespace reable::domain {

std::string_view to_string(Limitation v)
{
    switch (v) {
    case Limitation::none: return "none";
    case Limitation::some: return "some";
    case Limitation::much: return "much";
    }
    return "unknown";
}

std::optional<Limitation> parse_limitation(std::string_view code)
{
    for (Limitation v : {Limitation::none, Limitation::some, Limitation::much})
        if (to_string(v) == code) return v;
    return std::nullopt;
}

std::string_view to_string(Dementia v)
{
    switch (v) {
    case Dementia::none: return "none";
    case Dementia::mild: return "mild";
    case Dementia::moderate: return "moderate";
    case Dementia::severe: return "severe";
    }
    return "unknown";
}

std::optional<Dementia> parse_dementia(std::string_view code)
{
    for (Dementia v : {Dementia::none, Dementia::mild, Dementia::moderate, Dementia::severe})
        if (to_string(v) == code) return v;
    return std::nullopt;
}

}  // namespace reable::domain
