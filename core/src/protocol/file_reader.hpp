#pragma once

// What every protocol file reader shares (the instrument reader and the trajectory-template
// reader): primitives that read one JSON value, report their own problem with the file and a JSON
// pointer and return nullopt / null, so that a reader goes on and reports everything in one pass;
// the identity and the sources every file has; provenance; and reading a folder of files.
// Private to core.

#include "reable/protocol/issue.hpp"
#include "reable/protocol/provenance.hpp"

#include "../json_support.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::protocol::reading {

using json::ArrayPtr;
using json::ObjectPtr;
using json::Var;

inline bool valid_id(const std::string& id)
{
    if (id.empty() || id[0] < 'a' || id[0] > 'z') return false;
    return std::all_of(id.begin(), id.end(),
                       [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-'; });
}

inline bool valid_version(const std::string& v)
{
    int parts = 0;
    std::size_t digits = 0;
    for (char c : v) {
        if (c >= '0' && c <= '9') {
            ++digits;
        }
        else if (c == '.' && digits > 0) {
            ++parts;
            digits = 0;
        }
        else {
            return false;
        }
    }
    return digits > 0 && parts == 2;
}

inline std::string in_quotes(std::string_view s) { return "\"" + std::string(s) + "\""; }

/// The primitives of a protocol file reader. Each reports its own problems and returns nullopt /
/// null on failure.
class FileReader {
public:
    /// `defaults_allowed`: whether provenance may be labelled "default" (trajectory templates) or
    /// not (instruments, whose rules all come from sources).
    FileReader(std::string file, std::vector<Issue>& issues, bool defaults_allowed)
        : m_file(std::move(file)), m_issues(issues), m_defaults_allowed(defaults_allowed)
    {}

protected:
    void issue(const std::string& pointer, std::string message)
    {
        m_issues.push_back({m_file, pointer, std::move(message)});
    }

    void check_fields(const ObjectPtr& object, const std::string& pointer, const std::vector<std::string_view>& allowed)
    {
        for (const std::string& key : json::unknown_keys(object, allowed))
            issue(json::child(pointer, key), "unknown field; allowed here: " + json::join(allowed));
    }

    ObjectPtr object_at(const Var& value, const std::string& pointer)
    {
        if (json::is_object(value)) return json::as_object(value);
        issue(pointer, "expected an object, got " + json::describe(value));
        return nullptr;
    }

    /// The field's value, or nullopt (with a "required field is missing" issue when required).
    std::optional<Var> field(const ObjectPtr& object, std::string_view key, const std::string& pointer, bool required)
    {
        const std::string k{key};
        if (object->has(k)) return object->get(k);
        if (required) issue(json::child(pointer, key), "required field is missing");
        return std::nullopt;
    }

    std::optional<std::string> get_string(const ObjectPtr& o, std::string_view key, const std::string& ptr,
                                          bool required)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return std::nullopt;
        if (!v->isString()) {
            issue(json::child(ptr, key), "expected a string, got " + json::describe(*v));
            return std::nullopt;
        }
        std::string s = v->convert<std::string>();
        if (s.empty()) {
            issue(json::child(ptr, key), "must not be empty");
            return std::nullopt;
        }
        return s;
    }

    std::optional<Decimal> decimal_at(const Var& v, const std::string& pointer)
    {
        if (!json::is_number(v)) {
            issue(pointer, "expected a number, got " + json::describe(v));
            return std::nullopt;
        }
        auto d = json::to_decimal(v);
        if (!d) issue(pointer, "number has more than six decimals or is too large");
        return d;
    }

    std::optional<Decimal> get_decimal(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return std::nullopt;
        return decimal_at(*v, json::child(ptr, key));
    }

    std::optional<int> int_at(const Var& v, const std::string& pointer, int min, int max)
    {
        auto d = json::is_number(v) ? json::to_decimal(v) : std::nullopt;
        if (!d || !d->is_integer() || d->to_int() < min || d->to_int() > max) {
            issue(pointer, "expected a whole number from " + std::to_string(min) + " to " + std::to_string(max) +
                               ", got " + (d ? d->to_string() : json::describe(v)));
            return std::nullopt;
        }
        return static_cast<int>(d->to_int());
    }

    std::optional<int> get_int(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required, int min,
                               int max)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return std::nullopt;
        return int_at(*v, json::child(ptr, key), min, max);
    }

    std::optional<bool> get_bool(const ObjectPtr& o, std::string_view key, const std::string& ptr)
    {
        auto v = field(o, key, ptr, false);
        if (!v) return std::nullopt;
        if (!v->isBoolean()) {
            issue(json::child(ptr, key), "expected true or false, got " + json::describe(*v));
            return std::nullopt;
        }
        return v->convert<bool>();
    }

    ArrayPtr get_array(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required,
                       bool non_empty = true)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return nullptr;
        if (!json::is_array(*v)) {
            issue(json::child(ptr, key), "expected an array, got " + json::describe(*v));
            return nullptr;
        }
        ArrayPtr a = json::as_array(*v);
        if (non_empty && a->size() == 0) {
            issue(json::child(ptr, key), "must not be empty");
            return nullptr;
        }
        return a;
    }

    ObjectPtr get_object(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required)
    {
        auto v = field(o, key, ptr, required);
        if (!v) return nullptr;
        return object_at(*v, json::child(ptr, key));
    }

    std::optional<Text> get_text(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required)
    {
        ObjectPtr t = get_object(o, key, ptr, required);
        if (!t) return std::nullopt;
        const std::string p = json::child(ptr, key);
        check_fields(t, p, {"nl", "en"});
        auto nl = get_string(t, "nl", p, true);
        auto en = get_string(t, "en", p, true);
        if (!nl || !en) return std::nullopt;
        return Text{*nl, *en};
    }

    std::optional<std::string> get_id(const ObjectPtr& o, const std::string& ptr)
    {
        auto id = get_string(o, "id", ptr, true);
        if (id && !valid_id(*id)) {
            issue(json::child(ptr, "id"),
                  "must be lowercase letters, digits, '_' or '-', starting with a letter; got " + in_quotes(*id));
            return std::nullopt;
        }
        return id;
    }

    /// A code of a closed vocabulary ("physiotherapist"); an unknown one is reported with every
    /// allowed code.
    template <class Enum>
    std::optional<Enum> get_enum(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required,
                                 std::optional<Enum> (*parse)(std::string_view), std::string_view allowed)
    {
        auto s = get_string(o, key, ptr, required);
        if (!s) return std::nullopt;
        return parse_code(*s, json::child(ptr, key), parse, allowed);
    }

    /// The same for a value that is not a field, such as an element of an array.
    template <class Enum>
    std::optional<Enum> enum_at(const Var& v, const std::string& pointer,
                                std::optional<Enum> (*parse)(std::string_view), std::string_view allowed)
    {
        if (!v.isString()) {
            issue(pointer, "expected a string, got " + json::describe(v));
            return std::nullopt;
        }
        return parse_code(v.convert<std::string>(), pointer, parse, allowed);
    }

    /// Calls `read_one(object, pointer)` for each object in the array `key` of `o`; an element that
    /// is not an object is reported and skipped.
    template <class ReadOne>
    void each_object(const ObjectPtr& o, std::string_view key, const std::string& ptr, bool required, ReadOne read_one)
    {
        ArrayPtr a = get_array(o, key, ptr, required);
        if (!a) return;
        const std::string base = json::child(ptr, key);
        for (std::size_t i = 0; i < a->size(); ++i) {
            const std::string p = json::child(base, i);
            if (ObjectPtr element = object_at(a->get(i), p)) read_one(element, p);
        }
    }

    /// Checks "format" and reads "id" and "version" (MAJOR.MINOR.PATCH) into the out-parameters.
    void read_identity(const ObjectPtr& root, std::string_view format, std::string& id, std::string& version);
    /// Reads "sources" into `sources`; provenance then refers to them by id.
    void read_sources(const ObjectPtr& root, std::vector<Source>& sources);
    /// "source", "confidence" and "note" of `o`. Not required: nullopt when none of them is there.
    std::optional<Provenance> get_provenance(const ObjectPtr& o, const std::string& ptr, bool required);

    std::string m_file;
    std::vector<Issue>& m_issues;

