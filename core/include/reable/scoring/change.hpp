#pragma once

#include "reable/scoring/report.hpp"

namespace reable::scoring {

enum class Direction : std::uint8_t { improved, declined, unchanged, not_comparable };
std::string_view to_string(Direction direction);

/// The change of one score (or one measurement item) between two occasions.
struct ChangeLine {
    std::string id;
    protocol::Text label;
    bool is_item = false;
    std::string unit;
    ShownValue before;
    ShownValue after;
    std::optional<Decimal> delta;  ///< after − before, when both are numbers
    std::string delta_text;        ///< "+1.5 points"
    Direction direction = Direction::not_comparable;
    /// Meaningful-change verdict, when the instrument defines a minimal important change for
    /// this score: the highest threshold the change reaches, or none ("no meaningful change").
    bool has_threshold = false;
    bool meaningful = false;
    std::string threshold_code;
    protocol::Text threshold_label;
    std::optional<ProvenanceView> provenance;
};

struct ChangeReport {
    std::string instrument_id;
    std::string instrument_version;
    protocol::Text instrument_name;
    std::optional<calendar::Date> before_date;
    std::optional<calendar::Date> after_date;
    std::vector<ChangeLine> scores;
    /// Measurement items with one trial that feed a score (COPM: each problem's ratings).
    std::vector<ChangeLine> items;
};

/// Compares two occasions of the same instrument version. The change is after − before; its
/// direction follows the score's "better"; a threshold is reached when the magnitude is ≥ (or >,
/// as the source writes it) the threshold.
ChangeReport compare(const Observation& before_observation, const Subject& before_subject, const ScoreSheet& before,
                     const Observation& after_observation, const Subject& after_subject, const ScoreSheet& after);

}  // namespace reable::scoring
