#pragma once

// One client's primary score of an instrument over time, as SVG: for an evaluator discussing a
// case by pseudonym, or a team member looking at progress. The plot shows the norm band for the
// client's sex and age (when the instrument has a norm table) and the meaningful change around
// the baseline. One function plots one trajectory; the pseudonym search and the web service's
// trajectory plot both use it.

#include "reable/analysis/svg_plot.hpp"
#include "reable/exports/pseudonym.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reable::exports {

/// The language of the words a plot draws (title, axis titles, the names of its lines).
enum class PlotLanguage : std::uint8_t { nl, en };
/// "nl" or "en"; nullopt for anything else.
std::optional<PlotLanguage> plot_language_from_string(std::string_view text);

/// What plotting a trajectory needs of it and of its client: the start (day 0), and sex and birth
/// date for the norm band.
struct PlottedTrajectory {
    domain::TrajectoryId trajectory;
    calendar::Date start;
    domain::Sex sex = domain::Sex::female;
    calendar::Date birth_date;
};

/// The instrument to plot. Error{invalid_input} for an unknown id (naming the known ones) or an
/// instrument without a primary score.
const protocol::Instrument& plotted_instrument(const protocol::Registry& registry, const std::string& instrument_id);

/// The primary score of `instrument` on one trajectory, in time order from its start, with the
/// norm band for the client's sex and age at the first test and the meaningful change around
/// the baseline (the first test); titled with the instrument's name; its words in `language`.
/// nullopt when the trajectory has no numeric result of the instrument.
std::optional<analysis::ClientScorePlot> trajectory_score_plot(storage::UnitOfWork& work,
                                                               const protocol::Instrument& instrument,
                                                               const PlottedTrajectory& trajectory,
                                                               PlotLanguage language);

struct ClientPlotResult {
    domain::ClientId client;  ///< for the audit line; never shown
    std::string svg;
};

/// The newest of the client's trajectories with a numeric result, in English. Throws
/// Error{not_found} when no client has the pseudonym under this key or the client has no numeric
/// result of the instrument, Error{invalid_input} for an unknown instrument.
ClientPlotResult client_score_plot(storage::UnitOfWork& work, const protocol::Registry& registry,
                                   const PseudonymKey& key, const std::string& pseudonym,
                                   const std::string& instrument_id);

}  // namespace reable::exports
