#pragma once

#include "reable/protocol/instrument.hpp"
#include "reable/protocol/issue.hpp"
#include "reable/protocol/policy.hpp"
#include "reable/protocol/trajectory.hpp"

#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace reable::protocol {

/// What reading one or more instrument files produced. When `issues` is not empty the
/// instruments must not be used: a file with issues is left out of `instruments`.
struct InstrumentLoad {
    std::vector<Instrument> instruments;
    std::vector<Issue> issues;
};

/// Reads one instrument from JSON text. `file` is only used in messages. Checks the structure,
/// every reference, every band table (no gaps, no overlaps at the input's precision, edges on
/// the precision grid) and every state mapping. Does not run the worked examples: see
/// app::validate_instruments for the complete check.
InstrumentLoad read_instrument(const std::string& json_text, const std::string& file);

/// Reads every *.json file in `directory` (not recursive), in file-name order, and checks that
/// no {id, version} pair appears twice.
InstrumentLoad read_instrument_directory(const std::filesystem::path& directory);

/// What reading one or more trajectory template files produced. When `issues` is not empty the
/// templates must not be used: a file with issues is left out of `trajectories`.
struct TrajectoryLoad {
    std::vector<TrajectoryTemplate> trajectories;
    std::vector<Issue> issues;
};

/// Reads one trajectory template from JSON text. `file` is only used in messages;
/// `instrument_ids` are the instruments its occasions may name (those of the same protocol set).
/// Checks the structure, every reference (phases, occasions, instruments, disciplines, sources)
/// and every range (week ranges inside their phase, the training phase against training_weeks).
/// Does not run the worked examples: see app::check_protocols for the complete check.
TrajectoryLoad read_trajectory(const std::string& json_text, const std::string& file,
                               const std::set<std::string>& instrument_ids);

/// Reads every *.json file in `directory` (not recursive), in file-name order, and checks that
/// no {id, version} pair appears twice.
TrajectoryLoad read_trajectory_directory(const std::filesystem::path& directory,
                                         const std::set<std::string>& instrument_ids);

/// What reading household-help norm tables (protocols/policies/norms/*.json) produced.
struct NormsLoad {
    std::vector<HhNorms> norms;
    std::vector<Issue> issues;
};

/// Reads one norm table (reable.hh-norms/1): bands (one for each condition, no overlaps), extra
/// items, rounding and worked examples (run by app::check_protocols, not here).
NormsLoad read_norms(const std::string& json_text, const std::string& file);
NormsLoad read_norms_directory(const std::filesystem::path& directory);

/// What a policy file may name: the instruments with their scores, the trajectory templates with
/// their occasions, and the norm tables of the same protocol set.
struct PolicyContext {
    std::map<std::string, std::set<std::string>> instrument_scores;
    std::map<std::string, std::set<std::string>> trajectory_occasions;
    std::set<std::string> norm_ids;
};

struct PolicyLoad {
    std::vector<Policy> policies;
    std::vector<Issue> issues;
};

/// Reads one decision policy (reable.policy/1), resolving its names against `context`.
PolicyLoad read_policy(const std::string& json_text, const std::string& file, const PolicyContext& context);
PolicyLoad read_policy_directory(const std::filesystem::path& directory, const PolicyContext& context);

}  // namespace reable::protocol
