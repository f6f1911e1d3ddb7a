#pragma once

#include "reable/analysis/kaplan_meier.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace reable::analysis {

// Plots for the evaluator exports as standalone SVG 1.1 text. The output is deterministic —
// coordinates with at most two decimals, written without the locale, in a fixed 640 × 400
// viewBox — so the same data gives the same bytes, golden files can pin it, and a report
// generated twice does not differ. Every plot has a <title> and a <desc> for screen readers,
// escapes all text it was given, and draws a visible "no data" message instead of failing when
// there is nothing to plot. Values that are not finite are left out.

struct Point {
    double x = 0;
    double y = 0;
};

/// One client's scores over time, against the norm and the baseline's meaningful change.
/// The words it draws are fields, English by default, so a caller can give them in Dutch.
struct ClientScorePlot {
    std::string title;
    std::string y_label;  ///< e.g. "TUG time (s)"
    std::string x_label = "days since start";
    std::string norm_label = "norm";
    std::string baseline_label = "baseline";
    std::string change_label = "meaningful change";
    std::string no_data_label = "no data";  ///< drawn when there is nothing to plot
    std::string day_label = "day";          ///< in each point's tooltip: "T1: day 42, 14.1"
    /// The text for screen readers (<desc>); empty: an English sentence made from the data.
    std::string description;
    std::vector<Point> points;
    std::vector<std::string> point_labels;  ///< occasion ids, parallel to points; may be empty
    /// The norm band, drawn as a shaded rectangle; one side may be open (it then runs to the
    /// edge of the plot).
    std::optional<double> norm_low, norm_high;
    std::optional<double> baseline;  ///< drawn as a solid line when given
    /// Dashed lines at baseline ± change, labelled "meaningful change". Without a baseline they
    /// are drawn around the first point in time (the intake measurement).
    std::optional<double> meaningful_change;
};

/// One occasion of a cohort: the mean change from baseline and its interval.
struct ChangeBar {
    std::string label;
    std::size_t n = 0;  ///< shown under the label; no point is drawn for n = 0
    double mean = 0;
    std::optional<double> low, high;
};

/// Mean change per occasion with interval whiskers, a zero line, n under each label and a dashed
/// line at the meaningful change. The line is drawn at the signed value given, so an instrument
/// where lower is better (TUG seconds) passes a negative change.
struct CohortChangePlot {
    std::string title;
    std::string y_label;  ///< e.g. "mean change from baseline (points)"
    std::vector<ChangeBar> occasions;
    std::optional<double> meaningful_change;
};

struct KmCurve {
    std::string label;
    std::vector<KmStep> steps;  ///< as KaplanMeier::steps() gives them
};

/// Kaplan-Meier curves: a step function from S = 1 at day 0, the interval as a lighter band,
/// a tick at each day with censorings, and a legend when there is more than one curve. Days after
/// x_max are cut off.
struct KmPlot {
    std::string title;
    std::string x_label = "days since start";
    std::string y_label = "without household help";
    std::vector<KmCurve> curves;
    int x_max = 730;
};

/// A number as the plots write it: at most two decimals, no trailing zeros, no locale.
std::string plot_number(double value);

std::string render(const ClientScorePlot& plot);
std::string render(const CohortChangePlot& plot);
std::string render(const KmPlot& plot);

}  // namespace reable::analysis
