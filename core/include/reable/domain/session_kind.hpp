#pragma once

#include <optional>
#include <string_view>

namespace reable::domain {

/// What a logged or planned session was. The enumerator names are the stable codes.
enum class SessionKind { training, assessment, home_visit, phone, team_meeting };

std::string_view to_string(SessionKind kind);
std::optional<SessionKind> parse_session_kind(std::string_view code);
/// "training, assessment, home_visit, phone, team_meeting": for error messages.
std::string_view session_kind_codes();

}  // namespace reable::domain
