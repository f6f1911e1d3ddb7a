#pragma once

// The few cryptographic primitives Reable needs, all from OpenSSL (through Poco::Crypto's
// dependency): PBKDF2-HMAC-SHA256 for passwords, a CSPRNG for tokens and salts, SHA-256 for
// token digests and the audit chain, HMAC-SHA256 for export pseudonyms. Nothing here is hand-rolled cryptography.

#include <string>
#include <string_view>

namespace reable::security {

/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256. Stored in each hash, so it can be raised later
/// without invalidating existing passwords.
inline constexpr int k_pbkdf2_iterations = 600'000;

/// "pbkdf2-sha256$600000$SALT$HASH" (salt 16 random bytes, hash 32 bytes, both base64).
std::string hash_password(std::string_view password, int iterations = k_pbkdf2_iterations);
/// Recomputes the hash with the stored salt and iterations and compares in constant time. A
/// malformed stored hash verifies nothing (false), it does not throw.
bool verify_password(std::string_view password, std::string_view stored);

/// A new bearer token: 32 random bytes, base64url without padding (43 characters).
std::string new_token();
/// Lower-case hex SHA-256 of `text` (64 characters).
std::string sha256_hex(std::string_view text);
/// Lower-case hex HMAC-SHA256 of `message` under `key` (64 characters).
std::string hmac_sha256_hex(std::string_view key, std::string_view message);
/// SHA-256 over data that arrives in pieces (a file as it is written).
class Sha256 {
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;
    void update(const char* data, std::size_t size);
    /// Lower-case hex of everything given so far (the hash can no longer be updated).
    std::string hex_digest();

private:
    void* m_context;  ///< EVP_MD_CTX, kept out of this header
};
/// `count` bytes from the CSPRNG, as lower-case hex.
std::string random_bytes_hex(std::size_t count);

/// The shortest password a user may choose, and the check that says why one is refused
/// (Error{invalid_input} naming the field "password").
inline constexpr std::size_t k_min_password_length = 10;
void check_password_strength(std::string_view password);

}  // namespace reable::security
