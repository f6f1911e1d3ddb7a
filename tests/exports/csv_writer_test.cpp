// RFC 4180 as written, and read back by Python's csv module (a standard parser we did not write).

#include "support/scratch.hpp"

#include "reable/exports/csv_writer.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Parser.h>
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

using reable::exports::CsvWriter;

TEST_CASE("fields are quoted only when they must be, with inner quotes doubled and CRLF line ends")
{
    std::ostringstream out;
    {
        CsvWriter csv(out);
        csv.field("plain").field("a,b").field("say \"hi\"").field("two\nlines").field("").field(42);
        csv.end_row();
        csv.field(std::optional<std::string>()).field(std::optional<int>(7)).field("é ü ñ");
        csv.end_row();
        CHECK(csv.rows() == 2);
    }
    CHECK(out.str() == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,42\r\n,7,é ü ñ\r\n");
}

TEST_CASE("what the writer writes, Python's csv module reads back field for field")
{
    const reable::testing::Scratch scratch;
    const std::vector<std::vector<std::string>> rows{
        {"id", "text", "number"},
        {"1", "comma, inside", "-0.5"},
        {"2", "a \"quoted\" word", "1e-07"},
        {"3", "line\r\nbreak and \ttab", ""},
        {"4", "Ĳsselmonde — ‘quotes’ 😀", "3"},
        {"5", "", ""},
    };
    const auto file = scratch.path("tricky.csv");
    {
        std::ofstream out(file, std::ios::binary);
        CsvWriter csv(out);
        for (const auto& row : rows) {
            for (const auto& f : row) csv.field(f);
            csv.end_row();
        }
    }
    const std::string script = scratch.write("read.py", R"(import csv, json, sys
with open(sys.argv[1], newline='', encoding='utf-8') as f:
    json.dump(list(csv.reader(f, strict=True)), sys.stdout, ensure_ascii=False)
)");
    const auto json_file = scratch.path("rows.json");
    REQUIRE(std::system(("python3 " + script + " " + file.string() + " > " + json_file.string()).c_str()) == 0);
    std::ifstream in(json_file);
    std::stringstream text;
    text << in.rdbuf();
    const auto parsed = Poco::JSON::Parser().parse(text.str()).extract<Poco::JSON::Array::Ptr>();
    REQUIRE(parsed->size() == rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto row = parsed->getArray(static_cast<unsigned>(r));
        REQUIRE(row->size() == rows[r].size());
        for (std::size_t f = 0; f < rows[r].size(); ++f)
            CHECK(row->getElement<std::string>(static_cast<unsigned>(f)) == rows[r][f]);
    }
}
