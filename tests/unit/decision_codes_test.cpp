// The codes of the onderzoek and decision enums: what the database, JSON and the command line
// store and accept, so they must never drift from the enumerator names.

#include "reable/domain/decision.hpp"
#include "reable/domain/onderzoek.hpp"

#include <doctest/doctest.h>

#include <string>

using namespace reable::domain;

TEST_CASE("onderzoek and decision codes parse back to themselves")
{
    for (Limitation v : {Limitation::none, Limitation::some, Limitation::much}) {
        CAPTURE(to_string(v));
        CHECK(parse_limitation(to_string(v)) == v);
    }
    for (Dementia v : {Dementia::none, Dementia::mild, Dementia::moderate, Dementia::severe}) {
        CAPTURE(to_string(v));
        CHECK(parse_dementia(to_string(v)) == v);
    }
    for (Choice v : {Choice::not_asked, Choice::accept, Choice::decline}) {
        CAPTURE(to_string(v));
        CHECK(parse_choice(to_string(v)) == v);
    }
    for (DecisionKind v : {DecisionKind::initial, DecisionKind::reassessment}) {
        CAPTURE(to_string(v));
        CHECK(parse_decision_kind(to_string(v)) == v);
    }
    std::string codes;
    for (Outcome v : {Outcome::not_applicable, Outcome::reablement_first, Outcome::reablement_offered,
                      Outcome::hh_granted, Outcome::temporary_hh, Outcome::no_hh_needed}) {
        CAPTURE(to_string(v));
        CHECK(parse_outcome(to_string(v)) == v);
        codes += (codes.empty() ? "" : ", ") + std::string(to_string(v));
    }
    CHECK(codes == outcome_codes());
    CHECK(codes == "not_applicable, reablement_first, reablement_offered, hh_granted, temporary_hh, no_hh_needed");
    CHECK(to_string(Limitation::some) == "some");
    CHECK(to_string(Dementia::moderate) == "moderate");
    CHECK(to_string(Choice::not_asked) == "not_asked");
    CHECK(to_string(DecisionKind::reassessment) == "reassessment");
}

TEST_CASE("anything but an exact onderzoek or decision code is refused")
{
    for (const char* bad : {"", "None", "hh granted", "hh-granted", "granted", "accept ", "Initial"}) {
        CAPTURE(bad);
        CHECK_FALSE(parse_limitation(bad).has_value());
        CHECK_FALSE(parse_dementia(bad).has_value());
        CHECK_FALSE(parse_outcome(bad).has_value());
        CHECK_FALSE(parse_choice(bad).has_value());
        CHECK_FALSE(parse_decision_kind(bad).has_value());
    }
}
