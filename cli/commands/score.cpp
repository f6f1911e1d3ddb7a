#include "commands/score.hpp"

#include "reable/clock.hpp"
#include "reable/error.hpp"
#include "reable/scoring/engine.hpp"
#include "reable/scoring/json_io.hpp"
#include "render.hpp"
#include "score_input.hpp"

#include <CLI/CLI.hpp>

#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

namespace reable::cli {
namespace {

struct SubjectOptions {
    std::string birth_date;
    std::string test_date;
    std::string sex;
    std::optional<int> age;
};

struct ScoreOptions {
    std::string id;
    std::string version;
    std::vector<std::string> inputs;  ///< item=value arguments, one file, or "-" for stdin
    std::string before;
    std::string after;
    SubjectOptions subject;
    std::string lang = "en";
    bool json = false;
};

/// A command-line option and the same field in the input file must agree when both are given.
void merge(std::optional<std::string>& field, const std::string& option, const char* flag, const char* name)
{
    if (option.empty()) return;
    if (field && *field != option)
        throw Error(ErrorCode::invalid_input, std::string(flag) + " " + option + " contradicts " + name + " \"" +
                                                  *field + "\" in the input file; give it once");
    field = option;
}

void merge_subject(scoring::RawSubject& raw, const SubjectOptions& o)
{
    merge(raw.birth_date, o.birth_date, "--birth-date", "birth_date");
    merge(raw.test_date, o.test_date, "--test-date", "test_date");
    merge(raw.sex, o.sex, "--sex", "sex");
    if (o.age) {
        if (raw.age && *raw.age != *o.age)
            throw Error(ErrorCode::invalid_input, "--age " + std::to_string(*o.age) + " contradicts age " +
                                                      std::to_string(*raw.age) + " in the input file; give it once");
        raw.age = o.age;
    }
}

const protocol::Instrument& find_instrument(const protocol::Registry& registry, const ScoreOptions& o)
{
    return o.version.empty() ? registry.instrument(o.id) : registry.instrument(o.id, o.version);
}

void run_score(const GlobalOptions& global, const ScoreOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    const protocol::Instrument& instrument = find_instrument(registry, options);
    scoring::ScoringInput input = collect_input(options.inputs);
    merge_subject(input.subject, options.subject);
    const scoring::Subject subject = scoring::read_subject(input.subject, *clock_of(global));
    const scoring::Observation observation = scoring::read_observation(instrument, input.items);
    const scoring::ScoreReport report =
        scoring::make_report(observation, subject, scoring::score(observation, subject));
    std::cout << (options.json ? scoring::to_json(report)
                               : render_report(report, options.lang == "nl" ? Lang::nl : Lang::en));
}

void run_change(const GlobalOptions& global, const ScoreOptions& options)
{
    const protocol::Registry registry = load_protocols(global);
    const protocol::Instrument& instrument = find_instrument(registry, options);
    const std::unique_ptr<Clock> clock_ptr = clock_of(global);
    const Clock& clock = *clock_ptr;
    struct Occasion {
        scoring::Observation observation;
        scoring::Subject subject;
        scoring::ScoreSheet sheet;
    };
    auto occasion = [&](const std::string& path) {
        scoring::ScoringInput input = scoring::read_scoring_input(read_text(path));
        merge_subject(input.subject, options.subject);
        if (!input.subject.test_date)
            throw Error(ErrorCode::invalid_input, path + ": give the test_date of each occasion to compare them");
        scoring::Subject subject = scoring::read_subject(input.subject, clock);
        scoring::Observation observation = scoring::read_observation(instrument, input.items);
        scoring::ScoreSheet sheet = scoring::score(observation, subject);
        return Occasion{std::move(observation), subject, std::move(sheet)};
    };
    const Occasion before = occasion(options.before);
    const Occasion after = occasion(options.after);
    const scoring::ChangeReport report = scoring::compare(before.observation, before.subject, before.sheet,
                                                          after.observation, after.subject, after.sheet);
    std::cout << (options.json ? scoring::to_json(report)
                               : render_change(report, options.lang == "nl" ? Lang::nl : Lang::en));
}

void add_subject_options(CLI::App* command, SubjectOptions& subject)
{
    command->add_option("--birth-date", subject.birth_date,
                        "Birth date, YYYY-MM-DD; the age is computed on the test date");
    command->add_option("--age", subject.age, "Age in whole years (instead of --birth-date)");
    command->add_option("--sex", subject.sex, "female or male (selects norms and equations)");
    command->add_option("--test-date", subject.test_date, "Date of the test, YYYY-MM-DD (default: today)");
}

}  // namespace

void setup_score(CLI::App& app, const GlobalOptions& global)
{
    auto options = std::make_shared<ScoreOptions>();

    CLI::App* score = app.add_subcommand("score", "Score one administration of an instrument");
    score->footer(
        "Values: item=value, repeated for each trial (gait_4m=6.20 gait_4m=5.98). A value is a number, optionally\n"
        "with its unit (6.20 or \"6.20 s\"), a state (unable, not_attempted:REASON, used_arms) or an answer code.\n"
        "Or a JSON file (or - for standard input): {\"test_date\": \"2026-11-23\", \"sex\": \"female\", \"age\": 80,\n"
        "\"items\": {\"gait_4m\": [6.20, 5.98]}}. `reable protocols show ID` lists the items and what they allow.");
    score->add_option("id", options->id, "Instrument id, e.g. sppb")->required();
    score->add_option("inputs", options->inputs, "item=value pairs, or one JSON file, or -");
    score->add_option("--instrument-version", options->version, "Score with this version (default: the newest)");
    add_subject_options(score, options->subject);
    score->add_flag("--json", options->json, "Print JSON: every score, interpretation, norm range, flag and rule");
    score->add_option("--lang", options->lang, "Language of the labels in the table")
        ->check(CLI::IsMember({"en", "nl"}));
    score->callback([&global, options] { run_score(global, *options); });

    CLI::App* change = app.add_subcommand("change", "Compare two occasions and judge whether the change is meaningful");
    change->add_option("id", options->id, "Instrument id, e.g. copm")->required();
    change->add_option("before", options->before, "JSON input of the earlier occasion")
        ->required()
        ->check(CLI::ExistingFile);
    change->add_option("after", options->after, "JSON input of the later occasion")
        ->required()
        ->check(CLI::ExistingFile);
    change->add_option("--instrument-version", options->version, "Score with this version (default: the newest)");
    add_subject_options(change, options->subject);
    change->add_flag("--json", options->json, "Print JSON");
    change->add_option("--lang", options->lang, "Language of the labels in the table")
        ->check(CLI::IsMember({"en", "nl"}));
    change->callback([&global, options] { run_change(global, *options); });
}

}  // namespace reable::cli
