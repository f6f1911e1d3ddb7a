#pragma once

// A writer for the small compact JSON documents stored with every test result. Poco's JSON
// objects go through Dynamic::Var and doubles: slower than the scoring itself, and a double can
// print 6.2 as 6.2000000000000002. Here numbers are written from their exact Decimal text.
// Also the web service's writer for its JSON answers. Reading JSON stays with Poco.

#include "reable/decimal.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace reable::json {

class CompactWriter {
public:
    CompactWriter& begin_object();
    CompactWriter& end_object();
    CompactWriter& begin_array();
    CompactWriter& end_array();
    /// A member name inside an object; the value follows.
    CompactWriter& key(std::string_view name);
    CompactWriter& value(std::string_view text);
    CompactWriter& value(Decimal number);
    /// Without it a string literal would convert to bool rather than to string_view.
    CompactWriter& value(const char* text) { return value(std::string_view(text)); }
    CompactWriter& value(bool flag);
    CompactWriter& value(int number);
    CompactWriter& value(std::int64_t number);
    /// A value that may be absent: null when it is.
    template <class T>
    CompactWriter& optional(const std::optional<T>& v)
    {
        return v ? value(*v) : null();
    }
    CompactWriter& null();
    /// A value that is already JSON text (a stored document embedded as it is).
    CompactWriter& raw(std::string_view json);
    const std::string& text() const { return m_out; }

private:
    void separate();
    void quoted(std::string_view text);
    std::string m_out;
    bool m_first = true;  ///< no comma before the next value or key
};

}  // namespace reable::json
