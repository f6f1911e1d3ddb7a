#include "reable/analysis/svg_plot.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <limits>
#include <cmath>
#include <string_view>
#include <utility>

namespace reable::analysis {
namespace {

constexpr double canvas_width = 640;
constexpr double canvas_height = 400;

/// Where the data are drawn inside the canvas. The left margin holds tick labels of up to about
/// seven characters and the rotated y-axis title beside them; the bottom one holds the tick labels
/// and the x-axis title (or, for the cohort plot, the occasion labels and their n).
struct Area {
    double left, right, top, bottom;
};
constexpr Area wide_area{80, 616, 48, 336};
/// With a right margin for the names of the reference lines (norm, baseline, meaningful change):
/// written beside the lines' ends they can never cover a data point or its label.
constexpr Area labelled_area{80, 528, 48, 336};

constexpr std::array<std::string_view, 6> palette = {"#1f77b4", "#d62728", "#2ca02c",
                                                     "#9467bd", "#ff7f0e", "#8c564b"};
constexpr std::string_view ink = "#333333";
constexpr std::string_view muted = "#666666";
constexpr std::string_view grid = "#e6e6e6";

/// At most two decimals, always '.', no exponent, no "-0": to_chars ignores the locale, unlike
/// printf and streams, so a German desktop cannot turn 1.5 into "1,5" in a coordinate.
std::string num(double value)
{
    double rounded = std::round(value * 100) / 100;
    if (rounded == 0) rounded = 0;  // folds -0
    std::array<char, 64> buffer{};
    const auto [end, error] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), rounded,
                                            std::chars_format::fixed, 2);
    if (error != std::errc{}) return "0";
    std::string text(buffer.data(), end);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}

/// Escapes the five XML specials and drops the control characters XML 1.0 cannot carry.
std::string escape(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        case '\'': out += "&apos;"; break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
            out += c;
        }
    }
    return out;
}

/// 1, 2 or 5 × 10^k, the smallest at or above `raw`; never below 0.01, the finest step the
/// two-decimal labels can tell apart.
double nice_step(double raw)
{
    if (!(raw > 0.01)) return 0.01;
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    const double normalised = raw / magnitude;
    const double factor = normalised <= 1 ? 1 : normalised <= 2 ? 2 : normalised <= 5 ? 5 : 10;
    return factor * magnitude;
}

/// A linear axis from data values to pixels, with ticks at multiples of `step`.
struct Scale {
    double lo = 0;
    double hi = 1;
    double step = 1;
    double pixel_lo = 0;  ///< where lo is drawn
    double pixel_hi = 1;  ///< where hi is drawn

    double map(double value) const { return pixel_lo + (value - lo) / (hi - lo) * (pixel_hi - pixel_lo); }

    std::vector<double> ticks() const
    {
        std::vector<double> out;
        const double first = std::ceil(lo / step - 1e-9);
        for (double i = first; i * step <= hi + step * 1e-9; ++i) out.push_back(i * step);
        return out;
    }
};

/// The data's range widened to whole steps, so the outermost ticks frame the data.
Scale nice_scale(double lo, double hi, double pixel_lo, double pixel_hi, int target_ticks)
{
    if (!(hi > lo)) {
        const double pad = lo == 0 ? 1 : std::abs(lo) * 0.1;
        lo -= pad;
        hi += pad;
    }
    const double step = nice_step((hi - lo) / target_ticks);
    Scale scale;
    scale.step = step;
    scale.lo = std::floor(lo / step + 1e-9) * step;
    scale.hi = std::ceil(hi / step - 1e-9) * step;
    if (!(scale.hi > scale.lo)) scale.hi = scale.lo + step;
    scale.pixel_lo = pixel_lo;
    scale.pixel_hi = pixel_hi;
    return scale;
}

/// The smallest and largest of the values given, ignoring values that are not finite.
struct Range {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();

    void include(double value)
    {
        if (!std::isfinite(value)) return;
        lo = std::min(lo, value);
        hi = std::max(hi, value);
    }
    void include(const std::optional<double>& value)
    {
        if (value) include(*value);
    }
    bool empty() const { return lo > hi; }
};

