#include "reable/analysis/kaplan_meier.hpp"
#include "reable/analysis/svg_plot.hpp"

#include <doctest/doctest.h>

#include <cctype>
#include <clocale>
#include <cstdlib>
#include <fstream>
#include <locale>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

using namespace reable::analysis;

namespace {

std::size_t count(std::string_view text, std::string_view needle)
{
    std::size_t n = 0;
    for (std::size_t at = text.find(needle); at != std::string_view::npos; at = text.find(needle, at + 1)) ++n;
    return n;
}

/// A small XML well-formedness check, enough for our own output: every tag closes in order,
/// attribute values are quoted, and every '&' starts one of the five predefined entities.
/// Returns an empty string when the text is fine, else what is wrong.
std::string xml_problem(std::string_view svg)
{
    std::vector<std::string> open;
    std::size_t i = 0;
    while (i < svg.size()) {
        if (svg[i] == '&') {
            bool known = false;
            for (std::string_view entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
                if (svg.substr(i, entity.size()) == entity) known = true;
            if (!known) return "a bare '&' at " + std::to_string(i);
            ++i;
            continue;
        }
        if (svg[i] == '>') return "a bare '>' at " + std::to_string(i);
        if (svg[i] != '<') {
            ++i;
            continue;
        }
        if (svg.substr(i, 2) == "<?") {
            const std::size_t end = svg.find("?>", i);
            if (end == std::string_view::npos) return "an unclosed declaration";
            i = end + 2;
            continue;
        }
        // Scan to the tag's end, skipping quoted attribute values.
        std::size_t end = i + 1;
        char quote = 0;
        for (; end < svg.size(); ++end) {
            const char c = svg[end];
            if (quote) {
                if (c == quote) quote = 0;
                else if (c == '<') return "a '<' inside an attribute value at " + std::to_string(end);
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '<') {
                return "a '<' inside a tag at " + std::to_string(end);
            } else if (c == '>') {
                break;
            }
        }
        if (end >= svg.size()) return "an unclosed tag at " + std::to_string(i);
        const std::string_view tag = svg.substr(i + 1, end - i - 1);
        const bool closing = !tag.empty() && tag.front() == '/';
        const bool self_closing = !tag.empty() && tag.back() == '/';
        std::string_view name = closing ? tag.substr(1) : tag;
        name = name.substr(0, name.find_first_of(" \t\n/"));
        if (name.empty()) return "a tag without a name at " + std::to_string(i);
        if (closing) {
            if (open.empty() || open.back() != name)
                return "</" + std::string(name) + "> closes " + (open.empty() ? "nothing" : "<" + open.back() + ">");
            open.pop_back();
        } else if (!self_closing) {
            open.emplace_back(name);
        }
        i = end + 1;
    }
    if (!open.empty()) return "<" + open.back() + "> is never closed";
    return {};
}

/// The numeric value of every attribute named `name` (x="…" and the like).
std::vector<double> attribute_values(std::string_view svg, std::string_view element, std::string_view name)
{
    std::vector<double> out;
    const std::string start = "<" + std::string(element) + " ";
    const std::string key = " " + std::string(name) + "=\"";
    for (std::size_t at = svg.find(start); at != std::string_view::npos; at = svg.find(start, at + 1)) {
        const std::size_t end = svg.find('>', at);
        const std::string_view tag = svg.substr(at, end - at);
        const std::size_t k = tag.find(key);
        if (k == std::string_view::npos) continue;
        out.push_back(std::stod(std::string(tag.substr(k + key.size()))));
    }
    return out;
}

/// Every number in the text has at most two decimals.
bool at_most_two_decimals(std::string_view svg)
{
    for (std::size_t i = 0; i + 3 < svg.size(); ++i)
        if (svg[i] == '.' && std::isdigit(static_cast<unsigned char>(svg[i + 1])) &&
            std::isdigit(static_cast<unsigned char>(svg[i + 2])) && std::isdigit(static_cast<unsigned char>(svg[i + 3])) &&
            i > 0 && std::isdigit(static_cast<unsigned char>(svg[i - 1])))
            return false;
    return true;
}

/// Well-formed, inside the 640 × 400 viewBox, and with a title and a description.
void check_document(const std::string& svg)
{
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("viewBox=\"0 0 640 400\"") != std::string::npos);
    CHECK(count(svg, "<title id=\"plot-title\">") == 1);
    CHECK(count(svg, "<desc id=\"plot-desc\">") == 1);
    CHECK(at_most_two_decimals(svg));
    for (const double x : attribute_values(svg, "text", "x")) {
        CHECK(x >= 0);
        CHECK(x <= 640);
    }
    for (const double y : attribute_values(svg, "text", "y")) {
        CHECK(y >= 12);  // a baseline at least one line below the top edge
        CHECK(y <= 400);
    }
}

ClientScorePlot tug_plot()
{
    ClientScorePlot plot;
    plot.title = "Timed Up and Go, client 17";
    plot.y_label = "TUG time (s)";
    plot.points = {{0, 16.4}, {42, 14.1}, {98, 12.2}, {182, 11.8}, {365, 12.9}};
    plot.point_labels = {"T0", "T1", "T2", "T3", "T4"};
    plot.norm_high = 13.5;  // the norm is open below: "under 13.5 s"
    plot.baseline = 16.4;
    plot.meaningful_change = 2.0;
    return plot;
}

CohortChangePlot sppb_cohort()
{
    CohortChangePlot plot;
    plot.title = "SPPB change from intake";
    plot.y_label = "mean change from baseline (points)";
    plot.occasions = {{"T1", 48, 1.2, 0.7, 1.7}, {"T2", 41, 1.9, 1.3, 2.5}, {"T3", 37, 2.1, 1.4, 2.8},
                      {"T4", 30, 1.6, 0.8, 2.4}};
    plot.meaningful_change = 1.0;
    return plot;
}

/// Two groups from fixed integer arithmetic, so the golden file never depends on a random source.
KmPlot household_help()
{
    KmPlot plot;
    plot.title = "Time to household help";
    const char* labels[] = {"14-week programme", "usual care"};
    for (int group = 0; group < 2; ++group) {
        KaplanMeier km;
        for (int i = 0; i < 40; ++i) {
            const int day = (i * 37 + group * 11) % 700 + 10 - group * 5 * (i % 4);
            const bool event = group == 0 ? i % 3 == 0 : i % 3 != 2;
            km.add(day, event);
        }
        for (int i = 0; i < 6; ++i) km.add(730 + i * 20, false);  // still without help after follow-up
        plot.curves.push_back({labels[group], km.steps()});
    }
    return plot;
}

/// A numpunct with a decimal comma and a thousands point, as de_DE has.
struct DecimalComma : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
};

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Compares with tests/exports/golden/<name>. With REABLE_UPDATE_GOLDEN set, writes the file
/// instead (then look at it in a viewer before committing it).
void check_golden(const std::string& name, const std::string& svg)
{
    const std::string path = std::string(REABLE_EXPORT_GOLDEN_DIR) + "/" + name;
    if (std::getenv("REABLE_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << svg;
        MESSAGE("wrote " << path);
    }
    CHECK(read_file(path) == svg);
}

}  // namespace

