#pragma once

// The few cryptographic primitives Reable needs, all from OpenSSL (through Poco::Crypto's
// dependency): PBKDF2-HMAC-SHA256 for passwords, a CSPRNG for tokens and salts, SHA-256 for
// token digests and the audit chain. Nothing here is hand-rolled cryptography.

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

/// The shortest password a user may choose, and the check that says why one is refused
/// (Error{invalid_input} naming the field "password").
inline constexpr std::size_t k_min_password_length = 10;
void check_password_strength(std::string_view password);

}  // namespace reable::security
