#pragma once

// Evaluator exports, the same for the command line and the web service: which files an export
// kind consists of, and a run that records itself (with an audit line) before any data leaves,
// writes the files and completes its record with the manifest.

#include "reable/domain/audit.hpp"
#include "reable/exports/manifest.hpp"
#include "reable/exports/options.hpp"
#include "reable/exports/outcomes.hpp"
#include "reable/exports/pseudonym.hpp"
#include "reable/protocol/registry.hpp"
#include "reable/storage/database.hpp"
#include "reable/timestamp.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace reable::app {

enum class ExportKind { outcomes, codebook, fhir, report };
std::string_view to_string(ExportKind kind);
std::optional<ExportKind> parse_export_kind(std::string_view text);

/// Settings of the report: the tariff that turns avoided minutes into money.
struct ReportSettings {
    std::optional<Decimal> tariff_per_hour;  ///< euro per hour of household help; no costs without it
    int min_cell = 5;                         ///< cells with fewer clients are suppressed
};

/// One file of an export and how to write it from a read transaction. Returns the rows written.
struct ExportFile {
    std::string name;
    std::string media_type;
    std::function<std::uint64_t(storage::UnitOfWork&, std::ostream&)> write;
};

/// Everything an export needs besides the database.
struct ExportContext {
    const protocol::Registry& registry;
    const exports::PseudonymKey& key;
    exports::ExportOptions options;
    ReportSettings report;
    exports::Progress progress;  ///< called by the largest file's writer
    /// The report plots the change of these instruments (those measured in the cohort with a
    /// primary score; see measured_instruments).
    std::vector<std::string> instruments;
};

/// The instruments measured in the cohort that have a primary score, sorted.
std::vector<std::string> measured_instruments(storage::UnitOfWork& work, const protocol::Registry& registry,
                                              const storage::ExportFilter& filter);

/// The files of an export kind, in the order they are written.
std::vector<ExportFile> export_files(ExportKind kind, const ExportContext& context);

/// Starts a run: records it as streaming in `work`, with its audit line unless `log` is false (the
/// web service logs through its own pipeline); `audit` names the user, role, basis and resource.
/// The caller commits before the first byte leaves. Returns the run's id.
std::int64_t record_export_start(storage::UnitOfWork& work, ExportKind kind, const exports::ExportOptions& options,
                                 const domain::AuditEvent& audit, Instant now, bool log = true);
/// Completes a run with its manifest (status complete) or marks it aborted.
void record_export_end(storage::UnitOfWork& work, std::int64_t run, bool complete, const exports::Manifest& manifest,
                       Instant now);

/// A manifest with what the database and the registry say about the cohort filled in.
exports::Manifest base_manifest(storage::UnitOfWork& work, const protocol::Registry& registry, ExportKind kind,
                                const exports::ExportOptions& options, const domain::AuditEvent& audit,
                                const exports::PseudonymKey& key, Instant now);

/// Writes every file of an export kind into `directory` (created if needed) and a manifest.json.
/// Files are written under temporary names and renamed only when all are complete, so a failed
/// export leaves no partial files behind. The data are read in one snapshot.
exports::Manifest export_to_directory(storage::Database& db, ExportKind kind, const ExportContext& context,
                                      const domain::AuditEvent& audit, const std::filesystem::path& directory,
                                      Instant now);

}  // namespace reable::app
