#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/bsn.hpp"
#include "reable/domain/ids.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::domain {

enum class Sex { female, male };
enum class Household { single, couple, with_children, with_others };
enum class Dwelling { apartment, single_family_house, sheltered_housing, other };

std::string_view to_string(Sex v);
std::string_view to_string(Household v);
std::string_view to_string(Dwelling v);
std::optional<Sex> parse_sex(std::string_view code);
std::optional<Household> parse_household(std::string_view code);
std::optional<Dwelling> parse_dwelling(std::string_view code);

/// Someone who gives informal care (a mantelzorger). Only what the team needs to know.
struct InformalCarer {
    std::string relationship;  ///< "partner", "daughter", "neighbour" …
    int hours_per_week = 0;
    bool lives_in = false;
};

/// Who the client is: kept in a table of its own, apart from every clinical fact, so that an
/// export or a clinical query never touches it.
struct ClientIdentity {
    Bsn bsn;
    std::string name;
};

/// The client as the team sees them: no BSN, no name.
struct Client {
    ClientId id;
    calendar::Date birth_date;
    Sex sex = Sex::female;
    AreaId area;
    Household household = Household::single;
    int household_size = 1;
    Dwelling dwelling = Dwelling::apartment;
    int rooms_in_use = 0;
    int rooms_not_in_use = 0;
    int pets = 0;
    std::vector<InformalCarer> carers;
};

}  // namespace reable::domain
