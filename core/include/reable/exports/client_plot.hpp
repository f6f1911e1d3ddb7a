#pragma once

// One client's primary score of an instrument over time, as SVG: for an evaluator discussing a
// case by pseudonym, or a team member looking at progress. The plot shows the norm band for the
// client's sex and age (when the instrument has a norm table) and the meaningful change around
// the baseline.

#include "reable/exports/pseudonym.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"

#include <string>

namespace reable::exports {

struct ClientPlotResult {
    domain::ClientId client;  ///< for the audit line; never shown
    std::string svg;
};

/// Throws Error{not_found} when no client has the pseudonym under this key or the client has no
/// numeric result of the instrument, Error{invalid_input} for an unknown instrument.
ClientPlotResult client_score_plot(storage::UnitOfWork& work, const protocol::Registry& registry,
                                   const PseudonymKey& key, const std::string& pseudonym,
                                   const std::string& instrument_id);

}  // namespace reable::exports
