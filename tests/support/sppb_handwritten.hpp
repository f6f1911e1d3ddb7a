#pragma once

// A hand-written SPPB scorer, as an engineer would code it straight from the NIA score sheet.
// It is the benchmark's baseline and, in protocol_tests, an independent second implementation
// that the data-driven engine must agree with on every input.

#include "reable/scoring/observation.hpp"

namespace reable::testing {

struct SppbHandResult {
    scoring::Value balance;
    scoring::Value gait;
    scoring::Value chair;
    scoring::Value total;
    int total_group = -1;              ///< 0: 0-3, 1: 4-6, 2: 7-9, 3: 10-12
    bool predicts_disability = false;  ///< total ≤ 9
    bool ewgsop2_low = false;          ///< total ≤ 8
};

class HandwrittenSppb {
public:
    /// Finds the item positions once, so scoring itself does no look-ups.
    explicit HandwrittenSppb(const protocol::Instrument& sppb);
    SppbHandResult score(const scoring::Observation& observation) const;

private:
    const protocol::Item* m_side = nullptr;
    const protocol::Item* m_semi = nullptr;
    const protocol::Item* m_tandem = nullptr;
    const protocol::Item* m_gait_4m = nullptr;
    const protocol::Item* m_gait_3m = nullptr;
    const protocol::Item* m_chair = nullptr;
};

}  // namespace reable::testing
