#include "reable/app/protocol_set.hpp"

#include "reable/decision/examples.hpp"
#include "reable/error.hpp"
#include "reable/protocol/loader.hpp"
#include "reable/schedule/examples.hpp"
#include "reable/scoring/examples.hpp"

#include <fstream>
#include <set>
#include <sstream>

namespace reable::app {
namespace {

namespace fs = std::filesystem;

/// Which files a path names (see check_protocols).
struct Layout {
    fs::path instruments;            ///< an instrument file or folder
    bool check_instruments = true;   ///< false: read only for the ids that templates may name
    fs::path trajectories;           ///< a template file or folder; empty: none
    bool check_trajectories = true;  ///< false: read only for the occasions that policies may name
    fs::path norms;                  ///< a norm-table file or folder; empty: none
    fs::path policies;               ///< a policy file or folder; empty: none
};

/// The decision files of a protocol root: policies/ and policies/norms/.
void add_policies(Layout& layout, const fs::path& root)
{
    std::error_code ec;
    if (!fs::is_directory(root / "policies", ec)) return;
    layout.policies = root / "policies";
    if (fs::is_directory(root / "policies" / "norms", ec)) layout.norms = root / "policies" / "norms";
}

Layout layout_of(fs::path path)
{
    if (path.filename().empty() && path.has_parent_path()) path = path.parent_path();  // "protocols/trajectories/"
    std::error_code ec;
    const bool file = fs::is_regular_file(path, ec);
    const fs::path folder = file ? path.parent_path() : path;
    if (folder.filename() == "trajectories") return {folder.parent_path() / "instruments", false, path, true, {}, {}};
    if (folder.filename() == "norms" && folder.parent_path().filename() == "policies")
        return {{}, false, {}, false, path, {}};
    if (folder.filename() == "policies") {
        const fs::path root = folder.parent_path();
        Layout layout{root / "instruments", false, root / "trajectories", false, {}, {}};
        add_policies(layout, root);
        if (file) layout.policies = path;
        return layout;
    }
    if (file) return {path, true, {}, true, {}, {}};
    const fs::path instruments = fs::is_directory(path / "instruments", ec) ? path / "instruments" : path;
    const fs::path trajectories = fs::is_directory(path / "trajectories", ec) ? path / "trajectories" : fs::path{};
    Layout layout{instruments, true, trajectories, true, {}, {}};
    add_policies(layout, path);
    return layout;
}

struct Loaded {
    std::size_t instrument_files = 0;
    std::size_t trajectory_files = 0;
    std::size_t norm_files = 0;
    std::size_t policy_files = 0;
    std::vector<protocol::Instrument> instruments;
    std::vector<protocol::TrajectoryTemplate> trajectories;
    std::vector<protocol::HhNorms> norms;
    std::vector<protocol::Policy> policies;
    std::vector<protocol::Issue> issues;
};

std::string text_of(const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::size_t json_file_count(const fs::path& folder)
{
    std::error_code ec;
    std::size_t count = 0;
    for (const auto& entry : fs::directory_iterator(folder, ec))
        if (entry.is_regular_file() && entry.path().extension() == ".json") ++count;
    return count;
}

/// Keeps what `verify` finds no issue with; adds its issues to `issues`.
template <class Protocol, class Verify>
void keep_verified(std::vector<Protocol>& read, std::vector<Protocol>& kept, std::vector<protocol::Issue>& issues,
                   Verify verify)
{
    for (Protocol& protocol : read) {
        auto example_issues = verify(protocol);
        if (example_issues.empty()) kept.push_back(std::move(protocol));
        issues.insert(issues.end(), example_issues.begin(), example_issues.end());
    }
}

void load_instruments(const fs::path& path, Loaded& out)
{
    std::error_code ec;
    protocol::InstrumentLoad load;
    if (fs::is_regular_file(path, ec)) {
        load = protocol::read_instrument(text_of(path), path.string());
        out.instrument_files = 1;
    }
    else if (fs::is_directory(path, ec)) {
        load = protocol::read_instrument_directory(path);
        out.instrument_files = json_file_count(path);
    }
    else {
        load.issues.push_back({path.string(), "", "no such file or directory"});
    }
    out.issues.insert(out.issues.end(), load.issues.begin(), load.issues.end());
    keep_verified(load.instruments, out.instruments, out.issues, scoring::verify_examples);
}

void load_trajectories(const fs::path& path, const std::set<std::string>& instrument_ids, Loaded& out)
{
    std::error_code ec;
    protocol::TrajectoryLoad load;
    if (fs::is_regular_file(path, ec)) {
        load = protocol::read_trajectory(text_of(path), path.string(), instrument_ids);
        out.trajectory_files = 1;
    }
    else {
        load = protocol::read_trajectory_directory(path, instrument_ids);
        out.trajectory_files = json_file_count(path);
    }
    out.issues.insert(out.issues.end(), load.issues.begin(), load.issues.end());
    keep_verified(load.trajectories, out.trajectories, out.issues, schedule::verify_examples);
}

/// The instruments that templates may name: those of the set being checked, or, when only
/// templates are checked, those of the folder beside them (read for their ids only).
std::set<std::string> instrument_ids(const Layout& layout, const Loaded& loaded)
{
    std::set<std::string> ids;
    std::error_code ec;
    if (layout.check_instruments)
        for (const protocol::Instrument& instrument : loaded.instruments) ids.insert(instrument.id);
    else if (fs::is_directory(layout.instruments, ec))
        for (const protocol::Instrument& instrument :
             protocol::read_instrument_directory(layout.instruments).instruments)
            ids.insert(instrument.id);
    return ids;
}

void load_norms(const fs::path& path, Loaded& out)
{
    std::error_code ec;
    protocol::NormsLoad load;
    if (fs::is_regular_file(path, ec)) {
        load = protocol::read_norms(text_of(path), path.string());
        out.norm_files = 1;
    }
    else {
        load = protocol::read_norms_directory(path);
        out.norm_files = json_file_count(path);
    }
    out.issues.insert(out.issues.end(), load.issues.begin(), load.issues.end());
    keep_verified(load.norms, out.norms, out.issues,
                  [](const protocol::HhNorms& norms) { return decision::verify_examples(norms); });
}

/// The newest version of each norm table, for running a policy's examples.
const protocol::HhNorms* newest_norms(const std::vector<protocol::HhNorms>& norms, const std::string& id)
{
    const protocol::HhNorms* newest = nullptr;
    for (const protocol::HhNorms& n : norms)
        if (n.id == id && (!newest || protocol::version_less(newest->version, n.version))) newest = &n;
    return newest;
}

/// What policies may name. Instruments and templates that are only read for their names (when a
/// policy folder is checked on its own) come from the folders beside it.
protocol::PolicyContext policy_context(const Layout& layout, const Loaded& loaded)
{
    protocol::PolicyContext context;
    std::error_code ec;
    std::vector<protocol::Instrument> read_instruments;
    if (!layout.check_instruments && fs::is_directory(layout.instruments, ec))
        read_instruments = protocol::read_instrument_directory(layout.instruments).instruments;
    const auto& instruments = layout.check_instruments ? loaded.instruments : read_instruments;
    std::set<std::string> ids;
    for (const protocol::Instrument& instrument : instruments) {
        ids.insert(instrument.id);
        auto& scores = context.instrument_scores[instrument.id];
        for (const protocol::Score& score : instrument.scores) scores.insert(score.id);
    }
    std::vector<protocol::TrajectoryTemplate> read_templates;
    if (!layout.check_trajectories && fs::is_directory(layout.trajectories, ec))
        read_templates = protocol::read_trajectory_directory(layout.trajectories, ids).trajectories;
    for (const protocol::TrajectoryTemplate& t : layout.check_trajectories ? loaded.trajectories : read_templates) {
        auto& occasions = context.trajectory_occasions[t.id];
        for (const protocol::Occasion& o : t.occasions) occasions.insert(o.id);
    }
    for (const protocol::HhNorms& n : loaded.norms) context.norm_ids.insert(n.id);
    return context;
}

void load_policies(const fs::path& path, const protocol::PolicyContext& context, Loaded& out)
{
    std::error_code ec;
    protocol::PolicyLoad load;
    if (fs::is_regular_file(path, ec)) {
        load = protocol::read_policy(text_of(path), path.string(), context);
        out.policy_files = 1;
    }
    else {
        load = protocol::read_policy_directory(path, context);
        out.policy_files = json_file_count(path);
    }
    out.issues.insert(out.issues.end(), load.issues.begin(), load.issues.end());
    keep_verified(load.policies, out.policies, out.issues, [&](const protocol::Policy& policy) {
        const protocol::HhNorms* norms = newest_norms(out.norms, policy.norms);
        return norms ? decision::verify_examples(policy, *norms) : std::vector<protocol::Issue>{};
    });
}

Loaded load(const fs::path& path)
{
    Loaded out;
    const Layout layout = layout_of(path);
    if (layout.check_instruments) load_instruments(layout.instruments, out);
    if (!layout.trajectories.empty() && layout.check_trajectories)
        load_trajectories(layout.trajectories, instrument_ids(layout, out), out);
    if (!layout.norms.empty()) load_norms(layout.norms, out);
    if (!layout.policies.empty()) load_policies(layout.policies, policy_context(layout, out), out);
    if (out.instrument_files + out.trajectory_files + out.norm_files + out.policy_files == 0 && out.issues.empty())
        out.issues.push_back({path.string(), "",
                              layout.check_instruments ? "contains no instrument files (*.json)"
                                                       : "contains no trajectory template files (*.json)"});
    return out;
}

}  // namespace

ProtocolCheck check_protocols(const std::filesystem::path& path)
{
    Loaded loaded = load(path);
    return ProtocolCheck{loaded.instrument_files,    loaded.instruments.size(), loaded.trajectory_files,
                         loaded.trajectories.size(), loaded.norm_files,         loaded.norms.size(),
                         loaded.policy_files,        loaded.policies.size(),    std::move(loaded.issues)};
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
    return protocol::Registry(std::move(loaded.instruments), std::move(loaded.trajectories), std::move(loaded.policies),
                              std::move(loaded.norms));
}

}  // namespace reable::app
