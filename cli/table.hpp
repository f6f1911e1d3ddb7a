#pragma once

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace reable::cli {

/// Display width of UTF-8 text: code points, not bytes ("–" and "é" take one column).
inline std::size_t width(const std::string& s)
{
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

/// Rows of columns, each column as wide as its widest cell, two spaces apart.
class Table {
public:
    void row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
    bool empty() const { return m_rows.empty(); }
    void print(std::ostream& out, const std::string& indent = "  ") const
    {
        std::vector<std::size_t> widths;
        for (const auto& r : m_rows)
            for (std::size_t i = 0; i < r.size(); ++i) {
                if (widths.size() <= i) widths.push_back(0);
                widths[i] = std::max(widths[i], width(r[i]));
            }
        for (const auto& r : m_rows) {
            std::string line = indent;
            for (std::size_t i = 0; i < r.size(); ++i) {
                line += r[i];
                if (i + 1 < r.size()) line += std::string(widths[i] - width(r[i]) + 2, ' ');
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out << line << '\n';
        }
    }

private:
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace reable::cli
