#include "score_input.hpp"

#include "reable/error.hpp"
#include "reable/scoring/json_io.hpp"

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>

namespace reable::cli {

std::string read_text(const std::string& path)
{
    if (path == "-") {
        std::ostringstream text;
        text << std::cin.rdbuf();
        return text.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorCode::not_found, "cannot open the input file " + path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

scoring::ScoringInput collect_input(const std::vector<std::string>& arguments)
{
    scoring::ScoringInput input;
    std::string file;
    std::vector<scoring::RawItem> assigned;
    for (const std::string& argument : arguments) {
        const auto eq = argument.find('=');
        if (eq == std::string::npos) {
            if (!file.empty())
                throw Error(ErrorCode::invalid_input, "give at most one input file; got " + file + " and " + argument);
            file = argument;
            continue;
        }
        const std::string id = argument.substr(0, eq);
        if (id.empty()) throw Error(ErrorCode::invalid_input, "\"" + argument + "\" has no item name before '='");
        auto it = std::find_if(assigned.begin(), assigned.end(), [&](const scoring::RawItem& r) { return r.id == id; });
        if (it == assigned.end()) {
            assigned.push_back({id, {}});
            it = assigned.end() - 1;
        }
        it->values.push_back({false, {}, argument.substr(eq + 1)});
    }
    if (!file.empty()) input = scoring::read_scoring_input(read_text(file));
    for (scoring::RawItem& item : assigned) {
        for (const scoring::RawItem& from_file : input.items)
            if (from_file.id == item.id)
                throw Error(ErrorCode::invalid_input,
                            "item " + item.id + " is given both in the file and as an argument");
        input.items.push_back(std::move(item));
    }
    if (input.items.empty())
        throw Error(ErrorCode::invalid_input,
                    "no values given: pass item=value arguments, a JSON file, or - to read JSON from standard input");
    return input;
}

}  // namespace reable::cli
