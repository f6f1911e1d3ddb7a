#pragma once

// A JSON-lines log (one object per line), for the access and the error log. Callers pass only
// fields free of health data: route patterns, statuses, error codes, user ids, durations.

#include <fstream>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace reable::server {

/// One field of a log line: a name and a value that is either text or a number.
struct LogField {
    std::string name;
    std::string text;
    bool number = false;
    LogField(std::string n, std::string t) : name(std::move(n)), text(std::move(t)) {}
    LogField(std::string n, const char* t) : name(std::move(n)), text(t) {}
    LogField(std::string n, long long v) : name(std::move(n)), text(std::to_string(v)), number(true) {}
    LogField(std::string n, int v) : name(std::move(n)), text(std::to_string(v)), number(true) {}
    LogField(std::string n, double v);
};

class JsonLog {
public:
    /// `target`: a file path (appended to), "-" for standard output, or "" for no log.
    /// `flush_each_line`: for logs read as they are written (errors, standard output).
    JsonLog(const std::string& target, bool flush_each_line);
    /// Writes {"ts": now, fields…} as one line (buffered; flushed when full and at shutdown).
    void write(const std::vector<LogField>& fields);

private:
    std::mutex m_mutex;
    std::unique_ptr<std::ofstream> m_file;
    std::ostream* m_out = nullptr;
    bool m_flush_each_line = false;
};

}  // namespace reable::server
