#include "reable/exports/pseudonym.hpp"

#include "reable/error.hpp"
#include "reable/security/crypto.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace reable::exports {
namespace {

constexpr std::size_t k_key_bytes = 32;

std::string decode_hex(const std::string& text, const std::filesystem::path& file)
{
    auto refuse = [&] {
        return Error(ErrorCode::precondition_failed,
                     "the pseudonym key file " + file.string() + " does not hold a key (" +
                         std::to_string(k_key_bytes * 2) + " hexadecimal digits); restore it from its backup, since "
                         "a new key gives every client a new pseudonym");
    };
    if (text.size() != k_key_bytes * 2) throw refuse();
    std::string bytes;
    for (std::size_t i = 0; i < text.size(); i += 2) {
        const auto nibble = [&](char c) -> int {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'a' && c <= 'f') return c - 'a' + 10;
            throw refuse();
        };
        bytes.push_back(static_cast<char>(nibble(text[i]) * 16 + nibble(text[i + 1])));
    }
    return bytes;
}

/// Creates the file with mode 0600 from the start (never readable by others, not even briefly)
/// and flushes it to disk; refuses to overwrite a file that appeared meanwhile.
void create_key_file(const std::filesystem::path& file)
{
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path());
    const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        throw Error(ErrorCode::storage_failure,
                    "cannot create the pseudonym key file " + file.string() + ": " + std::strerror(errno));
    const std::string text = security::random_bytes_hex(k_key_bytes) + "\n";
    const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) && ::fsync(fd) == 0;
    ::close(fd);
    if (!written)
        throw Error(ErrorCode::storage_failure, "cannot write the pseudonym key file " + file.string());
}

}  // namespace

PseudonymKey PseudonymKey::load_or_create(const std::filesystem::path& file)
{
    if (!std::filesystem::exists(file)) create_key_file(file);
    struct stat status {};
    if (::stat(file.c_str(), &status) != 0 || !S_ISREG(status.st_mode))
        throw Error(ErrorCode::precondition_failed, "the pseudonym key " + file.string() + " is not a file");
    if ((status.st_mode & 077) != 0)
        throw Error(ErrorCode::precondition_failed,
                    "the pseudonym key file " + file.string() +
                        " may be read by others (mode " + std::to_string((status.st_mode >> 6) & 7) +
                        std::to_string((status.st_mode >> 3) & 7) + std::to_string(status.st_mode & 7) +
                        "); allow its owner only: chmod 600 " + file.string());
    std::ifstream in(file);
    std::string text;
    std::getline(in, text);
    return PseudonymKey(decode_hex(text, file));
}

PseudonymKey PseudonymKey::from_bytes(std::string bytes)
{
    return PseudonymKey(std::move(bytes));
}

std::string PseudonymKey::pseudonym(domain::ClientId client) const
{
    return security::hmac_sha256_hex(m_bytes, std::to_string(client.value));
}

std::string PseudonymKey::fingerprint() const
{
    return security::sha256_hex(m_bytes).substr(0, 12);
}

}  // namespace reable::exports
