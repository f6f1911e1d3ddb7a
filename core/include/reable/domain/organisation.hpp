#pragma once

#include "reable/domain/discipline.hpp"
#include "reable/domain/ids.hpp"

#include <optional>
#include <string>

namespace reable::domain {

/// A municipality, identified to users by its CBS code ("GM0014" is Groningen).
struct Municipality {
    MunicipalityId id;
    std::string code;
    std::string name;
};

/// A district or neighbourhood of a municipality (in Groningen: a WIJ area).
struct Area {
    AreaId id;
    MunicipalityId municipality;
    std::string name;
};

/// A reablement team working in one municipality.
struct Team {
    TeamId id;
    MunicipalityId municipality;
    std::string name;
};

/// A team member with one discipline. Members are never deleted, only made inactive, so that
/// the sessions they logged keep their author.
struct Member {
    MemberId id;
    TeamId team;
    std::string name;
    Discipline discipline = Discipline::physiotherapist;
    bool active = true;
};

}  // namespace reable::domain