TEST_CASE("client score plot has the norm band, dashed meaningful-change lines and one circle per point")
{
    const std::string svg = render(tug_plot());
    check_document(svg);
    CHECK(count(svg, "<circle ") == 5);
    CHECK(count(svg, "class=\"norm-band\"") == 1);
    CHECK(count(svg, "class=\"meaningful-change\"") == 2);  // baseline + 2 and baseline − 2
    CHECK(count(svg, "stroke-dasharray") == 2);
    CHECK(count(svg, ">meaningful change</text>") == 2);
    CHECK(count(svg, "class=\"baseline\"") == 1);
    CHECK(count(svg, "class=\"point-label\"") == 5);
    CHECK(svg.find(">TUG time (s)</text>") != std::string::npos);
    CHECK(svg.find(">days since start</text>") != std::string::npos);
    CHECK(svg.find("<title id=\"plot-title\">Timed Up and Go, client 17</title>") != std::string::npos);
    // The y range covers 11.8 to 18.4 (baseline + 2) and widens to nice ticks 10, 12 … 20.
    CHECK(svg.find(">10</text>") != std::string::npos);
    CHECK(svg.find(">20</text>") != std::string::npos);
    CHECK(svg.find(">22</text>") == std::string::npos);
}

TEST_CASE("client score plot draws an open-ended norm band to the edge of the plot")
{
    ClientScorePlot plot = tug_plot();
    plot.meaningful_change.reset();
    plot.baseline.reset();
    plot.norm_high.reset();
    plot.norm_low = 12.0;  // "12 and above": the band runs to the top of the plot area (y = 48)
    const std::string svg = render(plot);
    check_document(svg);
    const std::size_t band = svg.find("class=\"norm-band\"");
    REQUIRE(band != std::string::npos);
    CHECK(svg.find("y=\"48\"", band) < svg.find("/>", band));
    CHECK(count(svg, "class=\"meaningful-change\"") == 0);
}

