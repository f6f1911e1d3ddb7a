#include "support/sppb_handwritten.hpp"

#include "reable/units.hpp"

namespace reable::testing {
namespace {

using scoring::Value;
using units::Seconds;

constexpr Seconds s(std::int64_t hundredths) { return Seconds::hundredths(hundredths); }

Value points(int p) { return Value::of(Decimal::from_int(p)); }

/// Faster of the trials entered, or the first state, or missing.
Value best_time(std::span<const Value> trials)
{
    const Value* best = nullptr;
    const Value* state = nullptr;
    for (const Value& t : trials) {
        if (t.is_number() && (best == nullptr || t.number < best->number)) best = &t;
        if (t.is_state() && state == nullptr) state = &t;
    }
    return best ? *best : state ? *state : Value{};
}

}  // namespace

HandwrittenSppb::HandwrittenSppb(const protocol::Instrument& sppb)
    : m_side(sppb.find_item("balance_side_by_side")), m_semi(sppb.find_item("balance_semi_tandem")),
      m_tandem(sppb.find_item("balance_tandem")), m_gait_4m(sppb.find_item("gait_4m")),
      m_gait_3m(sppb.find_item("gait_3m")), m_chair(sppb.find_item("chair_stand_5x"))
{}

SppbHandResult HandwrittenSppb::score(const scoring::Observation& observation) const
{
    SppbHandResult r;

    // Balance: side-by-side, then semi-tandem, each 1 point for 10 s; a failed stand ends the test.
    const Value side = observation.trials(*m_side)[0];
    const Value semi = observation.trials(*m_semi)[0];
    const Value tandem = observation.trials(*m_tandem)[0];
    auto held = [](const Value& v) { return v.is_number() && Seconds{v.number} >= s(1000); };
    if (side.is_missing())
        r.balance = Value{};
    else if (!held(side))
        r.balance = points(0);
    else if (semi.is_missing())
        r.balance = Value{};
    else if (!held(semi))
        r.balance = points(1);
    else if (tandem.is_missing())
        r.balance = Value{};
    else if (!tandem.is_number())
        r.balance = points(2);
    else {
        const Seconds t{tandem.number};
        r.balance = points(t >= s(1000) ? 4 : t >= s(300) ? 3 : 2);
    }

    // Gait: the faster of two trials on the 4-m course (or the 3-m course); unable scores 0.
    const Value walk4 = best_time(observation.trials(*m_gait_4m));
    const Value walk3 = best_time(observation.trials(*m_gait_3m));
    if (walk4.is_number()) {
        const Seconds t{walk4.number};
        r.gait = points(t < s(482) ? 4 : t <= s(620) ? 3 : t <= s(870) ? 2 : 1);
    }
    else if (walk4.is_state())
        r.gait = points(0);
    else if (walk3.is_number()) {
        const Seconds t{walk3.number};
        r.gait = points(t < s(362) ? 4 : t <= s(465) ? 3 : t <= s(652) ? 2 : 1);
    }
    else if (walk3.is_state())
        r.gait = points(0);

    // Chair stands: unable, used arms, not attempted or over 60 s score 0.
    const Value chair = observation.trials(*m_chair)[0];
    if (chair.is_number()) {
        const Seconds t{chair.number};
        r.chair = points(t <= s(1119) ? 4 : t <= s(1369) ? 3 : t <= s(1669) ? 2 : t <= s(6000) ? 1 : 0);
    }
    else if (chair.is_state())
        r.chair = points(0);

    if (r.balance.is_number() && r.gait.is_number() && r.chair.is_number()) {
        const Decimal total = r.balance.number + r.gait.number + r.chair.number;
        r.total = Value::of(total);
        const std::int64_t t = total.to_int();
        r.total_group = t <= 3 ? 0 : t <= 6 ? 1 : t <= 9 ? 2 : 3;
        r.predicts_disability = t <= 9;
        r.ewgsop2_low = t <= 8;
    }
    return r;
}

}  // namespace reable::testing
