#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace reable::domain {

/// What kind of contact a planned or logged session is. The enumerator names are the stable codes
/// used in protocol files, the database, the CLI and exports.
enum class SessionKind {
    training,      ///< practising an activity with the client (exercise, a household task)
    assessment,    ///< observing or testing the client, e.g. an ADL analysis
    home_visit,    ///< a visit at home for advice, goals and follow-up
    phone,         ///< a call with the client or the informal carer
    team_meeting,  ///< the disciplines discussing the client together, without the client
};

inline constexpr std::array<SessionKind, 5> k_session_kinds{SessionKind::training, SessionKind::assessment,
                                                            SessionKind::home_visit, SessionKind::phone,
                                                            SessionKind::team_meeting};

/// "home_visit" etc.
std::string_view to_string(SessionKind kind);
/// Parses a code ("home_visit"); nullopt for anything else.
std::optional<SessionKind> parse_session_kind(std::string_view code);
/// "training, assessment, home_visit, phone, team_meeting": for error messages.
std::string_view session_kind_codes();

}  // namespace reable::domain
