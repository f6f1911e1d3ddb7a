#include "reable/domain/session_kind.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace reable::domain;

TEST_CASE("session kinds are stable codes that parse back to themselves")
{
    std::string codes;
    for (SessionKind kind : k_session_kinds) {
        CAPTURE(to_string(kind));
        CHECK(parse_session_kind(to_string(kind)) == kind);
        codes += (codes.empty() ? "" : ", ") + std::string(to_string(kind));
    }
    CHECK(codes == session_kind_codes());
    CHECK(to_string(SessionKind::home_visit) == "home_visit");
}

TEST_CASE("anything but an exact code is refused")
{
    for (const char* bad : {"", "Training", "home visit", "home-visit", "visit", "training "}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_session_kind(bad).has_value());
    }
}
