#include "infra/json_log.hpp"

#include "reable/error.hpp"
#include "reable/timestamp.hpp"

#include <Poco/JSON/Stringifier.h>

#include <cstdio>
#include <iostream>
#include <sstream>

namespace reable::server {

LogField::LogField(std::string n, double v) : name(std::move(n)), number(true)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f", v);
    text = buffer;
}

JsonLog::JsonLog(const std::string& target, bool flush_each_line) : m_flush_each_line(flush_each_line || target == "-")
{
    if (target.empty()) return;
    if (target == "-") {
        m_out = &std::cout;
        return;
    }
    m_file = std::make_unique<std::ofstream>(target, std::ios::app);
    if (!*m_file) throw Error(ErrorCode::storage_failure, "cannot open the log file " + target);
    m_out = m_file.get();
}

void JsonLog::write(const std::vector<LogField>& fields)
{
    if (!m_out) return;
    std::ostringstream line;
    line << "{\"ts\":\"" << format_utc(std::chrono::system_clock::now()) << '"';
    for (const LogField& f : fields) {
        line << ",\"" << f.name << "\":";
        if (f.number)
            line << f.text;
        else
            Poco::JSON::Stringifier::formatString(f.text, line);
    }
    line << "}\n";
    const std::string text = line.str();
    const std::lock_guard lock(m_mutex);
    // Not flushed per line (a write per request would cost more than the request): the stream's
    // buffer goes out when full and when the server stops.
    *m_out << text;
    if (m_flush_each_line) m_out->flush();
}

}  // namespace reable::server
