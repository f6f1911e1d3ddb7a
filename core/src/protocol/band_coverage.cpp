#include "band_coverage.hpp"

#include <algorithm>
#include <limits>
#include <numeric>

namespace reable::protocol {
namespace {

constexpr std::int64_t k_below = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t k_above = std::numeric_limits<std::int64_t>::max();

std::int64_t floor_div(std::int64_t a, std::int64_t b)
{
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
    return q;
}
std::int64_t ceil_div(std::int64_t a, std::int64_t b) { return -floor_div(-a, b); }

/// A band as a closed range of grid steps [first, last]; k_below / k_above for open ends.
struct StepRange {
    std::int64_t first;
    std::int64_t last;
    std::size_t band;
};

StepRange to_steps(const Interval& when, std::int64_t step, std::size_t band)
{
    StepRange r{k_below, k_above, band};
    if (when.lower) {
        const std::int64_t v = when.lower->value.micros();
        r.first = when.lower->inclusive ? ceil_div(v, step) : floor_div(v, step) + 1;
    }
    if (when.upper) {
        const std::int64_t v = when.upper->value.micros();
        r.last = when.upper->inclusive ? floor_div(v, step) : ceil_div(v, step) - 1;
    }
    return r;
}

}  // namespace

std::string format_value(Decimal value, const Domain& domain)
{
    const int digits =
        domain.precision == Decimal::from_micros(1) ? value.fraction_digits() : domain.precision.fraction_digits();
    std::string text = value.to_string(digits);
    if (domain.unit == units::Unit::percent) return text + "%";
    return text + " " + std::string(units::symbol(domain.unit));
}

std::optional<std::string> check_on_grid(Decimal edge, const Domain& domain)
{
    if (!domain.measured || edge.is_multiple_of(domain.precision)) return std::nullopt;
    return "edge " + edge.to_string() + " is finer than the input's precision (" +
           format_value(domain.precision, Domain{{}, {}, domain.precision, domain.unit}) +
           "), so values on either side of it cannot be told apart";
}

std::vector<CoverageProblem> check_coverage(const std::vector<Interval>& bands, const Domain& domain)
{
    const std::int64_t step = domain.precision.micros();
    const std::int64_t lo = domain.min ? ceil_div(domain.min->micros(), step) : k_below;
    const std::int64_t hi = domain.max ? floor_div(domain.max->micros(), step) : k_above;
    auto value_at = [&](std::int64_t k) { return format_value(Decimal::from_micros(k * step), domain); };
    auto span = [&](std::int64_t first, std::int64_t last) {
        if (first == k_below) return "values below " + value_at(last + 1);
        if (last == k_above) return "values above " + value_at(first - 1);
        if (first == last) return value_at(first);
        return value_at(first) + " to " + value_at(last);
    };

    std::vector<CoverageProblem> problems;
    std::vector<StepRange> ranges;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        StepRange r = to_steps(bands[i], step, i);
        r.first = std::max(r.first, lo);
        r.last = std::min(r.last, hi);
        if (r.first > r.last) {
            problems.push_back({i, "this band can never apply: no allowed value lies in it"});
            continue;
        }
        ranges.push_back(r);
    }
    if (ranges.empty()) return problems;

    std::sort(ranges.begin(), ranges.end(), [](const StepRange& a, const StepRange& b) {
        return a.first != b.first ? a.first < b.first : a.band < b.band;
    });
    if (ranges.front().first > lo)
        problems.push_back({ranges.front().band, "no band covers " + span(lo, ranges.front().first - 1)});
    std::int64_t covered_to = ranges.front().last;
    std::size_t covered_by = ranges.front().band;
    for (std::size_t i = 1; i < ranges.size(); ++i) {
        const StepRange& r = ranges[i];
        if (r.first <= covered_to) {
            problems.push_back({r.band, "overlaps band " + std::to_string(covered_by) + ": both cover " +
                                            span(r.first, std::min(r.last, covered_to))});
        }
        else if (r.first > covered_to + 1) {
            problems.push_back({r.band, "no band covers " + span(covered_to + 1, r.first - 1)});
        }
        if (r.last > covered_to) {
            covered_to = r.last;
            covered_by = r.band;
        }
    }
    if (covered_to < hi) problems.push_back({covered_by, "no band covers " + span(covered_to + 1, hi)});
    return problems;
}

BandIndex compile_bands(const std::vector<Interval>& bands, const Domain& domain)
{
    const std::int64_t step = domain.precision.micros();
    std::vector<StepRange> ranges;
    for (std::size_t i = 0; i < bands.size(); ++i) {
        StepRange r = to_steps(bands[i], step, i);
        if (domain.min) r.first = std::max(r.first, ceil_div(domain.min->micros(), step));
        if (domain.max) r.last = std::min(r.last, floor_div(domain.max->micros(), step));
        if (r.first <= r.last) ranges.push_back(r);
    }
    std::sort(ranges.begin(), ranges.end(), [](const StepRange& a, const StepRange& b) { return a.first < b.first; });
    BandIndex index;
    for (const StepRange& r : ranges) {
        index.starts.push_back(r.first == k_below ? k_below : r.first * step);
        index.order.push_back(static_cast<std::uint8_t>(r.band));
    }
    return index;
}

}  // namespace reable::protocol
