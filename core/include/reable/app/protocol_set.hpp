#pragma once

#include "reable/protocol/issue.hpp"
#include "reable/protocol/registry.hpp"

#include <filesystem>
#include <vector>

namespace reable::app {

/// The result of checking a protocol set without using it.
struct ProtocolCheck {
    std::size_t files = 0;  ///< instrument files read
    std::size_t instruments = 0;
    std::size_t trajectory_files = 0;  ///< trajectory template files read
    std::size_t trajectories = 0;
    std::size_t norm_files = 0;  ///< household-help norm tables read (policies/norms/)
    std::size_t norms = 0;
    std::size_t policy_files = 0;  ///< decision policies read (policies/)
    std::size_t policies = 0;
    std::vector<protocol::Issue> issues;
};

/// Checks everything a program checks before it starts: each file's structure and rules, then
/// each file's worked examples, then that no {id, version} appears twice. `path` may be
/// - a protocol root: instruments/ and, when present, trajectories/ (whose templates may name the
///   instruments of instruments/);
/// - a folder named trajectories, or one file in it: templates, checked against the instruments
///   of the sibling instruments/ folder (whose own issues are not reported here);
/// - a folder named policies, or one file in it: policies (with the norm tables of policies/norms),
///   checked against the instruments and templates beside it;
/// - a folder named norms inside policies, or one file in it: norm tables;
/// - any other folder or file: instruments.
/// A protocol root's policies/ (and policies/norms/) are checked too when present.
ProtocolCheck check_protocols(const std::filesystem::path& path);

/// Loads the protocol set under `root` (instruments/ and, when present, trajectories/) for use.
/// Refuses an invalid set: throws Error{protocol_invalid} whose details list every issue, so a
/// program never runs on a set that has even one problem.
protocol::Registry load_registry(const std::filesystem::path& root);

}  // namespace reable::app
