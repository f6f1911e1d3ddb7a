#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/discipline.hpp"
#include "reable/domain/ids.hpp"
#include "reable/domain/session_kind.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::domain {

enum class Attendance { attended, cancelled, no_show };
std::string_view to_string(Attendance a);
std::optional<Attendance> parse_attendance(std::string_view code);

/// Problems a team member notices at home; they land on the social worker's list.
enum class SignalKind { caregiver_overload, loneliness, cognitive_decline, fall, financial_trouble, unsafe_home };
std::string_view to_string(SignalKind k);
std::optional<SignalKind> parse_signal_kind(std::string_view code);
std::string_view signal_kind_codes();

inline constexpr int k_max_session_minutes = 24 * 60;

/// One logged contact. Cancelled and no-show sessions carry a reason and count as not attended.
struct Session {
    SessionId id;
    TrajectoryId trajectory;
    MemberId member;
    Discipline discipline = Discipline::physiotherapist;
    calendar::Date date;
    int minutes = 0;
    SessionKind kind = SessionKind::training;
    Attendance attendance = Attendance::attended;
    std::string absence_reason;
    std::vector<std::string> activities;
    std::vector<GoalId> goals;
    std::string notes;
};

/// A signal raised during a session, open until the social worker handles it.
struct Signal {
    SignalId id;
    TrajectoryId trajectory;
    std::optional<SessionId> session;
    SignalKind kind = SignalKind::loneliness;
    calendar::Date raised_on;
    MemberId raised_by;
    std::string note;
    std::optional<calendar::Date> handled_on;
};

}  // namespace reable::domain
