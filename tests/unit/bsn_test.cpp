#include "reable/domain/bsn.hpp"
#include "reable/error.hpp"

#include <doctest/doctest.h>

using reable::domain::Bsn;

TEST_CASE("BSN elfproef: the reference's worked examples")
{
    CHECK_FALSE(Bsn::problem("123456782"));  // S = 154 = 14 x 11
    CHECK_FALSE(Bsn::problem("249566758"));  // S = 220
    CHECK(Bsn::problem("123456789") == "the BSN fails the elfproef (check digit)");
}

TEST_CASE("BSN: shape rules, each with its own message")
{
    CHECK(Bsn::problem("") == "a BSN is required");
    CHECK(Bsn::problem("12345678a") == "a BSN has digits only");
    CHECK(Bsn::problem("1234 5678") == "a BSN has digits only");
    CHECK(Bsn::problem("1234567") == "a BSN has 9 digits (or 8 with the leading zero left off)");
    CHECK(Bsn::problem("1234567823") == "a BSN has 9 digits (or 8 with the leading zero left off)");
    CHECK(Bsn::problem("000000000") == "a BSN cannot be all zeros");  // S = 0 passes the arithmetic
    CHECK(Bsn::problem("00000000") == "a BSN cannot be all zeros");
}

TEST_CASE("BSN: an 8-digit number gets its leading zero, the masked form hides the first five digits")
{
    const Bsn bsn = Bsn::parse("10000021");
    CHECK(bsn.digits() == "010000021");
    CHECK(bsn == Bsn::parse("010000021"));
    CHECK(bsn.masked() == "*****0021");
}

TEST_CASE("BSN: an invalid number is refused without repeating it")
{
    try {
        Bsn::parse("123456789");
        FAIL("no error");
    }
    catch (const reable::Error& e) {
        CHECK(e.code() == reable::ErrorCode::invalid_input);
        CHECK(std::string(e.what()) == "bsn: the BSN fails the elfproef (check digit)");
        CHECK(std::string(e.what()).find("123456789") == std::string::npos);
    }
}
