#pragma once

// The outcome files for R, SPSS or pandas, streamed one trajectory at a time:
//  - long (tidy): one row per client × trajectory × occasion × instrument × item trial or score;
//  - wide: one row per client and trajectory, with the client facts an analysis may use, household
//    help at each follow-up point and every score at every occasion measured in the cohort.
// Clients appear by pseudonym only, dates as days since the trajectory start (or year-month), and
// no free text is written (none is read: see storage/export_reader.hpp).

#include "reable/exports/options.hpp"
#include "reable/exports/pseudonym.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/export_reader.hpp"

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace reable::exports {

/// Called after each trajectory with (done, total).
using Progress = std::function<void(std::size_t, std::size_t)>;

struct WriteCounts {
    std::uint64_t trajectories = 0;
    std::uint64_t clients = 0;  ///< distinct pseudonyms among consecutive trajectories
    std::uint64_t rows = 0;     ///< data rows, without the header
};

WriteCounts write_long_csv(storage::ExportReader& reader, const PseudonymKey& key, const ExportOptions& options,
                           std::ostream& out, const Progress& progress = {});

/// A column of the wide file: its name, and where its value comes from.
struct WideColumn {
    std::string name{};        ///< "tug__tug_time__intake"
    std::string instrument{};  ///< empty for the fixed columns
    std::string instrument_version{};
    std::string occasion{};
    std::string score{};  ///< empty for an occasion's date column
};

/// The fixed columns first, then household help per follow-up point, then per (instrument,
/// occasion) measured in the cohort: its date and each score of the instrument.
std::vector<WideColumn> wide_columns(const std::vector<storage::ExportColumnSource>& sources,
                                     const protocol::Registry& registry, DateMode dates);

WriteCounts write_wide_csv(storage::ExportReader& reader, const protocol::Registry& registry, const PseudonymKey& key,
                           const ExportOptions& options, std::ostream& out, const Progress& progress = {});

/// The instrument of a stored result, or nullptr when this program no longer ships that version.
const protocol::Instrument* find_instrument(const protocol::Registry& registry, std::string_view id,
                                            std::string_view version);

}  // namespace reable::exports