private:
    template <class Enum>
    std::optional<Enum> parse_code(const std::string& code, const std::string& pointer,
                                   std::optional<Enum> (*parse)(std::string_view), std::string_view allowed)
    {
        auto e = parse(code);
        if (!e) issue(pointer, "unknown value " + in_quotes(code) + "; allowed: " + std::string(allowed));
        return e;
    }

    std::map<std::string, std::size_t> m_source_by_id;
    bool m_defaults_allowed;
};

/// Parses a whole protocol file; invalid JSON and repeated keys become issues (and nullopt).
std::optional<Var> parse_file(const std::string& json_text, const std::string& file, std::vector<Issue>& issues);

/// A file of a protocol folder and its text.
struct FileText {
    std::filesystem::path path;
    std::string text;
};

/// The *.json files of `directory` (not recursive) in file-name order, each with its text. A folder
/// or file that cannot be read becomes an issue.
std::vector<FileText> json_files(const std::filesystem::path& directory, std::vector<Issue>& issues);

/// Reads every *.json file of `directory` in file-name order with `read_one(text, file)`, which
/// returns a load (its issues, and the protocols read in its member `list`), and keeps each
/// {id, version} once: a second definition is an issue naming both files. `what` names the kind
/// of protocol in that message ("instrument").
template <class Load, class Protocol, class ReadOne>
Load read_directory(const std::filesystem::path& directory, std::vector<Protocol> Load::*list, std::string_view what,
                    ReadOne read_one)
{
    Load load;
    std::map<std::string, std::string> first_file;  // "id version" → file
    for (const FileText& file : json_files(directory, load.issues)) {
        Load one = read_one(file.text, file.path.string());
        load.issues.insert(load.issues.end(), one.issues.begin(), one.issues.end());
        for (Protocol& protocol : one.*list) {
            auto [it, inserted] = first_file.emplace(protocol.reference(), file.path.string());
            if (inserted) {
                (load.*list).push_back(std::move(protocol));
                continue;
            }
            load.issues.push_back({file.path.string(), "/id",
                                   std::string(what) + " " + in_quotes(protocol.id) + " version " +
                                       in_quotes(protocol.version) + " is also defined in " + it->second});
        }
    }
    return load;
}

}  // namespace reable::protocol::reading
