#include "reable/protocol/policy.hpp"

#include <array>
#include <utility>

namespace reable::protocol {
namespace {

template <class Enum, std::size_t N>
std::string_view name_of(Enum value, const std::array<std::pair<Enum, std::string_view>, N>& names)
{
    for (const auto& [e, name] : names)
        if (e == value) return name;
    return "unknown";
}

template <class Enum, std::size_t N>
std::optional<Enum> parse_name(std::string_view text, const std::array<std::pair<Enum, std::string_view>, N>& names)
{
    for (const auto& [e, name] : names)
        if (name == text) return e;
    return std::nullopt;
}

constexpr std::array k_facts{
    std::pair{NormFact::limitation_some, std::string_view("limitation_some")},
    std::pair{NormFact::limitation_much, std::string_view("limitation_much")},
    std::pair{NormFact::household_composition, std::string_view("household_composition")},
    std::pair{NormFact::room_in_use, std::string_view("room_in_use")},
    std::pair{NormFact::room_not_in_use, std::string_view("room_not_in_use")},
    std::pair{NormFact::pets, std::string_view("pets")},
};

constexpr std::array k_conditions{
    std::pair{BandCondition::reduced_need, std::string_view("reduced_need")},
    std::pair{BandCondition::aggravating, std::string_view("aggravating")},
    std::pair{BandCondition::average, std::string_view("average")},
};

constexpr std::array k_modes{
    std::pair{PrecedenceMode::precedence, std::string_view("precedence")},
    std::pair{PrecedenceMode::voluntary, std::string_view("voluntary")},
};

constexpr std::array k_exclusions{
    std::pair{Exclusion::terminal, std::string_view("terminal")},
    std::pair{Exclusion::bedbound, std::string_view("bedbound")},
    std::pair{Exclusion::cognition, std::string_view("cognition")},
    std::pair{Exclusion::psychiatric, std::string_view("psychiatric")},
    std::pair{Exclusion::institutional_care, std::string_view("institutional_care")},
    std::pair{Exclusion::no_communication, std::string_view("no_communication")},
};

constexpr std::array k_directions{
    std::pair{CutoffDirection::at_most, std::string_view("at_most")},
    std::pair{CutoffDirection::at_least, std::string_view("at_least")},
};

constexpr std::array k_unavailable{
    std::pair{WhenUnavailable::assess_hh, std::string_view("assess_hh")},
    std::pair{WhenUnavailable::temporary_hh, std::string_view("temporary_hh")},
};

}  // namespace

std::string_view to_string(NormFact fact) { return name_of(fact, k_facts); }
std::optional<NormFact> norm_fact_from_string(std::string_view text) { return parse_name(text, k_facts); }
std::string_view norm_fact_codes()
{
    return "limitation_some, limitation_much, household_composition, room_in_use, room_not_in_use, pets";
}

std::string_view to_string(BandCondition condition) { return name_of(condition, k_conditions); }
std::optional<BandCondition> band_condition_from_string(std::string_view text)
{
    return parse_name(text, k_conditions);
}

std::string_view to_string(PrecedenceMode mode) { return name_of(mode, k_modes); }
std::optional<PrecedenceMode> precedence_mode_from_string(std::string_view text) { return parse_name(text, k_modes); }

std::string_view to_string(Exclusion exclusion) { return name_of(exclusion, k_exclusions); }
std::optional<Exclusion> exclusion_from_string(std::string_view text) { return parse_name(text, k_exclusions); }
std::string_view exclusion_codes()
{
    return "terminal, bedbound, cognition, psychiatric, institutional_care, no_communication";
}

std::string_view to_string(CutoffDirection direction) { return name_of(direction, k_directions); }
std::optional<CutoffDirection> cutoff_direction_from_string(std::string_view text)
{
    return parse_name(text, k_directions);
}

std::string_view to_string(WhenUnavailable v) { return name_of(v, k_unavailable); }
std::optional<WhenUnavailable> when_unavailable_from_string(std::string_view text)
{
    return parse_name(text, k_unavailable);
}

const NormBand* HhNorms::find_band(std::string_view band_id) const
{
    for (const NormBand& band : bands)
        if (band.id == band_id) return &band;
    return nullptr;
}

const NormBand* HhNorms::band_for(BandCondition condition) const
{
    for (const NormBand& band : bands)
        if (band.when == condition) return &band;
    return nullptr;
}

const ExclusionRule* Policy::find_exclusion(Exclusion exclusion) const
{
    for (const ExclusionRule& rule : target_group.exclusions)
        if (rule.exclusion == exclusion) return &rule;
    return nullptr;
}

}  // namespace reable::protocol
