#pragma once

// Checks that a table of bands assigns every allowed value to exactly one band. Private to core;
// used by the loader for score bands, stop-rule steps and interpretation cut-offs.

#include "reable/decimal.hpp"
#include "reable/protocol/instrument.hpp"
#include "reable/units.hpp"

#include <optional>
#include <string>
#include <vector>

namespace reable::protocol {

/// The values an input can take: every multiple of `precision` within [min, max] (an absent
/// bound is open). For computed values without a grid, precision is one millionth.
struct Domain {
    std::optional<Decimal> min;
    std::optional<Decimal> max;
    Decimal precision = Decimal::from_micros(1);
    units::Unit unit = units::Unit::points;
    /// True when the precision is how values are recorded or rounded (an item's precision, a
    /// round_to), false when it is only the step that sums of points happen to come in (Barthel
    /// 0-100 totals are multiples of 5, yet its published bands start at 21, 61, 91).
    bool measured = false;
};

struct CoverageProblem {
    std::size_t band;  ///< index of the band the message is about, in file order
    std::string message;
};

/// Every gap, overlap and never-matching band, each once, in a stable order. The bands are the
/// `when` intervals in file order.
std::vector<CoverageProblem> check_coverage(const std::vector<Interval>& bands, const Domain& domain);

/// The lookup index of bands that check_coverage() found complete and free of overlaps.
BandIndex compile_bands(const std::vector<Interval>& bands, const Domain& domain);

/// An edge that does not lie on the precision grid of a measured input (6.205 for a 0.01 s
/// input) can never be told apart from its neighbours; nullopt when the edge is fine. Edges of
/// derived inputs may lie between reachable values, as sources write them.
std::optional<std::string> check_on_grid(Decimal edge, const Domain& domain);

/// "6.21 s", with as many decimals as the precision has.
std::string format_value(Decimal value, const Domain& domain);

}  // namespace reable::protocol
