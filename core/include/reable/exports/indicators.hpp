#pragma once

// Cohort indicators for a pilot's evaluation, accumulated one trajectory at a time (memory grows
// with the number of groups, instruments and occasions, never with the number of clients):
// enrolment, completion and dropout with reasons; per instrument (its primary score) and occasion
// n, mean, SD, the mean change from baseline with a 95% t interval and the share reaching the
// meaningful change; household help at the follow-up points against the minutes asked for;
// a Kaplan–Meier estimate of the time to an HH grant; minutes avoided and their cost. All for the
// whole cohort, by area and by team. A cell of fewer than `min_cell` clients is suppressed.

#include "reable/analysis/kaplan_meier.hpp"
#include "reable/analysis/statistics.hpp"
#include "reable/exports/hh_status.hpp"
#include "reable/exports/record_stream.hpp"
#include "reable/protocol/registry.hpp"

#include <array>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace reable::exports {

struct IndicatorSettings {
    calendar::Date as_of;
    std::optional<double> tariff_per_hour;  ///< euro per hour of household help
    int min_cell = 5;
};

/// The baseline is a trajectory's earliest test of an instrument; the change at a later occasion
/// is its primary score minus the baseline's. "Meaningful" is a change in the better direction of
/// at least the instrument's smallest minimal important change (none for instruments without one).
struct MeasureCell {
    analysis::RunningStats level;
    analysis::RunningStats change;
    analysis::RunningStats day;  ///< days since the start, to order the occasions
    std::size_t meaningful = 0;
};

struct GroupIndicators {
    std::size_t enrolled = 0;
    std::size_t completed = 0;
    std::size_t ended_early = 0;
    std::size_t dropped_out = 0;
    std::size_t ongoing = 0;
    std::map<std::string, std::size_t> dropout_reasons;  ///< code ("unrecorded" when none)
    std::map<std::pair<std::string, std::string>, MeasureCell> measures;  ///< (instrument, occasion)
    std::array<std::map<HhStatus, std::size_t>, k_follow_up_points.size()> hh{};
    std::array<analysis::RunningStats, k_follow_up_points.size()> minutes_avoided{};
    analysis::KaplanMeier time_to_hh;
};

class CohortIndicators {
public:
    CohortIndicators(const protocol::Registry& registry, IndicatorSettings settings);

    /// Adds one trajectory (with its values and decisions).
    void add(const TrajectoryRecord& record);

    /// "all", "area:<name>", "team:<name>", in that order.
    const std::map<std::string, GroupIndicators>& groups() const { return m_groups; }
    const IndicatorSettings& settings() const { return m_settings; }

    void write_json(std::ostream& out) const;
    /// Tidy: one row per group × indicator (× instrument × occasion), suppressed values empty.
    std::uint64_t write_csv(std::ostream& out) const;
    /// The Kaplan–Meier steps per group (steps with fewer than min_cell at risk are left out).
    std::uint64_t write_km_csv(std::ostream& out) const;
    std::string km_plot() const;
    /// The cohort's mean change per occasion of one instrument's primary score.
    std::string change_plot(const std::string& instrument_id) const;

private:
    const protocol::Registry& m_registry;
    IndicatorSettings m_settings;
    std::map<std::string, GroupIndicators> m_groups;
    std::map<std::string, const protocol::Instrument*> m_instruments;  ///< by "id version"

    const protocol::Instrument* instrument(const std::string& id, const std::string& version);
    /// One test's primary score, its change from the baseline (NaN at the baseline) and its day.
    struct Measure {
        std::pair<std::string, std::string> key;  ///< (instrument, occasion)
        double level = 0;
        double change = 0;
        double day = 0;
        const protocol::Instrument* definition = nullptr;
    };
    void add_to(GroupIndicators& g, const TrajectoryRecord& record, const std::vector<Measure>& measures);
};

/// The smallest meaningful change of an instrument's primary score, signed in the better
/// direction (−2.1 for seconds where lower is better), with whether the edge is inclusive.
struct MeaningfulChange {
    double magnitude = 0;
    bool inclusive = true;
    bool higher_is_better = true;
};
std::optional<MeaningfulChange> primary_meaningful_change(const protocol::Instrument& instrument);

}  // namespace reable::exports
