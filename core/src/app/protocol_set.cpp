#include "reable/app/protocol_set.hpp"

#include "reable/error.hpp"
#include "reable/protocol/loader.hpp"
#include "reable/scoring/examples.hpp"

#include <fstream>
#include <sstream>

namespace reable::app {
namespace {

struct Loaded {
    std::size_t files = 0;
    std::vector<protocol::Instrument> instruments;
    std::vector<protocol::Issue> issues;
};

Loaded load(const std::filesystem::path& path)
{
    Loaded out;
    std::error_code ec;
    protocol::InstrumentLoad load;
    if (std::filesystem::is_regular_file(path, ec)) {
        std::ifstream in(path, std::ios::binary);
        std::ostringstream text;
        text << in.rdbuf();
        load = protocol::read_instrument(text.str(), path.string());
        out.files = 1;
    }
    else if (std::filesystem::is_directory(path, ec)) {
        const auto folder = std::filesystem::is_directory(path / "instruments", ec) ? path / "instruments" : path;
        load = protocol::read_instrument_directory(folder);
        for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
            if (entry.is_regular_file() && entry.path().extension() == ".json") ++out.files;
    }
    else {
        load.issues.push_back({path.string(), "", "no such file or directory"});
    }
    out.issues = std::move(load.issues);
    for (protocol::Instrument& instrument : load.instruments) {
        auto example_issues = scoring::verify_examples(instrument);
        if (example_issues.empty()) out.instruments.push_back(std::move(instrument));
        out.issues.insert(out.issues.end(), example_issues.begin(), example_issues.end());
    }
    if (out.files == 0 && out.issues.empty())
        out.issues.push_back({path.string(), "", "contains no instrument files (*.json)"});
    return out;
}

}  // namespace

ProtocolCheck check_protocols(const std::filesystem::path& path)
{
    Loaded loaded = load(path);
    return ProtocolCheck{loaded.files, loaded.instruments.size(), std::move(loaded.issues)};
}

protocol::Registry load_registry(const std::filesystem::path& root)
{
    Loaded loaded = load(root);
    if (!loaded.issues.empty()) {
        std::vector<ErrorDetail> details;
        for (const protocol::Issue& issue : loaded.issues)
            details.push_back({issue.file + (issue.pointer.empty() ? "" : ": " + issue.pointer), issue.message});
        const std::string count =
            loaded.issues.size() == 1 ? "1 issue" : std::to_string(loaded.issues.size()) + " issues";
        throw Error(ErrorCode::protocol_invalid, "the protocol set in " + root.string() + " is invalid (" + count + ")",
                    std::move(details));
    }
    return protocol::Registry(std::move(loaded.instruments));
}

}  // namespace reable::app
