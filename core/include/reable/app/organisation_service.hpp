#pragma once

#include "reable/domain/organisation.hpp"
#include "reable/storage/database.hpp"

#include <string>
#include <vector>

namespace reable::app {

/// Registers a municipality (CBS code GMnnnn) with its areas, or adds areas to one already
/// registered under that code. Throws Error{invalid_input} for a malformed code or name and
/// Error{conflict} for an area it already has.
domain::MunicipalityId register_municipality(storage::UnitOfWork& work, const std::string& code,
                                             const std::string& name, const std::vector<std::string>& areas);

/// A team in a registered municipality. Error{invalid_input} when the municipality is unknown
/// (the message lists the known codes); Error{conflict} when the name is taken there.
domain::TeamId add_team(storage::UnitOfWork& work, const std::string& municipality_code, const std::string& name);

/// A member with one discipline (a code such as "physiotherapist"). Error{not_found} for an
/// unknown team; Error{invalid_input} for an unknown discipline or an empty name.
domain::MemberId add_member(storage::UnitOfWork& work, std::int64_t team, const std::string& name,
                            const std::string& discipline);

/// The member, or Error{not_found} naming the id.
domain::Member require_member(storage::UnitOfWork& work, std::int64_t member);

}  // namespace reable::app
