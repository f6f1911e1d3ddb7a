// The shipped protocols/ folder is itself a test input: every file loads without an issue and
// every worked example in it gives its expected result.

#include "reable/app/protocol_set.hpp"
#include "reable/scoring/examples.hpp"
#include "support/instrument_text.hpp"

#include <doctest/doctest.h>

using namespace reable;

TEST_CASE("the shipped protocol set loads without a single issue")
{
    const app::ProtocolCheck check = app::check_protocols(REABLE_SOURCE_PROTOCOLS_DIR);
    for (const protocol::Issue& issue : check.issues) MESSAGE(protocol::format_issue(issue));
    CHECK(check.issues.empty());
    CHECK(check.instruments == check.files);
}

TEST_CASE("every worked example of every shipped instrument passes")
{
    for (const protocol::Instrument& instrument : testing::shipped().instruments()) {
        SUBCASE(instrument.reference().c_str())
        {
            CHECK_FALSE(instrument.examples.empty());
            for (const protocol::Issue& issue : scoring::verify_examples(instrument))
                FAIL_CHECK(protocol::format_issue(issue));
        }
    }
}
