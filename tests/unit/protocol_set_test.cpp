// A protocol set holds trajectory templates beside instruments: they load from trajectories/,
// may name only the set's instruments, refuse the whole set when one is invalid, and are found by
// id and version.

#include "reable/app/protocol_set.hpp"
#include "reable/error.hpp"
#include "support/instrument_text.hpp"
#include "support/scratch.hpp"
#include "support/text_edit.hpp"
#include "support/trajectory_text.hpp"

#include <doctest/doctest.h>

using namespace reable;

namespace {

using Lines = std::vector<std::string>;

/// A protocol root with the shipped SPPB and TUG, the instruments the demo template names.
struct Root : testing::Scratch {
    Root()
    {
        copy_shipped("instruments/sppb.json");
        copy_shipped("instruments/tug.json");
    }
    std::string file(const std::string& relative) const { return (dir / relative).string(); }
};

/// The code of the Error that `f` throws; internal when it throws none.
template <class F>
ErrorCode code_of(F f)
{
    try {
        f();
    }
    catch (const Error& e) {
        return e.code();
    }
    return ErrorCode::internal;
}

const std::string& demo() { return testing::demo_template_text(); }

std::string demo_version(const std::string& version)
{
    return testing::replaced_once(demo(), R"("version": "1.0.0")", R"("version": ")" + version + R"(")");
}

}  // namespace

TEST_CASE("a root with trajectories/ loads its templates, and the registry finds them by id and version")
{
    const Root root;
    root.write("trajectories/demo.json", demo());
    root.write("trajectories/demo-1.10.0.json", demo_version("1.10.0"));
    root.write("trajectories/demo-1.9.0.json", demo_version("1.9.0"));

    const app::ProtocolCheck check = app::check_protocols(root.dir);
    CHECK(testing::issue_lines(check.issues).empty());
    CHECK(check.files == 2);
    CHECK(check.instruments == 2);
    CHECK(check.trajectory_files == 3);
    CHECK(check.trajectories == 3);

    const protocol::Registry registry = app::load_registry(root.dir);
    CHECK(registry.trajectories().size() == 3);
    CHECK(registry.has_trajectory("demo-4w"));
    CHECK_FALSE(registry.has_trajectory("demo"));
    CHECK(registry.trajectory("demo-4w").version == "1.10.0");  // newest: 1.10.0 comes after 1.9.0
    CHECK(registry.trajectory("demo-4w", "1.9.0").version == "1.9.0");
    CHECK(registry.trajectory("demo-4w").file == root.file("trajectories/demo-1.10.0.json"));
    CHECK_THROWS_WITH_AS(registry.trajectory("demo"),
                         "unknown trajectory template \"demo\"; known trajectory templates: demo-4w", Error);
    CHECK_THROWS_WITH_AS(registry.trajectory("demo-4w", "2.0.0"),
                         "trajectory template \"demo-4w\" has no version \"2.0.0\"; the newest is 1.10.0", Error);
    CHECK(code_of([&] { (void)registry.trajectory("demo-4w", "2.0.0"); }) == ErrorCode::not_found);
    CHECK_THROWS_WITH_AS(protocol::Registry().trajectory("x"),
                         "unknown trajectory template \"x\"; known trajectory templates: none", Error);
}

TEST_CASE("an invalid template refuses the whole set, like an invalid instrument")
{
    const Root root;
    std::string text = testing::replaced_once(demo(), R"("instrument": "tug")", R"("instrument": "gfi")");
    text = testing::replaced_once(text, R"("planned_sessions": {"physiotherapist": 8})",
                                  R"("planned_sessions": {"physiotherapist": 9})");
    root.write("trajectories/demo.json", text);
    root.write("trajectories/other.json",
               testing::replaced_once(demo(), R"("target": "2026-04-29")", R"("target": "2026-04-30")"));
    const std::string demo_file = root.file("trajectories/demo.json");
    const std::string other_file = root.file("trajectories/other.json");
    CHECK(testing::issue_lines(app::check_protocols(root.dir).issues) ==
          Lines{demo_file + ": /occasions/1/instruments/0/instrument: unknown instrument \"gfi\"; known instruments: "
                            "sppb, tug",
                other_file + ": /examples/0/occasions/fu_3m/target: example \"start on Thursday 1 January 2026\": "
                             "expected 2026-04-30, got 2026-04-29"});
    CHECK_THROWS_WITH_AS(app::load_registry(root.dir), doctest::Contains("is invalid (2 issues)"), Error);
}

TEST_CASE("a template {id, version} defined twice is refused, naming both files")
{
    const Root root;
    root.write("trajectories/a.json", demo());
    root.write("trajectories/b.json", demo());
    CHECK(testing::issue_lines(app::check_protocols(root.dir).issues) ==
          Lines{root.file("trajectories/b.json") +
                ": /id: trajectory template \"demo-4w\" version \"1.0.0\" is also "
                "defined in " +
                root.file("trajectories/a.json")});
}

TEST_CASE("a trajectories folder, or one template in it, is checked against the instruments beside it")
{
    const Root root;
    const std::string file = root.write("trajectories/demo.json", demo());
    for (const std::string& path : {file, root.file("trajectories"), root.file("trajectories") + "/"}) {
        CAPTURE(path);
        const app::ProtocolCheck check = app::check_protocols(path);
        CHECK(testing::issue_lines(check.issues).empty());
        CHECK(check.trajectory_files == 1);
        CHECK(check.trajectories == 1);
        CHECK(check.files == 0);
    }
    const testing::Scratch empty;
    empty.write("trajectories/README.txt", "no templates here");
    CHECK(testing::issue_lines(app::check_protocols(empty.dir / "trajectories").issues) ==
          Lines{(empty.dir / "trajectories").string() + ": contains no trajectory template files (*.json)"});
}