TEST_CASE("client score plot without points or with a single point")
{
    ClientScorePlot plot = tug_plot();
    plot.points.clear();
    std::string svg = render(plot);
    check_document(svg);
    CHECK(svg.find(">no data</text>") != std::string::npos);
    CHECK(count(svg, "<circle ") == 0);

    plot.points = {{0, 12.0}};
    plot.point_labels.clear();
    plot.norm_high.reset();
    plot.baseline.reset();
    plot.meaningful_change.reset();
    svg = render(plot);  // one value: the axes still get a range around it
    check_document(svg);
    CHECK(count(svg, "<circle ") == 1);
    CHECK(svg.find("no data") == std::string::npos);
}

TEST_CASE("client score plot draws its words from its fields: another language replaces every English one")
{
    ClientScorePlot plot = tug_plot();
    plot.x_label = "dagen sinds start";
    plot.norm_label = "norm (NL)";
    plot.baseline_label = "uitgangswaarde";
    plot.change_label = "betekenisvolle verandering";
    plot.no_data_label = "geen gegevens";
    plot.day_label = "dag";
    plot.description = "TUG-tijd tegen dagen sinds start.";
    std::string svg = render(plot);
    check_document(svg);
    CHECK(svg.find(">dagen sinds start</text>") != std::string::npos);
    CHECK(svg.find(">norm (NL)</text>") != std::string::npos);
    CHECK(svg.find(">uitgangswaarde</text>") != std::string::npos);
    CHECK(count(svg, ">betekenisvolle verandering</text>") == 2);
    CHECK(svg.find("<desc id=\"plot-desc\">TUG-tijd tegen dagen sinds start.</desc>") != std::string::npos);
    CHECK(svg.find("<title>T1: dag 42, 14.1</title>") != std::string::npos);
    // Text only: the class names (class="baseline") are markup, not words a reader sees.
    for (const char* english : {">days since start<", ">baseline<", ">meaningful change<", ">norm<", " against ", ": day "})
        CHECK_MESSAGE(svg.find(english) == std::string::npos, english);

    plot.points.clear();
    svg = render(plot);
    CHECK(svg.find(">geen gegevens</text>") != std::string::npos);
    CHECK(svg.find(">no data</text>") == std::string::npos);
}

TEST_CASE("cohort change plot has whiskers, a zero line, n under each label and a dashed meaningful-change line")
{
    const std::string svg = render(sppb_cohort());
    check_document(svg);
    CHECK(count(svg, "<circle ") == 4);
    CHECK(count(svg, "class=\"whisker\"") == 4);
    CHECK(count(svg, "class=\"zero-line\"") == 1);
    CHECK(count(svg, "class=\"meaningful-change\"") == 1);
    CHECK(count(svg, "stroke-dasharray") == 1);
    CHECK(svg.find(">n = 48</text>") != std::string::npos);
    CHECK(svg.find(">n = 30</text>") != std::string::npos);
    CHECK(svg.find(">mean change from baseline (points)</text>") != std::string::npos);
}

TEST_CASE("cohort change plot without occasions or with an empty occasion")
{
    CohortChangePlot plot = sppb_cohort();
    plot.occasions[2] = {"T3", 0, 0, std::nullopt, std::nullopt};
    std::string svg = render(plot);
    check_document(svg);
    CHECK(count(svg, "<circle ") == 3);  // no mean for n = 0
    CHECK(svg.find(">n = 0</text>") != std::string::npos);

    plot.occasions.clear();
    svg = render(plot);
    check_document(svg);
    CHECK(svg.find(">no data</text>") != std::string::npos);
}

TEST_CASE("Kaplan-Meier plot has a step line, a band and censor ticks per curve and a legend for two")
{
    const KmPlot plot = household_help();
    const std::string svg = render(plot);
    check_document(svg);
    CHECK(count(svg, "class=\"km-line\"") == 2);
    CHECK(count(svg, "class=\"km-band\"") == 2);
    CHECK(count(svg, "class=\"censor\"") > 0);
    CHECK(count(svg, "class=\"legend\"") == 1);
    CHECK(svg.find("14-week programme (n = 46)") != std::string::npos);
    CHECK(svg.find(">without household help</text>") != std::string::npos);
    // Censorings after day 730 are cut off: no tick right of the plot area.
    for (const double x : attribute_values(svg, "line", "x1")) CHECK(x <= 616);

    KmPlot one = plot;
    one.curves.pop_back();
    CHECK(render(one).find("class=\"legend\"") == std::string::npos);
}

