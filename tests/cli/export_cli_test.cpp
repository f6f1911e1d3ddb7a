// Evaluator exports through the real binary on a seeded cohort: the files and their manifest, no
// identifying value anywhere, stable pseudonyms, CSV that standard parsers read back as written,
// golden files, and refusals that leave nothing behind.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include "reable/csv_reader.hpp"
#include "reable/security/crypto.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <sys/stat.h>

using reable::testing::CliResult;
using reable::testing::run_cli;
using reable::testing::Scratch;

namespace {

constexpr const char* k_today = "2026-11-23";
/// A fixed key, so that golden files are stable (tests only: a real key is made at random).
constexpr const char* k_test_key = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n";

std::string read_file(const std::filesystem::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::vector<std::string> column(sqlite3* db, const std::string& sql)
{
    std::vector<std::string> out;
    sqlite3_stmt* s = nullptr;
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW)
        if (const unsigned char* text = sqlite3_column_text(s, 0)) out.emplace_back(reinterpret_cast<const char*>(text));
    sqlite3_finalize(s);
    return out;
}

/// A seeded cohort of 12 clients and a key file with mode 0600.
struct Cohort {
    Scratch scratch;
    std::string db = scratch.path("reable.db").string();
    std::string key = scratch.path("keys/export.key").string();

    CliResult run(std::vector<std::string> args) const
    {
        args.insert(args.end(), {"--db", db, "--today", k_today});
        return run_cli(args);
    }
    void require(const std::vector<std::string>& args) const
    {
        const CliResult r = run(args);
        INFO(args.front(), " ", args.size() > 1 ? args[1] : "", ": ", r.err);
        REQUIRE(r.exit_code == 0);
    }
    Cohort()
    {
        require({"db", "migrate"});
        require({"demo", "seed", "--clients", "12", "--seed", "11"});
        std::filesystem::create_directories(scratch.path("keys"));
        std::ofstream(key) << k_test_key;
        std::filesystem::permissions(key, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    }
    std::filesystem::path export_to(const std::string& kind, const std::string& dir,
                                    std::vector<std::string> extra = {}) const
    {
        const std::filesystem::path out = scratch.path(dir);
        std::vector<std::string> args{"export", kind, "--out", out.string(), "--key-file", key, "--quiet"};
        args.insert(args.end(), extra.begin(), extra.end());
        require(args);
        return out;
    }
};

/// Parsed with libcsv in strict mode (the reader the CSV import uses), not with the export's code.
std::vector<std::vector<std::string>> parse_csv(const std::string& text)
{
    std::istringstream in(text);
    reable::CsvReader reader(in);
    std::vector<std::vector<std::string>> rows;
    reable::CsvRow row;
    while (reader.next(row)) rows.push_back(row.fields);
    return rows;
}

}  // namespace

TEST_CASE("export outcomes writes the long and wide files, the codebook and a manifest that matches them")
{
    const Cohort c;
    const std::filesystem::path out = c.export_to("outcomes", "out");
    for (const char* name : {"outcomes_long.csv", "outcomes_wide.csv", "codebook.csv", "codebook.json", "manifest.json"})
        CHECK_MESSAGE(std::filesystem::exists(out / name), name);
    for (const auto& entry : std::filesystem::directory_iterator(out))
        CHECK_MESSAGE(entry.path().extension() != ".part", "a temporary file was left: " << entry.path());

    const auto manifest = Poco::JSON::Parser().parse(read_file(out / "manifest.json")).extract<Poco::JSON::Object::Ptr>();
    CHECK(manifest->getValue<std::string>("kind") == "outcomes");
    CHECK(manifest->getObject("created_by")->getValue<std::string>("role") == "operator");
    CHECK(manifest->getObject("counts")->getValue<int>("clients") == 12);
    CHECK(manifest->getObject("pseudonyms")->getValue<std::string>("key_fingerprint") ==
          reable::security::sha256_hex(std::string("\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff"
                                                   "\x00\x11\x22\x33\x44\x55\x66\x77\x88\x99\xaa\xbb\xcc\xdd\xee\xff",
                                                   32))
              .substr(0, 12));
    CHECK(manifest->getArray("instruments")->size() > 0);
    CHECK(manifest->getArray("policies")->size() > 0);
    const auto files = manifest->getArray("files");
    REQUIRE(files->size() == 4);
    for (std::size_t i = 0; i < files->size(); ++i) {
        const auto f = files->getObject(static_cast<unsigned>(i));
        const std::string content = read_file(out / f->getValue<std::string>("name"));
        INFO(f->getValue<std::string>("name"));
        CHECK(f->getValue<std::string>("sha256") == reable::security::sha256_hex(content));
        CHECK(f->getValue<std::size_t>("bytes") == content.size());
    }
    // Data rows: the manifest's count is the file's (the header is not a row).
    const auto long_rows = parse_csv(read_file(out / "outcomes_long.csv"));
    CHECK(files->getObject(0)->getValue<std::size_t>("rows") == long_rows.size() - 1);
    const auto wide_rows = parse_csv(read_file(out / "outcomes_wide.csv"));
    CHECK(wide_rows.size() == 13);  // 12 clients with one trajectory each, and the header
    CHECK(wide_rows[0][0] == "pseudonym");
    CHECK(long_rows[0] == std::vector<std::string>{"pseudonym", "trajectory", "occasion", "day", "instrument",
                                                   "instrument_version", "discipline", "record", "variable", "trial",
                                                   "value", "code"});

    // The export is on record: one complete run and one audit line naming it.
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(c.db.c_str(), &db) == SQLITE_OK);
    CHECK(column(db, "SELECT status FROM export_run") == std::vector<std::string>{"complete"});
    CHECK(column(db, "SELECT data FROM audit_event WHERE data LIKE 'export:%'") ==
          std::vector<std::string>{"export:outcomes run 1"});
    sqlite3_close(db);
}