std::string heading_of(const std::string& title, const std::string& y_label, const std::string& x_label)
{
    if (!title.empty()) return title;
    if (y_label.empty()) return "plot";
    return x_label.empty() ? y_label : y_label + " against " + x_label;
}

std::string open_document(const std::string& heading, const std::string& description)
{
    std::string out;
    out += "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" width=\"" + num(canvas_width) +
           "\" height=\"" + num(canvas_height) + "\" viewBox=\"0 0 " + num(canvas_width) + " " +
           num(canvas_height) +
           "\" role=\"img\" aria-labelledby=\"plot-title plot-desc\" font-family=\"sans-serif\" font-size=\"12\">\n";
    out += "<title id=\"plot-title\">" + escape(heading) + "</title>\n";
    out += "<desc id=\"plot-desc\">" + escape(description) + "</desc>\n";
    out += "<rect width=\"" + num(canvas_width) + "\" height=\"" + num(canvas_height) + "\" fill=\"#ffffff\"/>\n";
    out += "<text class=\"heading\" x=\"" + num(canvas_width / 2) +
           "\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\" fill=\"" + std::string(ink) +
           "\">" + escape(heading) + "</text>\n";
    return out;
}

std::string close_document() { return "</svg>\n"; }

std::string line(double x1, double y1, double x2, double y2, std::string_view stroke, std::string_view extra = {})
{
    std::string out = "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
                      "\" stroke=\"" + std::string(stroke) + "\"";
    if (!extra.empty()) out += " " + std::string(extra);
    return out + "/>\n";
}

std::string text(double x, double y, std::string_view content, std::string_view extra = {})
{
    std::string out = "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\"";
    if (!extra.empty()) out += " " + std::string(extra);
    return out + ">" + escape(content) + "</text>\n";
}

/// The plot area's frame with a centred "no data", for a plot with nothing to draw: the reader
/// sees at once that the selection was empty rather than a broken image.
std::string no_data(const std::string& heading, const std::string& what, std::string_view label = "no data")
{
    std::string out = open_document(heading, what + ": no data to plot.");
    const Area area = wide_area;
    out += "<rect class=\"plot-area\" x=\"" + num(area.left) + "\" y=\"" + num(area.top) + "\" width=\"" +
           num(area.right - area.left) + "\" height=\"" + num(area.bottom - area.top) +
           "\" fill=\"none\" stroke=\"" + std::string(grid) + "\"/>\n";
    out += text((area.left + area.right) / 2, (area.top + area.bottom) / 2, label,
                "class=\"no-data\" text-anchor=\"middle\" font-size=\"16\" fill=\"" + std::string(muted) + "\"");
    return out + close_document();
}

/// Horizontal grid lines and the y axis with its ticks, labels and rotated title.
std::string y_axis(const Area& area, const Scale& y, const std::string& label)
{
    std::string out = "<g class=\"y-axis\">\n";
    for (const double tick : y.ticks()) {
        const double py = y.map(tick);
        out += line(area.left, py, area.right, py, grid);
        out += line(area.left - 5, py, area.left, py, ink);
        out += text(area.left - 8, py + 4, num(tick), "text-anchor=\"end\" fill=\"" + std::string(ink) + "\"");
    }
    out += line(area.left, area.top, area.left, area.bottom, ink);
    const double centre = (area.top + area.bottom) / 2;
    out += "<text class=\"axis-title\" x=\"18\" y=\"" + num(centre) + "\" transform=\"rotate(-90 18 " + num(centre) +
           ")\" text-anchor=\"middle\" fill=\"" + std::string(ink) + "\">" + escape(label) + "</text>\n";
    return out + "</g>\n";
}

/// The x axis with its ticks, labels and title.
std::string x_axis(const Area& area, const Scale& x, const std::string& label)
{
    std::string out = "<g class=\"x-axis\">\n";
    out += line(area.left, area.bottom, area.right, area.bottom, ink);
    for (const double tick : x.ticks()) {
        const double px = x.map(tick);
        out += line(px, area.bottom, px, area.bottom + 5, ink);
        out += text(px, area.bottom + 18, num(tick), "text-anchor=\"middle\" fill=\"" + std::string(ink) + "\"");
    }
    out += text((area.left + area.right) / 2, canvas_height - 16, label,
                "class=\"axis-title\" text-anchor=\"middle\" fill=\"" + std::string(ink) + "\"");
    return out + "</g>\n";
}