TEST_CASE("Kaplan-Meier plot starts at S = 1 on day 0 and draws an all-censored curve flat")
{
    KaplanMeier km;
    km.add(100, false);
    km.add(200, false);
    KmPlot plot;
    plot.curves.push_back({"all censored", km.steps()});
    const std::string svg = render(plot);
    check_document(svg);
    // Day 0 is x = 80, S = 1 is y = 48; the line stays at y = 48 until day 200.
    CHECK(svg.find("d=\"M80,48 H") != std::string::npos);
    CHECK(count(svg, "class=\"censor\"") == 2);
    CHECK(svg.find("V48 H") != std::string::npos);
}

TEST_CASE("Kaplan-Meier plot without curves or steps shows no data")
{
    KmPlot plot;
    std::string svg = render(plot);
    check_document(svg);
    CHECK(svg.find(">no data</text>") != std::string::npos);
    plot.curves.push_back({"empty", {}});
    svg = render(plot);
    check_document(svg);
    CHECK(svg.find(">no data</text>") != std::string::npos);
}

TEST_CASE("plot text is escaped everywhere it appears")
{
    ClientScorePlot client = tug_plot();
    client.title = "a <&> \"b\" 'c'";
    client.point_labels[0] = "T0 <intake>";
    client.y_label = "time & \"speed\"";
    std::string svg = render(client);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("<&>") == std::string::npos);
    CHECK(count(svg, "a &lt;&amp;&gt; &quot;b&quot; &apos;c&apos;") == 2);  // <title> and the heading
    CHECK(svg.find("T0 &lt;intake&gt;") != std::string::npos);
    CHECK(svg.find("time &amp; &quot;speed&quot;") != std::string::npos);

    CohortChangePlot cohort = sppb_cohort();
    cohort.title = "<&>";
    cohort.occasions[0].label = "T1 & T2";
    svg = render(cohort);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("&lt;&amp;&gt;") != std::string::npos);
    CHECK(svg.find("T1 &amp; T2") != std::string::npos);

    KmPlot km = household_help();
    km.title = "<&>";
    km.curves[0].label = "<group>";
    svg = render(km);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("&lt;group&gt; (n = 46)") != std::string::npos);

    ClientScorePlot empty;
    empty.title = "<&>";
    svg = render(empty);
    CHECK(xml_problem(svg) == "");
    CHECK(svg.find("&lt;&amp;&gt;") != std::string::npos);
}

TEST_CASE("plots are identical from call to call")
{
    CHECK(render(tug_plot()) == render(tug_plot()));
    CHECK(render(sppb_cohort()) == render(sppb_cohort()));
    CHECK(render(household_help()) == render(household_help()));
}

TEST_CASE("plots write numbers with a point whatever the global locale")
{
    const std::string client = render(tug_plot());
    const std::string cohort = render(sppb_cohort());
    const std::string km = render(household_help());
    std::locale german;
    bool found = false;
    for (const char* name : {"de_DE.UTF-8", "de_DE.utf8", "de_DE", "German_Germany.1252"}) {
        try {
            german = std::locale(name);
            found = true;
            break;
        } catch (const std::runtime_error&) {
        }
    }
    if (!found) {
        // Without an installed German locale, still give the C++ side a decimal comma: streams
        // and std::to_string-like formatting through the global locale would then write "1,5".
        MESSAGE("no German locale installed: only the C++ global locale gets a decimal comma");
        german = std::locale(std::locale::classic(), new DecimalComma);
    }
    const std::locale previous = std::locale::global(german);  // a named locale also sets the C locale
    std::ostringstream probe;
    probe << 1.5;
    CHECK(probe.str() == "1,5");  // the locale is in force: a stream would write a comma
    const std::string client_de = render(tug_plot());
    const std::string cohort_de = render(sppb_cohort());
    const std::string km_de = render(household_help());
    std::locale::global(previous);
    CHECK(client_de == client);
    CHECK(cohort_de == cohort);
    CHECK(km_de == km);
}

TEST_CASE("plots match their golden files")
{
    check_golden("client_score_plot.svg", render(tug_plot()));
    check_golden("cohort_change_plot.svg", render(sppb_cohort()));
    check_golden("km_plot.svg", render(household_help()));
}