TEST_CASE("no BSN, name, birth date or free text of the cohort appears in any export")
{
    const Cohort c;
    std::vector<std::filesystem::path> dirs;
    for (const char* kind : {"outcomes", "codebook", "fhir", "report"}) dirs.push_back(c.export_to(kind, kind));
    dirs.push_back(c.export_to("outcomes", "outcomes-month", {"--dates", "month"}));

    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(c.db.c_str(), &db) == SQLITE_OK);
    std::set<std::string> secrets;
    for (const char* sql : {"SELECT bsn FROM client_identity", "SELECT name FROM client_identity",
                            "SELECT birth_date FROM client", "SELECT notes FROM session WHERE notes <> ''",
                            "SELECT absence_reason FROM session WHERE absence_reason <> ''",
                            "SELECT problem FROM copm_goal", "SELECT note FROM signal WHERE note <> ''",
                            "SELECT end_reason FROM trajectory WHERE end_reason <> ''",
                            "SELECT reason FROM trajectory_transition WHERE reason <> ''"})
        for (const std::string& v : column(db, sql)) secrets.insert(v);
    for (const std::string& activities : column(db, "SELECT activities FROM session WHERE activities <> ''")) {
        std::istringstream lines(activities);
        for (std::string line; std::getline(lines, line);) secrets.insert(line);
    }
    sqlite3_close(db);
    // Words that are also codes the export may write ("deceased" is an end-reason code too).
    for (const char* code : {"deceased", "moved", "health", "motivation", "other"}) secrets.erase(code);
    REQUIRE(secrets.size() > 30);

    std::size_t scanned = 0;
    for (const auto& dir : dirs)
        for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
            if (!entry.is_regular_file()) continue;
            const std::string content = read_file(entry.path());
            ++scanned;
            for (const std::string& secret : secrets)
                CHECK_MESSAGE(content.find(secret) == std::string::npos,
                              entry.path().filename() << " contains \"" << secret << "\"");
            // No calendar day at all, but the export's own date (in the manifest, and the report's as_of).
            if (entry.path().filename() == "manifest.json") continue;
            std::string without_as_of = content;
            if (const auto at = without_as_of.find("\"as_of\":\"2026-11-23\""); at != std::string::npos)
                without_as_of.erase(at, 20);
            CHECK_MESSAGE(!std::regex_search(without_as_of, std::regex(R"(\b(19|20)\d\d-\d\d-\d\d\b)")),
                          entry.path().filename() << " contains a calendar date");
        }
    CHECK(scanned >= 20);
}

