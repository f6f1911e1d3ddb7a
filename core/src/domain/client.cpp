#include "reable/domain/client.hpp"

#include <array>

namespace reable::domain {
namespace {

template <class Enum, std::size_t N>
std::optional<Enum> parse_code(std::string_view code, const std::array<Enum, N>& all)
{
    for (Enum e : all)
        if (to_string(e) == code) return e;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Sex v) { return v == Sex::female ? "female" : "male"; }

std::string_view to_string(Household v)
{
    switch (v) {
    case Household::single: return "single";
    case Household::couple: return "couple";
    case Household::with_children: return "with_children";
    case Household::with_others: return "with_others";
    }
    return "unknown";
}

std::string_view to_string(Dwelling v)
{
    switch (v) {
    case Dwelling::apartment: return "apartment";
    case Dwelling::single_family_house: return "single_family_house";
    case Dwelling::sheltered_housing: return "sheltered_housing";
    case Dwelling::other: return "other";
    }
    return "unknown";
}

std::optional<Sex> parse_sex(std::string_view code)
{
    return parse_code(code, std::array{Sex::female, Sex::male});
}

std::optional<Household> parse_household(std::string_view code)
{
    return parse_code(code,
                      std::array{Household::single, Household::couple, Household::with_children, Household::with_others});
}

std::optional<Dwelling> parse_dwelling(std::string_view code)
{
    return parse_code(code, std::array{Dwelling::apartment, Dwelling::single_family_house,
                                       Dwelling::sheltered_housing, Dwelling::other});
}

}  // namespace reable::domain
