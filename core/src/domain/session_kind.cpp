#include "reable/domain/session_kind.hpp"

namespace reable::domain {

std::string_view to_string(SessionKind kind)
{
    switch (kind) {
    case SessionKind::training: return "training";
    case SessionKind::assessment: return "assessment";
    case SessionKind::home_visit: return "home_visit";
    case SessionKind::phone: return "phone";
    case SessionKind::team_meeting: return "team_meeting";
    }
    return "unknown";
}

std::optional<SessionKind> parse_session_kind(std::string_view code)
{
    for (SessionKind kind : k_session_kinds)
        if (to_string(kind) == code) return kind;
    return std::nullopt;
}

std::string_view session_kind_codes() { return "training, assessment, home_visit, phone, team_meeting"; }

}  // namespace reable::domain
