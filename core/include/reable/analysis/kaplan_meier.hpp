#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

namespace reable::analysis {

/// One day of a Kaplan-Meier table: who was at risk that morning, what happened, and the
/// survival estimate after it.
struct KmStep {
    int day = 0;
    std::size_t at_risk = 0;   ///< subjects whose time is this day or later
    std::size_t events = 0;
    std::size_t censored = 0;
    double survival = 1;
    /// 95% interval as R survival's default conf.type "log": S·exp(±z·√(Σ d/(n(n−d)))) (Greenwood's
    /// variance on the log scale), clipped to [0, 1]. Empty when S = 0 (the log is undefined) or
    /// before the first event (there is nothing to be uncertain about yet).
    std::optional<double> low, high;
};

/// Time to an event (days since start, integers ≥ 0) with right censoring: a subject still
/// without the event when follow-up ended counts as at risk up to and including that day.
/// Only a count per distinct day is kept, so memory is bounded by the number of distinct days
/// (at most the follow-up length), not by the number of subjects.
class KaplanMeier {
public:
    /// `event` true: the event happened on `day`; false: censored on `day`. Throws invalid_input
    /// for a negative day.
    void add(int day, bool event);

    std::size_t subjects() const { return m_subjects; }
    std::size_t events() const { return m_events; }

    /// One step per day with an event or a censoring, in day order. At a tie the day's events
    /// happen before its censorings (the usual convention): the censored are still counted at risk
    /// on their last day.
    std::vector<KmStep> steps() const;
    /// The first day on which S ≤ 0.5; empty when the curve never gets there.
    std::optional<int> median() const;
    /// S on `day`: the estimate after the last step on or before it; 1 before the first step.
    double survival_at(int day) const;

private:
    struct DayCounts {
        std::size_t events = 0;
        std::size_t censored = 0;
    };
    std::map<int, DayCounts> m_days;
    std::size_t m_subjects = 0;
    std::size_t m_events = 0;
};

}  // namespace reable::analysis