std::string color(std::size_t index) { return std::string(palette[index % palette.size()]); }

/// The name of a reference line, written in the right margin at the line's height.
struct SideLabel {
    double y;  ///< pixels
    std::string text;
    std::string_view fill;
};

/// Writes the labels beside the plot area, pushed apart where lines lie closer than a line of
/// text (a small meaningful change puts three lines within a few pixels) and kept inside it.
std::string side_labels(const Area& area, std::vector<SideLabel> labels)
{
    constexpr double spacing = 12;
    std::stable_sort(labels.begin(), labels.end(), [](const SideLabel& a, const SideLabel& b) { return a.y < b.y; });
    for (std::size_t i = 0; i < labels.size(); ++i) {
        labels[i].y = std::max(labels[i].y, area.top);
        if (i > 0) labels[i].y = std::max(labels[i].y, labels[i - 1].y + spacing);
    }
    for (std::size_t i = labels.size(); i-- > 0;) {
        labels[i].y = std::min(labels[i].y, area.bottom);
        if (i + 1 < labels.size()) labels[i].y = std::min(labels[i].y, labels[i + 1].y - spacing);
    }
    std::string out;
    for (const SideLabel& label : labels)
        out += text(area.right + 6, label.y + 4, label.text,
                    "class=\"line-label\" font-size=\"10\" fill=\"" + std::string(label.fill) + "\"");
    return out;
}

}  // namespace

std::string plot_number(double value) { return num(value); }

