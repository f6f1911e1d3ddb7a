#include "reable/app/config.hpp"

#include "../json_support.hpp"
#include "reable/error.hpp"

#include <fstream>
#include <sstream>

namespace reable::app {

Config load_config(const std::filesystem::path& file)
{
    std::ifstream in(file);
    if (!in) throw Error(ErrorCode::not_found, "the configuration file " + file.string() + " does not exist");
    std::stringstream text;
    text << in.rdbuf();

    std::vector<json::Problem> problems;
    const std::optional<json::Var> document = json::parse_document(text.str(), problems);
    if (document && !json::is_object(*document)) problems.push_back({"", "the configuration must be a JSON object"});
    Config config;
    if (document && problems.empty()) {
        const json::ObjectPtr object = document->extract<json::ObjectPtr>();
        const std::filesystem::path base = file.parent_path();
        for (const std::string& key : object->getNames()) {
            const json::Var& value = object->get(key);
            if (!value.isString()) {
                problems.push_back({json::child("", key), "must be a string"});
                continue;
            }
            const std::string text_value = value.toString();
            if (key == "database")
                config.database = base / text_value;
            else if (key == "protocols")
                config.protocols = base / text_value;
            else if (key == "durability" && (text_value == "full" || text_value == "normal"))
                config.durability = text_value;
            else if (key == "durability")
                problems.push_back({"/durability", "\"" + text_value + "\" is not allowed; use full or normal"});
            else
                problems.push_back({json::child("", key), "unknown field; known: database, protocols, durability"});
        }
    }
    if (problems.empty()) return config;
    std::vector<ErrorDetail> details;
    for (const json::Problem& p : problems) details.push_back({file.string() + "#" + p.pointer, p.message});
    throw Error(ErrorCode::invalid_input, "the configuration file " + file.string() + " is invalid", details);
}

}  // namespace reable::app
