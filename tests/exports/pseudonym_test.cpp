// Pseudonyms: HMAC-SHA256 under a key kept in its own file, readable by its owner only.

#include "support/scratch.hpp"

#include "reable/error.hpp"
#include "reable/exports/pseudonym.hpp"

#include <doctest/doctest.h>

#include <fstream>
#include <sys/stat.h>

using reable::exports::PseudonymKey;
using reable::testing::Scratch;

TEST_CASE("a pseudonym is the HMAC-SHA256 of the client id under the key")
{
    // Key "key" and the id 42, checked against `printf 42 | openssl dgst -sha256 -hmac key`.
    const PseudonymKey key = PseudonymKey::from_bytes("key");
    CHECK(key.pseudonym(reable::domain::ClientId{42}) ==
          "f2991b7ce981d0b5adc5e6a0f31acaeb407bfc21354bbcc31a0c43eaffa83d65");
}

TEST_CASE("pseudonyms are stable under one key and differ under another")
{
    const PseudonymKey a = PseudonymKey::from_bytes(std::string(32, 'a'));
    const PseudonymKey b = PseudonymKey::from_bytes(std::string(32, 'b'));
    const reable::domain::ClientId client{7};
    CHECK(a.pseudonym(client) == a.pseudonym(client));
    CHECK(a.pseudonym(client) != b.pseudonym(client));
    CHECK(a.pseudonym(client) != a.pseudonym(reable::domain::ClientId{8}));
    CHECK(a.pseudonym(client).size() == 64);
    CHECK(a.fingerprint().size() == 12);
    CHECK(a.fingerprint() != b.fingerprint());
}

TEST_CASE("the key file is created on first use with mode 0600 and read back the same")
{
    const Scratch scratch;
    const auto file = scratch.path("keys/pseudonym.key");
    const PseudonymKey made = PseudonymKey::load_or_create(file);
    struct stat st {};
    REQUIRE(::stat(file.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const PseudonymKey read = PseudonymKey::load_or_create(file);
    CHECK(made.pseudonym(reable::domain::ClientId{1}) == read.pseudonym(reable::domain::ClientId{1}));
    CHECK(made.fingerprint() == read.fingerprint());
}

TEST_CASE("a key file others may read, or that holds no key, is refused")
{
    const Scratch scratch;
    const auto file = scratch.path("open.key");
    PseudonymKey::load_or_create(file);
    ::chmod(file.c_str(), 0644);
    try {
        PseudonymKey::load_or_create(file);
        FAIL("an open key file was used");
    } catch (const reable::Error& e) {
        CHECK(std::string(e.what()).find("may be read by others (mode 644)") != std::string::npos);
    }
    const auto broken = scratch.path("broken.key");
    std::ofstream(broken) << "not a key\n";
    ::chmod(broken.c_str(), 0600);
    CHECK_THROWS_WITH_AS(PseudonymKey::load_or_create(broken),
                         doctest::Contains("does not hold a key (64 hexadecimal digits)"), reable::Error);
}