TEST_CASE("pseudonyms are stable across exports and differ under another key")
{
    const Cohort c;
    const auto first = parse_csv(read_file(c.export_to("outcomes", "a") / "outcomes_wide.csv"));
    const auto second = parse_csv(read_file(c.export_to("outcomes", "b") / "outcomes_wide.csv"));
    REQUIRE(first.size() == second.size());
    for (std::size_t i = 1; i < first.size(); ++i) {
        CHECK(first[i][0] == second[i][0]);
        CHECK(std::regex_match(first[i][0], std::regex("[0-9a-f]{64}")));
    }
    // A key made on first use (mode 0600) gives other pseudonyms.
    const std::string other_key = c.scratch.path("other.key").string();
    c.require({"export", "outcomes", "--out", c.scratch.path("c").string(), "--key-file", other_key, "--quiet"});
    struct stat st {};
    REQUIRE(::stat(other_key.c_str(), &st) == 0);
    CHECK((st.st_mode & 0777) == 0600);
    const auto third = parse_csv(read_file(c.scratch.path("c") / "outcomes_wide.csv"));
    std::set<std::string> before, after;
    for (std::size_t i = 1; i < first.size(); ++i) before.insert(first[i][0]);
    for (std::size_t i = 1; i < third.size(); ++i) after.insert(third[i][0]);
    CHECK(after.size() == before.size());
    for (const std::string& p : after) CHECK(before.count(p) == 0);
}

TEST_CASE("Python's csv module reads every exported CSV back exactly as the export's own parser does")
{
    const Cohort c;
    std::vector<std::filesystem::path> files;
    for (const char* kind : {"outcomes", "report"})
        for (const auto& entry : std::filesystem::directory_iterator(c.export_to(kind, kind)))
            if (entry.path().extension() == ".csv") files.push_back(entry.path());
    REQUIRE(files.size() >= 5);
    const std::string script = c.scratch.write("read_back.py", R"(import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    rows = list(csv.reader(f, strict=True))
json.dump(rows, sys.stdout, ensure_ascii=False)
)");
    for (const auto& file : files) {
        INFO(file.filename());
        const std::string json_out = c.scratch.path("rows.json").string();
        const std::string command = "python3 " + script + " " + file.string() + " > " + json_out;
        REQUIRE(std::system(command.c_str()) == 0);
        const auto python = Poco::JSON::Parser().parse(read_file(json_out)).extract<Poco::JSON::Array::Ptr>();
        const auto ours = parse_csv(read_file(file));
        REQUIRE(python->size() == ours.size());
        for (std::size_t r = 0; r < ours.size(); ++r) {
            const auto row = python->getArray(static_cast<unsigned>(r));
            REQUIRE(row->size() == ours[r].size());
            for (std::size_t f = 0; f < ours[r].size(); ++f)
                CHECK(row->getElement<std::string>(static_cast<unsigned>(f)) == ours[r][f]);
        }
    }
}

TEST_CASE("a refused export writes no file and no run")
{
    const Cohort c;
    const std::string out = c.scratch.path("refused").string();
    const CliResult bad_date =
        c.run({"export", "outcomes", "--out", out, "--key-file", c.key, "--from", "2026-02-30"});
    CHECK(bad_date.exit_code != 0);
    CHECK(bad_date.err.find("--from: \"2026-02-30\" is not a date; expected YYYY-MM-DD") != std::string::npos);
    const CliResult no_area = c.run({"export", "outcomes", "--out", out, "--key-file", c.key, "--area", "999"});
    CHECK(no_area.exit_code != 0);
    CHECK(no_area.err.find("--area: no area \"999\" (give its id or its name") != std::string::npos);
    const CliResult dates = c.run({"export", "outcomes", "--out", out, "--key-file", c.key, "--dates", "week"});
    CHECK(dates.exit_code != 0);
    // A key others may read is refused rather than used.
    std::filesystem::permissions(c.key, std::filesystem::perms::group_read, std::filesystem::perm_options::add);
    const CliResult open_key = c.run({"export", "outcomes", "--out", out, "--key-file", c.key});
    CHECK(open_key.exit_code != 0);
    CHECK(open_key.err.find("may be read by others (mode 640); allow its owner only: chmod 600") != std::string::npos);
    CHECK(!std::filesystem::exists(out));
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(c.db.c_str(), &db) == SQLITE_OK);
    CHECK(column(db, "SELECT count(*) FROM export_run") == std::vector<std::string>{"0"});
    sqlite3_close(db);
}

