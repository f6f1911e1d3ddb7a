#pragma once

#include "options.hpp"
#include "reable/domain/user.hpp"
#include "reable/storage/database.hpp"

#include <string>

namespace CLI {
class App;
}

namespace reable::cli {

/// `reable user add | passwd | disable | list`. Passwords come from standard input, never from an
/// argument (which `ps` and the shell history would show).
void setup_user(CLI::App& app, const GlobalOptions& global);

/// What a user may see, in words: "physiotherapist, team 1 (WIJ Oost)" for a team member, the
/// municipality's CBS code for an access assessor, "-" for roles without a scope.
std::string user_scope(storage::UnitOfWork& work, const domain::User& user);

}  // namespace reable::cli
