#pragma once

#include <cstddef>
#include <optional>

namespace reable::analysis {

/// A mean with its sample standard deviation and a two-sided Student t confidence interval.
/// `sd`, `low` and `high` are empty when there are fewer than two values: one value has no spread,
/// and an interval drawn from it would claim a precision the data cannot give.
struct MeanInterval {
    std::size_t n = 0;
    double mean = 0;
    std::optional<double> sd;
    std::optional<double> low;
    std::optional<double> high;
};

/// Mean and spread of a stream of values in constant memory, so an export over every client
/// never holds the values themselves. Welford's update keeps the sum of squared deviations
/// directly instead of Σx² − n·mean², which loses every digit when the values are large and
/// close together (1e9 + a few seconds).
class RunningStats {
public:
    void add(double x);

    std::size_t n() const { return m_n; }
    /// 0 when no value was added.
    double mean() const { return m_mean; }
    /// The sample standard deviation (divisor n − 1); empty when n < 2.
    std::optional<double> sd() const;
    /// mean ± t(1 − (1 − confidence)/2, n − 1) · sd / √n. Throws invalid_input unless
    /// 0 < confidence < 1.
    MeanInterval interval(double confidence = 0.95) const;

private:
    std::size_t m_n = 0;
    double m_mean = 0;
    double m_m2 = 0;  ///< Σ (x − mean)², kept up to date by Welford's update
};

/// The Student t quantile: the t with P(T ≤ t) = probability for `degrees_of_freedom` (> 0, may be
/// fractional). Throws invalid_input unless 0 < probability < 1.
double student_t_quantile(double probability, double degrees_of_freedom);

/// A share with a Wilson score interval (for "share reaching the meaningful change"). Wilson's
/// interval rather than the Wald interval p ± z·√(p(1−p)/n): the Wald interval collapses to a
/// point at 0 of n and n of n, and strays outside [0, 1] for small cohorts.
struct Proportion {
    std::size_t successes = 0;
    std::size_t n = 0;
    double share = 0;  ///< successes / n; 0 when n = 0
    std::optional<double> low, high;  ///< empty when n = 0
};

/// Throws invalid_input when successes > n or unless 0 < confidence < 1.
Proportion wilson_interval(std::size_t successes, std::size_t n, double confidence = 0.95);

}  // namespace reable::analysis
