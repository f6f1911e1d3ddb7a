#include "reable/domain/user.hpp"

#include <array>
#include <utility>

namespace reable::domain {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 4> k_roles{{
    {Role::team_member, "team_member"},
    {Role::access_assessor, "access_assessor"},
    {Role::evaluator, "evaluator"},
    {Role::administrator, "administrator"},
}};
}  // namespace

std::string_view to_string(Role role)
{
    for (const auto& [r, code] : k_roles)
        if (r == role) return code;
    return "unknown";
}

std::optional<Role> parse_role(std::string_view code)
{
    for (const auto& [r, name] : k_roles)
        if (name == code) return r;
    return std::nullopt;
}

std::string_view role_codes() { return "team_member, access_assessor, evaluator, administrator"; }

}  // namespace reable::domain