TEST_CASE("the outcome files of a small cohort equal their golden files")
{
    const Cohort c;
    const std::filesystem::path out = c.export_to("outcomes", "golden");
    const std::filesystem::path report = c.export_to("report", "report", {"--tariff", "32.50", "--min-cell", "3"});
    const std::filesystem::path golden = REABLE_EXPORT_GOLDEN_DIR;
    const std::vector<std::pair<std::filesystem::path, std::string>> files{
        {out / "outcomes_long.csv", "cohort12_long.csv"},   {out / "outcomes_wide.csv", "cohort12_wide.csv"},
        {out / "codebook.csv", "cohort12_codebook.csv"},     {report / "indicators.csv", "cohort12_indicators.csv"},
        {report / "km.csv", "cohort12_km.csv"},
    };
    for (const auto& [actual, name] : files) {
        INFO(name);
        // REABLE_UPDATE_GOLDEN=1 rewrites them (then read the diff before committing it).
        if (std::getenv("REABLE_UPDATE_GOLDEN")) std::filesystem::copy_file(actual, golden / name,
                                                                            std::filesystem::copy_options::overwrite_existing);
        CHECK(read_file(actual) == read_file(golden / name));
    }
}

TEST_CASE("client-plot draws a client found by pseudonym, with its norm band and meaningful change")
{
    const Cohort c;
    const auto wide = parse_csv(read_file(c.export_to("outcomes", "out") / "outcomes_wide.csv"));
    const std::string svg = c.scratch.path("tug.svg").string();
    bool drawn = false;
    for (std::size_t row = 1; row < wide.size() && !drawn; ++row) {
        const CliResult r = c.run({"export", "client-plot", "--pseudonym", wide[row][0], "--instrument", "sppb",
                                   "--out", svg, "--key-file", c.key});
        if (r.exit_code != 0) continue;
        drawn = true;
        const std::string text = read_file(svg);
        CHECK(text.find("<svg") != std::string::npos);
        CHECK(text.find("</svg>") != std::string::npos);
        CHECK(text.find("meaningful change") != std::string::npos);
    }
    CHECK(drawn);
    const CliResult unknown = c.run({"export", "client-plot", "--pseudonym", std::string(64, 'a'), "--instrument",
                                     "sppb", "--out", svg, "--key-file", c.key});
    CHECK(unknown.exit_code != 0);
    CHECK(unknown.err.find("no client has pseudonym") != std::string::npos);
}

TEST_CASE("filters narrow the cohort: an area by name, a team by id, and start dates")
{
    const Cohort c;
    const auto all = parse_csv(read_file(c.export_to("outcomes", "all") / "outcomes_wide.csv"));
    const auto area_column = std::find(all[0].begin(), all[0].end(), "area") - all[0].begin();
    const std::string area = all[1][static_cast<std::size_t>(area_column)];
    const auto in_area =
        parse_csv(read_file(c.export_to("outcomes", "area", {"--area", area}) / "outcomes_wide.csv"));
    std::size_t expected = 0;
    for (std::size_t r = 1; r < all.size(); ++r) expected += all[r][static_cast<std::size_t>(area_column)] == area;
    CHECK(in_area.size() - 1 == expected);
    CHECK(expected < all.size() - 1);
    for (std::size_t r = 1; r < in_area.size(); ++r) CHECK(in_area[r][static_cast<std::size_t>(area_column)] == area);

    const auto team_one = parse_csv(read_file(c.export_to("outcomes", "team", {"--team", "1"}) / "outcomes_wide.csv"));
    CHECK(team_one.size() > 1);
    CHECK(team_one.size() < all.size());
    const auto none = parse_csv(read_file(c.export_to("outcomes", "none", {"--from", "2030-01-01"}) / "outcomes_wide.csv"));
    CHECK(none.size() == 1);  // the header only
}
