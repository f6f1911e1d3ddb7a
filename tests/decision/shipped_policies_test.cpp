// The shipped decision files: each loads and its worked examples hold; each says what the
// reference says (wmo-rules.md §1.2, §1.4, §6), written here from the reference and not from the
// files; and every value no source fixes is labelled so.

#include "reable/app/protocol_set.hpp"
#include "reable/decision/examples.hpp"
#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

using namespace reable;

namespace {

const protocol::HhNorms& drechtsteden() { return testing::shipped().norms("drechtsteden-2025"); }

const protocol::NormBand& band(const char* id)
{
    const protocol::NormBand* b = drechtsteden().find_band(id);
    REQUIRE(b != nullptr);
    return *b;
}

Decimal minutes_of(const char* item)
{
    for (const protocol::ExtraItem& i : drechtsteden().extra_items)
        if (i.id == item && i.minutes) return *i.minutes;
    FAIL("no minutes for " << item);
    return {};
}

}  // namespace

TEST_CASE("the shipped policy folder loads without an issue and runs its examples")
{
    const app::ProtocolCheck check = app::check_protocols(REABLE_SOURCE_PROTOCOLS_DIR);
    CHECK(check.issues.empty());
    CHECK(check.norm_files == 1);
    CHECK(check.norms == 1);
    CHECK(check.policy_files == 3);
    CHECK(check.policies == 3);
    for (const protocol::Policy& p : testing::shipped().policies()) {
        CHECK_MESSAGE(p.examples.size() >= 30, p.id);
        CHECK(decision::verify_examples(p, drechtsteden()).empty());
    }
    CHECK(drechtsteden().examples.size() >= 4);
    CHECK(decision::verify_examples(drechtsteden()).empty());
}

TEST_CASE("Drechtsteden bands and KPMG meerposten as the reference gives them")
{
    CHECK(band("basis_min1").min == Decimal::from_int(60));
    CHECK(band("basis_min1").max == Decimal::from_int(90));
    CHECK(band("basis").min == Decimal::from_int(91));
    CHECK(band("basis").max == Decimal::from_int(130));
    CHECK(band("basis_plus1").min == Decimal::from_int(131));
    CHECK(band("basis_plus1").max == Decimal::from_int(260));
    CHECK(band("basis").base_minutes == Decimal::from_int(125));
    CHECK(band("basis_min1").base_minutes == Decimal::from_int(75));
    CHECK(band("basis_min1").two_weekly_minutes == Decimal::from_int(150));
    CHECK(band("basis_plus1").add_extra_items);
    CHECK(minutes_of("limitation_some") == Decimal::from_int(30));
    CHECK(minutes_of("limitation_much") == Decimal::from_int(60));
    CHECK(minutes_of("household_composition") == Decimal::from_int(30));
    CHECK(minutes_of("room_in_use") == Decimal::from_scaled(185, 1));
    CHECK(minutes_of("room_not_in_use") == Decimal::from_scaled(46, 1));
    CHECK(drechtsteden().round_up_to.value == Decimal::from_int(5));
}

TEST_CASE("values no source fixes are never presented as sourced")
{
    SUBCASE("the pets item has no minutes and is unverified")
    {
        bool found = false;
        for (const protocol::ExtraItem& i : drechtsteden().extra_items)
            if (i.fact == protocol::NormFact::pets) {
                found = true;
                CHECK_FALSE(i.minutes.has_value());
                CHECK(protocol::is_unverified(i.provenance.confidence));
            }
        CHECK(found);
    }
    SUBCASE("the Basis−1 point value and the rounding are Reable's defaults")
    {
        CHECK(band("basis_min1").provenance.confidence == protocol::Confidence::documented_default);
        CHECK(drechtsteden().round_up_to.provenance.confidence == protocol::Confidence::documented_default);
    }
    for (const protocol::Policy& p : testing::shipped().policies()) {
        CAPTURE(p.id);
        REQUIRE(p.target_group.physical_test.has_value());
        CHECK(protocol::is_unverified(p.target_group.physical_test->provenance.confidence));
        const protocol::ExclusionRule* cognition = p.find_exclusion(protocol::Exclusion::cognition);
        REQUIRE(cognition != nullptr);
        CHECK(protocol::is_unverified(cognition->provenance.confidence));
        CHECK(p.max_wait_days.provenance.confidence == protocol::Confidence::documented_default);
        CHECK(p.objection_weeks.value == 6);
        CHECK(p.target_group.exclusions.size() == 6);
    }
}

TEST_CASE("the shipped policies differ where the municipalities do")
{
    const protocol::Registry& r = testing::shipped();
    CHECK(r.policy("groningen-precedence").mode == protocol::PrecedenceMode::precedence);
    CHECK_FALSE(r.policy("groningen-precedence").legal_route.empty());
    CHECK(r.policy("groningen-voluntary").mode == protocol::PrecedenceMode::voluntary);
    CHECK(r.policy("groningen-precedence").trajectory == "groningen-14w-2y");
    CHECK(r.policy("groningen-precedence").reassessment.retest_occasion == "week_14");
    CHECK(r.policy("gooi-vechtstreek").mode == protocol::PrecedenceMode::precedence);
    CHECK(r.policy("gooi-vechtstreek").trajectory == "gooi-vechtstreek-6m");
    CHECK(r.policy("gooi-vechtstreek").when_unavailable == protocol::WhenUnavailable::temporary_hh);
    for (const protocol::Policy& p : r.policies()) CHECK(p.norms == "drechtsteden-2025");
}
