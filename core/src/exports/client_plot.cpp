#include "reable/exports/client_plot.hpp"

#include "reable/error.hpp"
#include "reable/exports/indicators.hpp"
#include "reable/exports/outcomes.hpp"
#include "reable/units.hpp"

#include <Poco/JSON/Parser.h>

#include <algorithm>
#include <cmath>

namespace reable::exports {
namespace {

const protocol::Instrument& known_instrument(const protocol::Registry& registry, const std::string& id)
{
    std::string known;
    for (const protocol::Instrument& i : registry.instruments()) {
        if (i.id == id) return registry.instrument(id);
        known += (known.empty() ? "" : ", ") + i.id;
    }
    throw Error(ErrorCode::invalid_input, "instrument: \"" + id + "\" is not an instrument; known: " + known);
}

/// The client's trajectories (any state), found by pseudonym: each client's pseudonym is computed
/// once, so the search costs one HMAC per client.
std::vector<storage::ExportTrajectory> trajectories_of(storage::ExportReader& reader, const PseudonymKey& key,
                                                       const std::string& pseudonym)
{
    std::vector<storage::ExportTrajectory> found;
    const auto cursor = reader.trajectories({});
    storage::ExportTrajectory t;
    std::int64_t last_client = 0;
    bool match = false;
    while (cursor->next(t)) {
        if (t.client.value != last_client) {
            last_client = t.client.value;
            match = key.pseudonym(t.client) == pseudonym;
        }
        if (match) found.push_back(t);
    }
    return found;
}

std::optional<protocol::NormRow> norm_row(const protocol::Instrument& instrument, const protocol::Score& score,
                                          domain::Sex sex, int age)
{
    const protocol::Sex wanted = sex == domain::Sex::female ? protocol::Sex::female : protocol::Sex::male;
    for (const protocol::NormTable& table : instrument.norms) {
        if (table.score != score.slot) continue;
        for (const protocol::NormRow& row : table.rows)
            if (row.sex == wanted && row.age_min <= age && age <= row.age_max) return row;
    }
    return std::nullopt;
}

/// The words drawn in a plot, and a score's label, in the chosen language.
const std::string& in(const protocol::Text& text, PlotLanguage language)
{
    return language == PlotLanguage::nl ? text.nl : text.en;
}

void use_words(analysis::ClientScorePlot& plot, PlotLanguage language)
{
    if (language == PlotLanguage::en) return;  // the plot's own defaults are English
    plot.x_label = "dagen sinds start";
    plot.norm_label = "norm";
    plot.baseline_label = "uitgangswaarde";
    plot.change_label = "betekenisvolle verandering";
    plot.no_data_label = "geen gegevens";
    plot.day_label = "dag";
}

/// A unit as a reader of the language writes it: the symbols of physical units are the same in
/// both, the words are not.
std::string unit_text(units::Unit unit, PlotLanguage language)
{
    if (language == PlotLanguage::nl && unit == units::Unit::points) return "punten";
    if (language == PlotLanguage::nl && unit == units::Unit::count) return "aantal";
    return std::string(units::symbol(unit));
}

/// The screen reader's sentence in Dutch (the plot makes an English one itself).
std::string dutch_description(const analysis::ClientScorePlot& p)
{
    using analysis::plot_number;
    const std::size_t n = p.points.size();
    std::string out = p.y_label + " tegen " + p.x_label + ": " + std::to_string(n) + (n == 1 ? " meting" : " metingen") +
                      ", van " + plot_number(p.points.front().y) + " tot " + plot_number(p.points.back().y);
    if (p.norm_low && p.norm_high)
        out += "; norm van " + plot_number(*p.norm_low) + " tot " + plot_number(*p.norm_high);
    else if (p.norm_low)
        out += "; norm vanaf " + plot_number(*p.norm_low);
    else if (p.norm_high)
        out += "; norm tot " + plot_number(*p.norm_high);
    if (p.baseline) out += "; uitgangswaarde " + plot_number(*p.baseline);
    if (p.meaningful_change && *p.meaningful_change != 0)
        out += "; betekenisvolle verandering " + plot_number(std::abs(*p.meaningful_change)) +
               " naar beide kanten van " + plot_number(p.baseline.value_or(p.points.front().y));
    return out + ".";
}

}  // namespace

std::optional<PlotLanguage> plot_language_from_string(std::string_view text)
{
    if (text == "nl") return PlotLanguage::nl;
    if (text == "en") return PlotLanguage::en;
    return std::nullopt;
}

const protocol::Instrument& plotted_instrument(const protocol::Registry& registry, const std::string& instrument_id)
{
    const protocol::Instrument& instrument = known_instrument(registry, instrument_id);
    if (!instrument.primary_score)
        throw Error(ErrorCode::invalid_input, "instrument: " + instrument_id + " has no primary score to plot");
    return instrument;
}

std::optional<analysis::ClientScorePlot> trajectory_score_plot(storage::UnitOfWork& work,
                                                               const protocol::Instrument& instrument,
                                                               const PlottedTrajectory& trajectory,
                                                               PlotLanguage language)
{
    const protocol::Score& score = instrument.scores.at(instrument.primary_score.value());
    analysis::ClientScorePlot plot;
    use_words(plot, language);
    std::optional<calendar::Date> first_test;
    for (const domain::TestResult& r : work.measurements().results(trajectory.trajectory)) {
        if (r.instrument_id != instrument.id) continue;
        const auto scores = Poco::JSON::Parser().parse(r.scores_json).extract<Poco::JSON::Object::Ptr>();
        const auto values = scores->getObject("scores");
        if (!values || !values->has(score.id) || !values->get(score.id).isNumeric()) continue;
        plot.points.push_back({static_cast<double>((r.tested_on - trajectory.start).count()),
                               values->getValue<double>(score.id)});
        plot.point_labels.push_back(r.occasion);
        if (!first_test || r.tested_on < *first_test) first_test = r.tested_on;
    }
    if (plot.points.empty()) return std::nullopt;
    plot.title = in(instrument.name, language);
    plot.y_label = in(score.label, language) + " (" + unit_text(score.unit, language) + ")";
    if (const auto row = norm_row(instrument, score, trajectory.sex, calendar::age_at(trajectory.birth_date, *first_test))) {
        plot.norm_low = row->low.to_double();
        plot.norm_high = row->high.to_double();
    }
    // In time order; the earliest test is the baseline.
    std::vector<std::size_t> order(plot.points.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return plot.points[a].x < plot.points[b].x; });
    analysis::ClientScorePlot sorted = plot;
    for (std::size_t i = 0; i < order.size(); ++i) {
        sorted.points[i] = plot.points[order[i]];
        sorted.point_labels[i] = plot.point_labels[order[i]];
    }
    plot = std::move(sorted);
    plot.baseline = plot.points.front().y;
    if (const auto mic = primary_meaningful_change(instrument)) plot.meaningful_change = mic->magnitude;
    if (language == PlotLanguage::nl) plot.description = dutch_description(plot);
    return plot;
}

ClientPlotResult client_score_plot(storage::UnitOfWork& work, const protocol::Registry& registry,
                                   const PseudonymKey& key, const std::string& pseudonym,
                                   const std::string& instrument_id)
{
    const protocol::Instrument& instrument = plotted_instrument(registry, instrument_id);
    const std::vector<storage::ExportTrajectory> trajectories = trajectories_of(work.exports(), key, pseudonym);
    if (trajectories.empty())
        throw Error(ErrorCode::not_found, "pseudonym: no client has pseudonym " + pseudonym + " under this key");

    // The newest trajectory with a numeric result of the instrument.
    for (auto t = trajectories.rbegin(); t != trajectories.rend(); ++t) {
        auto plot = trajectory_score_plot(work, instrument, {t->trajectory, t->start, t->sex, t->birth_date},
                                          PlotLanguage::en);
        if (!plot) continue;
        plot->title = instrument.name.en + " of client " + pseudonym.substr(0, 12) + "…, trajectory " +
                      std::to_string(t->ordinal);
        return {t->client, analysis::render(*plot)};
    }
    throw Error(ErrorCode::not_found,
                "client " + pseudonym + " has no numeric " + instrument_id + " result to plot");
}

}  // namespace reable::exports
