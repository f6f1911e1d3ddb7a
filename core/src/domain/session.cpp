#include "reable/domain/session.hpp"

namespace reable::domain {

std::string_view to_string(Attendance a)
{
    switch (a) {
    case Attendance::attended: return "attended";
    case Attendance::cancelled: return "cancelled";
    case Attendance::no_show: return "no_show";
    }
    return "unknown";
}

std::optional<Attendance> parse_attendance(std::string_view code)
{
    for (Attendance a : {Attendance::attended, Attendance::cancelled, Attendance::no_show})
        if (to_string(a) == code) return a;
    return std::nullopt;
}

std::string_view to_string(SignalKind k)
{
    switch (k) {
    case SignalKind::caregiver_overload: return "caregiver_overload";
    case SignalKind::loneliness: return "loneliness";
    case SignalKind::cognitive_decline: return "cognitive_decline";
    case SignalKind::fall: return "fall";
    case SignalKind::financial_trouble: return "financial_trouble";
    case SignalKind::unsafe_home: return "unsafe_home";
    }
    return "unknown";
}

std::optional<SignalKind> parse_signal_kind(std::string_view code)
{
    for (SignalKind k : {SignalKind::caregiver_overload, SignalKind::loneliness, SignalKind::cognitive_decline,
                         SignalKind::fall, SignalKind::financial_trouble, SignalKind::unsafe_home})
        if (to_string(k) == code) return k;
    return std::nullopt;
}

std::string_view signal_kind_codes()
{
    return "caregiver_overload, loneliness, cognitive_decline, fall, financial_trouble, unsafe_home";
}

}  // namespace reable::domain
