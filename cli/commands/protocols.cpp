#include "commands/protocols.hpp"

#include "exit_codes.hpp"
#include "reable/app/protocol_set.hpp"
#include "reable/error.hpp"
#include "reable/scoring/json_io.hpp"
#include "render.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>

namespace reable::cli {
namespace {

struct ProtocolsOptions {
    std::string id;
    std::string version;
    std::string path;
    std::string lang = "en";
    bool json = false;
};

Lang lang_of(const ProtocolsOptions& o) { return o.lang == "nl" ? Lang::nl : Lang::en; }

void run_list(const GlobalOptions& global, const ProtocolsOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    if (!options.json) {
        std::cout << render_list(registry, lang_of(options));
        return;
    }
    std::cout << scoring::to_json(registry);
}

void run_show(const GlobalOptions& global, const ProtocolsOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    const protocol::Instrument& instrument =
        options.version.empty() ? registry.instrument(options.id) : registry.instrument(options.id, options.version);
    if (!options.json) {
        std::cout << render_instrument(instrument, lang_of(options));
        return;
    }
    // The file itself is the exact, complete definition.
    std::ifstream in(instrument.file, std::ios::binary);
    if (!in) throw Error(ErrorCode::storage_failure, "cannot read " + instrument.file);
    std::cout << in.rdbuf();
}

void run_validate(const GlobalOptions& global, const ProtocolsOptions& options)
{
    const std::string path = options.path.empty() ? protocols_root(global) : options.path;
    const app::ProtocolCheck check = app::check_protocols(path);
    for (const protocol::Issue& issue : check.issues) std::cerr << protocol::format_issue(issue) << '\n';
    if (!check.issues.empty()) {
        throw Error(ErrorCode::protocol_invalid, std::to_string(check.issues.size()) +
                                                     (check.issues.size() == 1 ? " issue" : " issues") + " in " + path);
    }
    std::cout << path << ": " << check.instruments << (check.instruments == 1 ? " instrument" : " instruments")
              << " valid; every worked example passes\n";
}

}  // namespace

void setup_protocols(CLI::App& app, const GlobalOptions& global)
{
    auto options = std::make_shared<ProtocolsOptions>();
    CLI::App* protocols = app.add_subcommand("protocols", "List, show and validate instrument definitions");
    protocols->require_subcommand(1);

    CLI::App* list = protocols->add_subcommand("list", "List the instruments with their versions");
    list->add_flag("--json", options->json, "Print JSON instead of a table");
    list->add_option("--lang", options->lang, "Language of the names")->check(CLI::IsMember({"en", "nl"}));
    list->callback([&global, options] { run_list(global, *options); });

    CLI::App* show = protocols->add_subcommand("show", "Show one instrument: items, scoring rules, norms, sources");
    show->add_option("id", options->id, "Instrument id, e.g. sppb")->required();
    show->add_option("--instrument-version", options->version, "A specific version (default: the newest)");
    show->add_flag("--json", options->json, "Print the instrument file itself");
    show->add_option("--lang", options->lang, "Language of the labels")->check(CLI::IsMember({"en", "nl"}));
    show->callback([&global, options] { run_show(global, *options); });

    CLI::App* validate = protocols->add_subcommand(
        "validate", "Check a protocol set, a folder of instrument files or one file; lists every issue");
    validate->add_option("path", options->path, "What to check (default: the protocol set in use)");
    validate->callback([&global, options] { run_validate(global, *options); });
}

}  // namespace reable::cli
