#pragma once

#include <span>
#include <string_view>

namespace reable::storage_sqlite {

/// One schema step, compiled into the program from migrations/NNNN_name.sql.
struct Migration {
    int version;
    std::string_view name;  ///< "0001_organisation_and_clients"
    std::string_view sql;
};

/// Every migration, ordered by version, numbered 1, 2, 3 … without gaps (checked at configure time).
std::span<const Migration> migrations();

}  // namespace reable::storage_sqlite
