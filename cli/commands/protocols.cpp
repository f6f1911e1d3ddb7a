#include "commands/protocols.hpp"

#include "exit_codes.hpp"
#include "reable/app/protocol_set.hpp"
#include "reable/calendar.hpp"
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
    std::string version;           ///< --instrument-version
    std::string template_version;  ///< --template-version
    std::string start;             ///< --start: plan a template from this day
    std::string path;
    std::string lang = "en";
    bool json = false;
};

Lang lang_of(const ProtocolsOptions& o) { return o.lang == "nl" ? Lang::nl : Lang::en; }

/// Checks the shape of a date option (a date that exists); what it means is core's business.
CLI::Validator iso_date_validator()
{
    return CLI::Validator(
        [](const std::string& text) {
            return calendar::parse_iso_date(text) ? std::string() : "not a date as YYYY-MM-DD that exists: " + text;
        },
        "DATE");
}

void run_list(const GlobalOptions& global, const ProtocolsOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    if (!options.json) {
        std::cout << render_list(registry, lang_of(options));
        return;
    }
    std::cout << scoring::to_json(registry);
}

/// The file itself is the exact, complete definition: what `show --json` prints.
void print_file(const std::string& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in) throw Error(ErrorCode::storage_failure, "cannot read " + file);
    std::cout << in.rdbuf();
}

void show_trajectory(const protocol::Registry& registry, const ProtocolsOptions& options)
{
    const protocol::TrajectoryTemplate& trajectory = options.template_version.empty()
                                                         ? registry.trajectory(options.id)
                                                         : registry.trajectory(options.id, options.template_version);
    if (options.json) return print_file(trajectory.file);
    std::optional<calendar::Date> start;
    if (!options.start.empty()) start = calendar::parse_iso_date(options.start);  // checked by the option's validator
    std::cout << render_trajectory(trajectory, lang_of(options), start);
}

void run_show(const GlobalOptions& global, const ProtocolsOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    // Instruments and templates are shown by the same command; a version option says which is meant.
    if (!options.template_version.empty() || (options.version.empty() && registry.has_trajectory(options.id)))
        return show_trajectory(registry, options);
    if (!options.start.empty())
        throw Error(ErrorCode::invalid_input, "--start plans a trajectory template; \"" + options.id + "\" is not one");
    const protocol::Instrument& instrument =
        options.version.empty() ? registry.instrument(options.id) : registry.instrument(options.id, options.version);
    if (options.json) return print_file(instrument.file);
    std::cout << render_instrument(instrument, lang_of(options));
}

/// "25 instruments and 4 trajectory templates": what a check read.
std::string counted(const app::ProtocolCheck& check)
{
    auto count = [](std::size_t n, const char* one, const char* many) {
        return std::to_string(n) + " " + (n == 1 ? one : many);
    };
    std::vector<std::string> parts;
    if (check.files > 0) parts.push_back(count(check.instruments, "instrument", "instruments"));
    if (check.trajectory_files > 0)
        parts.push_back(count(check.trajectories, "trajectory template", "trajectory templates"));
    if (check.policy_files > 0) parts.push_back(count(check.policies, "policy", "policies"));
    if (check.norm_files > 0) parts.push_back(count(check.norms, "norm table", "norm tables"));
    std::string text;
    for (std::size_t i = 0; i < parts.size(); ++i)
        text += (i == 0 ? "" : i + 1 == parts.size() ? " and " : ", ") + parts[i];
    return text;
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
    std::cout << path << ": " << counted(check) << " valid; every worked example passes\n";
}

}  // namespace

void setup_protocols(CLI::App& app, const GlobalOptions& global)
{
    auto options = std::make_shared<ProtocolsOptions>();
    CLI::App* protocols =
        app.add_subcommand("protocols", "List, show and validate instrument definitions and trajectory templates");
    protocols->require_subcommand(1);

    CLI::App* list =
        protocols->add_subcommand("list", "List the instruments and trajectory templates with their versions");
    list->add_flag("--json", options->json, "Print JSON instead of a table");
    list->add_option("--lang", options->lang, "Language of the names")->check(CLI::IsMember({"en", "nl"}));
    list->callback([&global, options] { run_list(global, *options); });

    CLI::App* show = protocols->add_subcommand(
        "show", "Show one instrument (items, scoring rules, norms, sources) or trajectory template (phases, session "
                "plan, occasions, sources)");
    show->add_option("id", options->id, "Instrument or trajectory template id, e.g. sppb or groningen-14w-2y")
        ->required();
    show->add_option("--instrument-version", options->version, "A specific instrument version (default: the newest)");
    show->add_option("--template-version", options->template_version,
                     "A specific trajectory template version (default: the newest)");
    show->add_option("--start", options->start, "Plan the template from this start date, YYYY-MM-DD")
        ->check(iso_date_validator());
    show->add_flag("--json", options->json, "Print the instrument or template file itself");
    show->add_option("--lang", options->lang, "Language of the labels")->check(CLI::IsMember({"en", "nl"}));
    show->callback([&global, options] { run_show(global, *options); });

    CLI::App* validate = protocols->add_subcommand(
        "validate", "Check a protocol set, a folder of instrument or template files, or one file; lists every issue");
    validate->add_option("path", options->path, "What to check (default: the protocol set in use)");
    validate->callback([&global, options] { run_validate(global, *options); });
}

}  // namespace reable::cli