std::string render(const ClientScorePlot& plot)
{
    const std::string heading = heading_of(plot.title, plot.y_label, plot.x_label);

    struct Marked {
        Point point;
        std::string label;
    };
    std::vector<Marked> marks;
    for (std::size_t i = 0; i < plot.points.size(); ++i) {
        const Point& p = plot.points[i];
        if (!std::isfinite(p.x) || !std::isfinite(p.y)) continue;
        marks.push_back({p, i < plot.point_labels.size() ? plot.point_labels[i] : std::string{}});
    }
    if (marks.empty()) return no_data(heading, plot.y_label.empty() ? heading : plot.y_label, plot.no_data_label);
    std::stable_sort(marks.begin(), marks.end(), [](const Marked& a, const Marked& b) { return a.point.x < b.point.x; });

    // Plain doubles rather than optionals: GCC 12 warns, wrongly, that an engaged optional's value
    // may be uninitialised here.
    const double change = plot.meaningful_change && std::isfinite(*plot.meaningful_change)
                              ? std::abs(*plot.meaningful_change)
                              : 0.0;
    const bool has_change = change > 0;
    const double change_centre = plot.baseline.value_or(marks.front().point.y);

    Range xs, ys;
    xs.include(0.0);  // the start of the trajectory is always on the axis
    for (const Marked& m : marks) {
        xs.include(m.point.x);
        ys.include(m.point.y);
    }
    ys.include(plot.norm_low);
    ys.include(plot.norm_high);
    ys.include(plot.baseline);
    if (has_change) {
        ys.include(change_centre - change);
        ys.include(change_centre + change);
    }
    // Inset from the ends of the x axis, so a measurement on day 0 is not drawn on the y axis.
    const Area area = labelled_area;
    const Scale x = nice_scale(xs.lo, xs.hi, area.left + 14, area.right - 14, 6);
    const Scale y = nice_scale(ys.lo, ys.hi, area.bottom, area.top, 5);

    std::string description = plot.description;
    if (description.empty()) {
        description = plot.y_label + " against " + plot.x_label + " for " + std::to_string(marks.size()) +
                      (marks.size() == 1 ? " measurement" : " measurements") + ", from " +
                      num(marks.front().point.y) + " to " + num(marks.back().point.y);
        if (plot.norm_low || plot.norm_high)
            description += "; norm " + (plot.norm_low ? "from " + num(*plot.norm_low) : std::string("up")) +
                           (plot.norm_high ? " to " + num(*plot.norm_high) : std::string(" and above"));
        if (plot.baseline) description += "; baseline " + num(*plot.baseline);
        if (has_change) description += "; meaningful change " + num(change) + " either side of " + num(change_centre);
        description += ".";
    }

    std::string out = open_document(heading, description);
    out += y_axis(area, y, plot.y_label);

    std::vector<SideLabel> labels;
    if (plot.norm_low || plot.norm_high) {
        const double band_top = y.map(plot.norm_high ? std::min(*plot.norm_high, y.hi) : y.hi);
        const double band_bottom = y.map(plot.norm_low ? std::max(*plot.norm_low, y.lo) : y.lo);
        if (band_bottom > band_top) {
            out += "<rect class=\"norm-band\" x=\"" + num(area.left) + "\" y=\"" + num(band_top) + "\" width=\"" +
                   num(area.right - area.left) + "\" height=\"" + num(band_bottom - band_top) +
                   "\" fill=\"#2ca02c\" fill-opacity=\"0.15\"/>\n";
            labels.push_back({(band_top + band_bottom) / 2, plot.norm_label, "#2a7a2a"});
        }
    }
    if (plot.baseline) {
        const double py = y.map(*plot.baseline);
        out += line(area.left, py, area.right, py, muted, "class=\"baseline\" stroke-width=\"1\"");
        labels.push_back({py, plot.baseline_label, muted});
    }
    if (has_change) {
        for (const double level : {change_centre + change, change_centre - change}) {
            const double py = y.map(level);
            out += line(area.left, py, area.right, py, "#d62728",
                        "class=\"meaningful-change\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
            labels.push_back({py, plot.change_label, "#d62728"});
        }
    }
    out += side_labels(area, std::move(labels));
    out += x_axis(area, x, plot.x_label);

    if (marks.size() > 1) {
        out += "<polyline class=\"trend\" fill=\"none\" stroke=\"" + color(0) + "\" stroke-width=\"2\" points=\"";
        for (std::size_t i = 0; i < marks.size(); ++i)
            out += (i ? " " : "") + num(x.map(marks[i].point.x)) + "," + num(y.map(marks[i].point.y));
        out += "\"/>\n";
    }
    for (const Marked& m : marks) {
        const double px = x.map(m.point.x);
        const double py = y.map(m.point.y);
        const std::string tooltip =
            (m.label.empty() ? "" : m.label + ": ") + plot.day_label + " " + num(m.point.x) + ", " + num(m.point.y);
        out += "<circle cx=\"" + num(px) + "\" cy=\"" + num(py) + "\" r=\"4\" fill=\"" + color(0) +
               "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" + escape(tooltip) + "</title></circle>\n";
        if (!m.label.empty())
            out += text(px, py - 9, m.label,
                        "class=\"point-label\" text-anchor=\"middle\" font-size=\"10\" fill=\"" + std::string(ink) + "\"");
    }
    return out + close_document();
}

std::string render(const CohortChangePlot& plot)
{
    const std::string heading = heading_of(plot.title, plot.y_label, "occasion");
    if (plot.occasions.empty()) return no_data(heading, plot.y_label.empty() ? heading : plot.y_label);

    const bool has_change = plot.meaningful_change && std::isfinite(*plot.meaningful_change);
    const double change = has_change ? *plot.meaningful_change : 0.0;
    auto drawn = [](const ChangeBar& bar) { return bar.n > 0 && std::isfinite(bar.mean); };

    Range ys;
    ys.include(0.0);
    if (has_change) ys.include(change);
    for (const ChangeBar& bar : plot.occasions) {
        if (!drawn(bar)) continue;
        ys.include(bar.mean);
        ys.include(bar.low);
        ys.include(bar.high);
    }
    const Area area = labelled_area;
    const Scale y = nice_scale(ys.lo, ys.hi, area.bottom, area.top, 5);
    const double band = (area.right - area.left) / static_cast<double>(plot.occasions.size());
    auto centre_of = [&](std::size_t i) { return area.left + band * (static_cast<double>(i) + 0.5); };

    std::string description = plot.y_label + " at " + std::to_string(plot.occasions.size()) +
                              (plot.occasions.size() == 1 ? " occasion" : " occasions") + ":";
    for (std::size_t i = 0; i < plot.occasions.size(); ++i) {
        const ChangeBar& bar = plot.occasions[i];
        description += (i ? "; " : " ") + bar.label + " n = " + std::to_string(bar.n);
        if (!drawn(bar)) continue;
        description += ", mean " + num(bar.mean);
        if (bar.low && bar.high) description += " (" + num(*bar.low) + " to " + num(*bar.high) + ")";
    }
    if (has_change) description += "; meaningful change " + num(change);
    description += ".";

    std::string out = open_document(heading, description);
    out += y_axis(area, y, plot.y_label);
    out += line(area.left, y.map(0), area.right, y.map(0), muted, "class=\"zero-line\" stroke-width=\"1\"");
    if (has_change) {
        const double py = y.map(change);
        out += line(area.left, py, area.right, py, "#d62728",
                    "class=\"meaningful-change\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"");
        out += side_labels(area, {{py, "meaningful change", "#d62728"}});
    }

    out += "<g class=\"x-axis\">\n";
    out += line(area.left, area.bottom, area.right, area.bottom, ink);
    for (std::size_t i = 0; i < plot.occasions.size(); ++i) {
        const double px = centre_of(i);
        out += line(px, area.bottom, px, area.bottom + 5, ink);
        out += text(px, area.bottom + 18, plot.occasions[i].label,
                    "text-anchor=\"middle\" fill=\"" + std::string(ink) + "\"");
        out += text(px, area.bottom + 34, "n = " + std::to_string(plot.occasions[i].n),
                    "class=\"n-label\" text-anchor=\"middle\" font-size=\"11\" fill=\"" + std::string(muted) + "\"");
    }
    out += "</g>\n";

    for (std::size_t i = 0; i < plot.occasions.size(); ++i) {
        const ChangeBar& bar = plot.occasions[i];
        if (!drawn(bar)) continue;
        const double px = centre_of(i);
        const double cap = std::min(8.0, band / 4);
        std::string tooltip = bar.label + ": mean " + num(bar.mean);
        if (bar.low && bar.high) {
            const double top = y.map(*bar.high);
            const double bottom = y.map(*bar.low);
            out += "<g class=\"whisker\">\n";
            out += line(px, top, px, bottom, color(0), "stroke-width=\"1.5\"");
            out += line(px - cap, top, px + cap, top, color(0), "stroke-width=\"1.5\"");
            out += line(px - cap, bottom, px + cap, bottom, color(0), "stroke-width=\"1.5\"");
            out += "</g>\n";
            tooltip += " (" + num(*bar.low) + " to " + num(*bar.high) + ")";
        }
        tooltip += ", n = " + std::to_string(bar.n);
        out += "<circle cx=\"" + num(px) + "\" cy=\"" + num(y.map(bar.mean)) + "\" r=\"5\" fill=\"" + color(0) +
               "\" stroke=\"#ffffff\" stroke-width=\"1\"><title>" + escape(tooltip) + "</title></circle>\n";
    }
    return out + close_document();
}

std::string render(const KmPlot& plot)
{
    const std::string heading = heading_of(plot.title, plot.y_label, plot.x_label);
    const bool any_steps = std::any_of(plot.curves.begin(), plot.curves.end(),
                                       [](const KmCurve& curve) { return !curve.steps.empty(); });
    if (!any_steps) return no_data(heading, plot.y_label.empty() ? heading : plot.y_label);

    int last_day = 1;
    for (const KmCurve& curve : plot.curves)
        if (!curve.steps.empty()) last_day = std::max(last_day, curve.steps.back().day);
    const int x_max = plot.x_max > 0 ? plot.x_max : last_day;

    // Days run from 0 to exactly x_max (the follow-up the export chose), survival from 0 to 1.
    const Area area = wide_area;
    Scale x = nice_scale(0, x_max, area.left, area.right, 8);
    x.lo = 0;
    x.hi = x_max;
    Scale y;
    y.lo = 0;
    y.hi = 1;
    y.step = 0.2;
    y.pixel_lo = area.bottom;
    y.pixel_hi = area.top;

    std::string description = "Kaplan-Meier estimate of the share " + plot.y_label + " against " + plot.x_label +
                              " up to day " + std::to_string(x_max) + ":";
    for (std::size_t i = 0; i < plot.curves.size(); ++i) {
        const KmCurve& curve = plot.curves[i];
        std::size_t events = 0;
        for (const KmStep& step : curve.steps) events += step.events;
        const std::size_t subjects = curve.steps.empty() ? 0 : curve.steps.front().at_risk;
        double end = 1;
        for (const KmStep& step : curve.steps)
            if (step.day <= x_max) end = step.survival;
        description += (i ? "; " : " ") + curve.label + " n = " + std::to_string(subjects) + ", " +
                       std::to_string(events) + (events == 1 ? " event" : " events") + ", " + num(end) +
                       " at the end of follow-up";
    }
    description += ".";

    std::string out = open_document(heading, description);
    out += y_axis(area, y, plot.y_label);
    out += x_axis(area, x, plot.x_label);

    for (std::size_t c = 0; c < plot.curves.size(); ++c) {
        const KmCurve& curve = plot.curves[c];
        if (curve.steps.empty()) continue;
        // The curve's pieces: S, low and high hold from one step's day to the next one's.
        struct Piece {
            double day, survival, low, high;
        };
        std::vector<Piece> pieces{{0, 1, 1, 1}};
        for (const KmStep& step : curve.steps) {
            if (step.day > x_max) break;
            pieces.push_back({static_cast<double>(step.day), step.survival, step.low.value_or(step.survival),
                              step.high.value_or(step.survival)});
        }
        const double end_day = pieces.back().day;  // the curve stops at the last follow-up seen

        out += "<g class=\"km-curve\">\n";
        std::string upper, lower;
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const double next = i + 1 < pieces.size() ? pieces[i + 1].day : end_day;
            upper += (i ? " L" : "M") + num(x.map(pieces[i].day)) + "," + num(y.map(pieces[i].high)) + " L" +
                     num(x.map(next)) + "," + num(y.map(pieces[i].high));
        }
        for (std::size_t i = pieces.size(); i-- > 0;) {
            const double next = i + 1 < pieces.size() ? pieces[i + 1].day : end_day;
            lower += " L" + num(x.map(next)) + "," + num(y.map(pieces[i].low)) + " L" + num(x.map(pieces[i].day)) +
                     "," + num(y.map(pieces[i].low));
        }
        out += "<path class=\"km-band\" d=\"" + upper + lower + " Z\" fill=\"" + color(c) +
               "\" fill-opacity=\"0.15\" stroke=\"none\"/>\n";

        std::string d = "M" + num(x.map(0)) + "," + num(y.map(1));
        for (std::size_t i = 1; i < pieces.size(); ++i)
            d += " H" + num(x.map(pieces[i].day)) + " V" + num(y.map(pieces[i].survival));
        out += "<path class=\"km-line\" d=\"" + d + "\" fill=\"none\" stroke=\"" + color(c) +
               "\" stroke-width=\"2\"/>\n";

        for (const KmStep& step : curve.steps) {
            if (step.day > x_max) break;
            if (step.censored == 0) continue;
            const double px = x.map(step.day);
            const double py = y.map(step.survival);
            out += line(px, py - 4, px, py + 4, color(c), "class=\"censor\" stroke-width=\"1.5\"");
        }
        out += "</g>\n";
    }

    if (plot.curves.size() > 1) {
        // Bottom left: Kaplan-Meier curves start at the top left and fall to the right, so that
        // corner is the one they leave empty.
        const double row = 16;
        const double box_height = row * static_cast<double>(plot.curves.size()) + 8;
        const double box_top = area.bottom - 10 - box_height;
        out += "<g class=\"legend\">\n";
        out += "<rect x=\"" + num(area.left + 10) + "\" y=\"" + num(box_top) + "\" width=\"220\" height=\"" +
               num(box_height) + "\" fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"" + std::string(grid) + "\"/>\n";
        for (std::size_t c = 0; c < plot.curves.size(); ++c) {
            const KmCurve& curve = plot.curves[c];
            const double py = box_top + 4 + row * (static_cast<double>(c) + 0.5);
            const std::size_t subjects = curve.steps.empty() ? 0 : curve.steps.front().at_risk;
            out += line(area.left + 18, py, area.left + 38, py, color(c), "stroke-width=\"2\"");
            out += text(area.left + 44, py + 4, curve.label + " (n = " + std::to_string(subjects) + ")",
                        "font-size=\"11\" fill=\"" + std::string(ink) + "\"");
        }
        out += "</g>\n";
    }
    return out + close_document();
}

}  // namespace reable::analysis
