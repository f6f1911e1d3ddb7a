#pragma once

// Plain-text views for a terminal. Everything shown here comes from core's report structures;
// the JSON views (--json) come from core and carry the same content.

#include "reable/calendar.hpp"
#include "reable/protocol/instrument.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/protocol/trajectory.hpp"
#include "reable/scoring/change.hpp"
#include "reable/scoring/report.hpp"

#include <optional>
#include <string>

namespace reable::cli {

enum class Lang { en, nl };

const std::string& pick(const protocol::Text& text, Lang lang);

std::string render_report(const scoring::ScoreReport& report, Lang lang);
std::string render_change(const scoring::ChangeReport& report, Lang lang);
std::string render_instrument(const protocol::Instrument& instrument, Lang lang);
/// Instruments, then trajectory templates when the set has any.
std::string render_list(const protocol::Registry& registry, Lang lang);
/// A template: phases, session plan, occasions with their instruments, sources; every number with
/// its provenance. With `start`, also the dates of each occasion and the planned sessions.
std::string render_trajectory(const protocol::TrajectoryTemplate& trajectory, Lang lang,
                              std::optional<calendar::Date> start);
/// The templates of a registry, one row each.
std::string render_trajectory_list(const protocol::Registry& registry, Lang lang);

}  // namespace reable::cli
