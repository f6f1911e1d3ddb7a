#pragma once

// JSON plumbing shared by the protocol loader and the scoring-input reader: strict document
// parsing (duplicate keys are errors, syntax errors say where), JSON-pointer building and the
// wording for type errors. Private to core.

#include "reable/decimal.hpp"

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace reable::json {

using Var = Poco::Dynamic::Var;
using ObjectPtr = Poco::JSON::Object::Ptr;
using ArrayPtr = Poco::JSON::Array::Ptr;

/// A problem found while reading a document: the JSON pointer (RFC 6901) and the message.
struct Problem {
    std::string pointer;
    std::string message;
};

/// Parses a whole document. Returns nullopt and appends a problem when the text is not valid
/// JSON (the pointer names the last value read before the error) or when an object repeats a
/// key (the pointer names the repeated key) — a repeated key would otherwise silently win.
std::optional<Var> parse_document(const std::string& text, std::vector<Problem>& problems);

/// `base` + "/" + escaped `token` (RFC 6901: "~" → "~0", "/" → "~1").
std::string child(std::string_view base, std::string_view token);
std::string child(std::string_view base, std::size_t index);

bool is_object(const Var& v);
bool is_array(const Var& v);
bool is_number(const Var& v);  ///< an integer or a floating-point number, not a boolean
ObjectPtr as_object(const Var& v);
ArrayPtr as_array(const Var& v);

/// "a string", "a number", "an object", "an array", "true or false", "null".
std::string describe(const Var& v);

/// A JSON number as an exact Decimal; nullopt when it has more than six decimals or is huge.
std::optional<Decimal> to_decimal(const Var& v);

/// The keys of an object that are not in `allowed`, in sorted order.
std::vector<std::string> unknown_keys(const ObjectPtr& object, const std::vector<std::string_view>& allowed);

/// Joins words for messages: "a, b, c".
std::string join(const std::vector<std::string>& words, std::string_view separator = ", ");
std::string join(const std::vector<std::string_view>& words, std::string_view separator = ", ");

}  // namespace reable::json
