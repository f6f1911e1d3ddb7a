#pragma once

// Plain-text views for a terminal. Everything shown here comes from core's report structures;
// the JSON views (--json) come from core and carry the same content.

#include "reable/protocol/instrument.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/scoring/change.hpp"
#include "reable/scoring/report.hpp"

#include <string>

namespace reable::cli {

enum class Lang { en, nl };

const std::string& pick(const protocol::Text& text, Lang lang);

std::string render_report(const scoring::ScoreReport& report, Lang lang);
std::string render_change(const scoring::ChangeReport& report, Lang lang);
std::string render_instrument(const protocol::Instrument& instrument, Lang lang);
std::string render_list(const protocol::Registry& registry, Lang lang);

}  // namespace reable::cli
