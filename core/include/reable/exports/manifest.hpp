#pragma once

// Every export says what it holds: what was exported, when, by whom, with which filters, how many
// trajectories, clients and rows, under which instrument and policy versions and which key, and
// the SHA-256 of every file, so that a recipient can check that nothing was changed or left out.

#include "reable/exports/options.hpp"
#include "reable/exports/outcomes.hpp"
#include "reable/security/crypto.hpp"
#include "reable/storage/export_reader.hpp"

#include <cstdint>
#include <ostream>
#include <streambuf>
#include <string>
#include <vector>

namespace reable::exports {

/// An output stream that counts and hashes what passes through to `target`.
class DigestingStream : public std::ostream {
public:
    explicit DigestingStream(std::ostream& target);
    ~DigestingStream() override;
    std::uint64_t bytes() const { return m_buffer.bytes; }
    /// The SHA-256 of everything written (flushes first; write nothing after).
    std::string sha256();

private:
    struct Buffer : std::streambuf {
        explicit Buffer(std::ostream& t) : target(t) {}
        std::ostream& target;
        security::Sha256 hash;
        std::uint64_t bytes = 0;
        std::streamsize xsputn(const char* s, std::streamsize n) override;
        int_type overflow(int_type c) override;
    };
    Buffer m_buffer;
};

struct ManifestFile {
    std::string name;
    std::string media_type;
    std::uint64_t bytes = 0;
    std::uint64_t rows = 0;  ///< data rows, lines or variables
    std::string sha256;
    double seconds = 0;  ///< how long writing it took (shown by the CLI, not part of the manifest)
};

struct Manifest {
    std::string kind;  ///< outcomes, codebook, fhir, report
    std::string created_at;
    std::string user;
    std::string role;
    ExportOptions options;
    std::string area_name;  ///< of options.filter.area, for readers
    std::string team_name;
    std::string key_fingerprint;
    std::uint64_t trajectories = 0;
    std::uint64_t clients = 0;
    std::vector<ManifestFile> files;
    std::vector<storage::ExportColumnSource> measured;  ///< instruments and versions in the cohort
    std::vector<std::pair<std::string, std::string>> policies;  ///< id, version
    std::vector<std::pair<std::string, std::string>> templates;
};

/// The filters as stored with the export run and shown in the manifest.
std::string filters_json(const ExportOptions& options);
std::string to_json(const Manifest& manifest);

}  // namespace reable::exports
