#include "reable/analysis/kaplan_meier.hpp"

#include "reable/error.hpp"

#include <algorithm>
#include <cmath>
#include <string>

namespace reable::analysis {
namespace {

/// z for a two-sided 95% interval, as R's qnorm(0.975); a constant rather than a quantile call
/// because the steps' interval is fixed at 95%.
constexpr double z_95 = 1.959963984540054;

/// S is a product of fractions, so a curve that reaches exactly one half can land a rounding
/// error above it (0.5000000000000001); the median must still be that day.
constexpr double median_tolerance = 1e-12;

}  // namespace

void KaplanMeier::add(int day, bool event)
{
    if (day < 0)
        throw Error(ErrorCode::invalid_input,
                    "a time to event is a number of days since the start and cannot be negative, not " +
                        std::to_string(day));
    DayCounts& counts = m_days[day];
    if (event) {
        ++counts.events;
        ++m_events;
    } else {
        ++counts.censored;
    }
    ++m_subjects;
}

std::vector<KmStep> KaplanMeier::steps() const
{
    std::vector<KmStep> out;
    out.reserve(m_days.size());
    std::size_t at_risk = m_subjects;
    double survival = 1;
    double greenwood = 0;  // Σ d / (n (n − d)) over the event days so far
    bool any_event = false;
    for (const auto& [day, counts] : m_days) {
        KmStep step;
        step.day = day;
        step.at_risk = at_risk;
        step.events = counts.events;
        step.censored = counts.censored;
        if (counts.events > 0) {
            any_event = true;
            const double n = static_cast<double>(at_risk);
            const double d = static_cast<double>(counts.events);
            survival *= (n - d) / n;
            if (counts.events < at_risk) greenwood += d / (n * (n - d));
            else survival = 0;  // everyone left had the event: exactly 0, not a rounding residue
        }
        step.survival = survival;
        if (any_event && survival > 0) {
            const double spread = z_95 * std::sqrt(greenwood);
            step.low = std::clamp(survival * std::exp(-spread), 0.0, 1.0);
            step.high = std::clamp(survival * std::exp(spread), 0.0, 1.0);
        }
        out.push_back(step);
        at_risk -= counts.events + counts.censored;
    }
    return out;
}

std::optional<int> KaplanMeier::median() const
{
    for (const KmStep& step : steps())
        if (step.survival <= 0.5 + median_tolerance) return step.day;
    return std::nullopt;
}

double KaplanMeier::survival_at(int day) const
{
    double survival = 1;
    for (const KmStep& step : steps()) {
        if (step.day > day) break;
        survival = step.survival;
    }
    return survival;
}

}  // namespace reable::analysis
