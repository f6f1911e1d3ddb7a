#include "reable/analysis/statistics.hpp"

#include "reable/error.hpp"

#include <boost/math/distributions/normal.hpp>
#include <boost/math/distributions/students_t.hpp>

#include <algorithm>
#include <cmath>
#include <string>

namespace reable::analysis {
namespace {

void check_confidence(double confidence)
{
    if (!(confidence > 0 && confidence < 1))
        throw Error(ErrorCode::invalid_input,
                    "a confidence level must lie strictly between 0 and 1, not " + std::to_string(confidence));
}

/// The two-sided critical value of the standard normal distribution.
double normal_critical(double confidence)
{
    return boost::math::quantile(boost::math::normal_distribution<double>{}, 1 - (1 - confidence) / 2);
}

}  // namespace

void RunningStats::add(double x)
{
    ++m_n;
    const double delta = x - m_mean;
    m_mean += delta / static_cast<double>(m_n);
    m_m2 += delta * (x - m_mean);
}

std::optional<double> RunningStats::sd() const
{
    if (m_n < 2) return std::nullopt;
    return std::sqrt(m_m2 / static_cast<double>(m_n - 1));
}

MeanInterval RunningStats::interval(double confidence) const
{
    check_confidence(confidence);
    MeanInterval out{m_n, m_mean, sd(), std::nullopt, std::nullopt};
    if (!out.sd) return out;
    const double t = student_t_quantile(1 - (1 - confidence) / 2, static_cast<double>(m_n - 1));
    const double half = t * *out.sd / std::sqrt(static_cast<double>(m_n));
    out.low = m_mean - half;
    out.high = m_mean + half;
    return out;
}

double student_t_quantile(double probability, double degrees_of_freedom)
{
    if (!(probability > 0 && probability < 1))
        throw Error(ErrorCode::invalid_input,
                    "a quantile's probability must lie strictly between 0 and 1, not " + std::to_string(probability));
    if (!(degrees_of_freedom > 0) || std::isinf(degrees_of_freedom))
        throw Error(ErrorCode::invalid_input,
                    "Student's t needs a finite, positive number of degrees of freedom, not " +
                        std::to_string(degrees_of_freedom));
    return boost::math::quantile(boost::math::students_t_distribution<double>{degrees_of_freedom}, probability);
}

Proportion wilson_interval(std::size_t successes, std::size_t n, double confidence)
{
    check_confidence(confidence);
    if (successes > n)
        throw Error(ErrorCode::invalid_input, "a share cannot have more successes (" + std::to_string(successes) +
                                                  ") than cases (" + std::to_string(n) + ")");
    Proportion out{successes, n, 0, std::nullopt, std::nullopt};
    if (n == 0) return out;
    const double count = static_cast<double>(n);
    const double p = static_cast<double>(successes) / count;
    const double z = normal_critical(confidence);
    const double z2 = z * z;
    const double denominator = 1 + z2 / count;
    const double centre = (p + z2 / (2 * count)) / denominator;
    const double half = z / denominator * std::sqrt(p * (1 - p) / count + z2 / (4 * count * count));
    out.share = p;
    // At 0 of n and n of n the interval touches the edge exactly; say so instead of leaving a
    // rounding residue such as 1e-17 that would print as a non-zero lower bound.
    out.low = successes == 0 ? 0.0 : std::clamp(centre - half, 0.0, 1.0);
    out.high = successes == n ? 1.0 : std::clamp(centre + half, 0.0, 1.0);
    return out;
}

}  // namespace reable::analysis
