#pragma once

// Stable pseudonyms: HMAC-SHA256(key, client id). The key lives in a file outside the database
// (created on first use, readable by its owner only), so whoever holds an export and the
// database still cannot link a pseudonym to a client without the key file.

#include "reable/domain/ids.hpp"

#include <filesystem>
#include <string>

namespace reable::exports {

class PseudonymKey {
public:
    /// Reads the key from `file`, creating it (32 random bytes, hex, mode 0600) when it does not
    /// exist. Refuses (Error{precondition_failed}) a key file that others may read or that is not
    /// a key, rather than export under a key that may be known.
    static PseudonymKey load_or_create(const std::filesystem::path& file);
    /// A key from its bytes (tests).
    static PseudonymKey from_bytes(std::string bytes);

    /// Lower-case hex HMAC-SHA256 of the client id in decimal (64 characters).
    std::string pseudonym(domain::ClientId client) const;
    /// A short fingerprint of the key (the first 12 hex digits of its SHA-256) for the manifest:
    /// it tells which key made an export without revealing it.
    std::string fingerprint() const;

private:
    explicit PseudonymKey(std::string bytes) : m_bytes(std::move(bytes)) {}
    std::string m_bytes;
};

}  // namespace reable::exports
