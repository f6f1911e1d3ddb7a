#include "reable/security/crypto.hpp"

#include "reable/error.hpp"

#include <Poco/Base64Decoder.h>
#include <Poco/Base64Encoder.h>
#include <Poco/Exception.h>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <charconv>
#include <optional>
#include <sstream>
#include <vector>

namespace reable::security {

namespace {

constexpr std::string_view k_scheme = "pbkdf2-sha256";
constexpr std::size_t k_salt_bytes = 16;
constexpr std::size_t k_hash_bytes = 32;

std::vector<unsigned char> random_bytes(std::size_t n)
{
    std::vector<unsigned char> out(n);
    if (RAND_bytes(out.data(), static_cast<int>(n)) != 1)
        throw Error(ErrorCode::internal, "the system's random number generator failed");
    return out;
}

std::string base64(const std::vector<unsigned char>& bytes, int options)
{
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, options);
    encoder.rdbuf()->setLineLength(0);
    encoder.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    encoder.close();
    return out.str();
}

std::optional<std::vector<unsigned char>> unbase64(std::string_view text)
{
    try {
        std::istringstream in{std::string(text)};
        Poco::Base64Decoder decoder(in);
        std::vector<unsigned char> out;
        for (int c = decoder.get(); c != EOF; c = decoder.get()) out.push_back(static_cast<unsigned char>(c));
        return out;
    } catch (const Poco::Exception&) {
        return std::nullopt;
    }
}

std::vector<unsigned char> pbkdf2(std::string_view password, const std::vector<unsigned char>& salt, int iterations,
                                  std::size_t length)
{
    std::vector<unsigned char> out(length);
    if (PKCS5_PBKDF2_HMAC(password.data(), static_cast<int>(password.size()), salt.data(),
                          static_cast<int>(salt.size()), iterations, EVP_sha256(), static_cast<int>(length),
                          out.data()) != 1)
        throw Error(ErrorCode::internal, "PBKDF2 failed in OpenSSL");
    return out;
}

std::vector<std::string_view> split(std::string_view text, char separator)
{
    std::vector<std::string_view> parts;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || text[i] == separator) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return parts;
}

}  // namespace

std::string hash_password(std::string_view password, int iterations)
{
    const std::vector<unsigned char> salt = random_bytes(k_salt_bytes);
    return std::string(k_scheme) + "$" + std::to_string(iterations) + "$" + base64(salt, 0) + "$" +
           base64(pbkdf2(password, salt, iterations, k_hash_bytes), 0);
}

bool verify_password(std::string_view password, std::string_view stored)
{
    const std::vector<std::string_view> parts = split(stored, '$');
    if (parts.size() != 4 || parts[0] != k_scheme) return false;
    int iterations = 0;
    const auto [end, ec] = std::from_chars(parts[1].data(), parts[1].data() + parts[1].size(), iterations);
    if (ec != std::errc{} || end != parts[1].data() + parts[1].size() || iterations < 1) return false;
    const auto salt = unbase64(parts[2]);
    const auto expected = unbase64(parts[3]);
    if (!salt || !expected || expected->empty()) return false;
    const std::vector<unsigned char> actual = pbkdf2(password, *salt, iterations, expected->size());
    return CRYPTO_memcmp(actual.data(), expected->data(), actual.size()) == 0;
}

std::string new_token()
{
    return base64(random_bytes(32), Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
}

namespace {

std::string hex(const unsigned char* bytes, std::size_t length)
{
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(length * 2);
    for (std::size_t i = 0; i < length; ++i) {
        out.push_back(k_hex[bytes[i] >> 4]);
        out.push_back(k_hex[bytes[i] & 0x0f]);
    }
    return out;
}

}  // namespace

std::string sha256_hex(std::string_view text)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha256(), nullptr) != 1)
        throw Error(ErrorCode::internal, "SHA-256 failed in OpenSSL");
    return hex(digest.data(), length);
}

std::string hmac_sha256_hex(std::string_view key, std::string_view message)
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(), &length) == nullptr)
        throw Error(ErrorCode::internal, "HMAC-SHA256 failed in OpenSSL");
    return hex(digest.data(), length);
}

Sha256::Sha256() : m_context(EVP_MD_CTX_new())
{
    if (m_context == nullptr || EVP_DigestInit_ex(static_cast<EVP_MD_CTX*>(m_context), EVP_sha256(), nullptr) != 1)
        throw Error(ErrorCode::internal, "SHA-256 failed in OpenSSL");
}

Sha256::~Sha256()
{
    EVP_MD_CTX_free(static_cast<EVP_MD_CTX*>(m_context));
}

void Sha256::update(const char* data, std::size_t size)
{
    if (EVP_DigestUpdate(static_cast<EVP_MD_CTX*>(m_context), data, size) != 1)
        throw Error(ErrorCode::internal, "SHA-256 failed in OpenSSL");
}

std::string Sha256::hex_digest()
{
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    if (EVP_DigestFinal_ex(static_cast<EVP_MD_CTX*>(m_context), digest.data(), &length) != 1)
        throw Error(ErrorCode::internal, "SHA-256 failed in OpenSSL");
    return hex(digest.data(), length);
}

std::string random_bytes_hex(std::size_t count)
{
    const std::vector<unsigned char> bytes = random_bytes(count);
    return hex(bytes.data(), bytes.size());
}

void check_password_strength(std::string_view password)
{
    if (password.size() < k_min_password_length)
        throw Error(ErrorCode::invalid_input, "password: has " + std::to_string(password.size()) +
                                                  " characters; at least " + std::to_string(k_min_password_length) +
                                                  " are required");
    if (password.size() > 1024)
        throw Error(ErrorCode::invalid_input, "password: longer than 1024 characters");
    for (const char c : password)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw Error(ErrorCode::invalid_input, "password: contains a control character");
}

}  // namespace reable::security
