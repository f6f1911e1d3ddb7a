#pragma once

// A plain-text table for terminal views.

#include <ostream>
#include <string>
#include <vector>

namespace reable::cli {

/// Display width of UTF-8 text: code points, not bytes ("–" and "é" take one column).
std::size_t display_width(const std::string& s);

/// Rows of columns, each column as wide as its widest cell, two spaces apart.
class Table {
public:
    void row(std::vector<std::string> cells) { m_rows.push_back(std::move(cells)); }
    bool empty() const { return m_rows.empty(); }
    void print(std::ostream& out, const std::string& indent = "  ") const;

private:
    std::vector<std::vector<std::string>> m_rows;
};

}  // namespace reable::cli
