// Compiled by ctest with one REABLE_CASE_* macro at a time; every case must be refused by the
// compiler. Without a macro the file must compile (the control case), so a failure is known to
// come from the misuse and not from a broken include path.

#include "reable/units.hpp"

using namespace reable;
using namespace reable::units;

int main()
{
    const Seconds time = Seconds::hundredths(620);
    const Kilograms grip = Kilograms::whole(27);
    const Metres course = Metres::whole(4);
    [[maybe_unused]] const MetresPerSecond speed = course / time;  // the one cross-unit operation allowed
    [[maybe_unused]] const Seconds sum = time + time;
    [[maybe_unused]] const bool faster = time < Seconds::hundredths(482);
    (void)grip;

#if defined(REABLE_CASE_kilograms_plus_seconds)
    [[maybe_unused]] auto wrong = grip + time;
#elif defined(REABLE_CASE_seconds_from_double)
    [[maybe_unused]] const Seconds wrong = 6.2;
#elif defined(REABLE_CASE_compare_metres_with_seconds)
    [[maybe_unused]] const bool wrong = course < time;
#elif defined(REABLE_CASE_equal_metres_and_seconds)
    [[maybe_unused]] const bool wrong = course == time;
#elif defined(REABLE_CASE_assign_kilograms_to_seconds)
    Seconds wrong = time;
    wrong = grip;
#endif
    return 0;
}
