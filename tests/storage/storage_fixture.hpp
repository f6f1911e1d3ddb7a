#pragma once

#include "reable/error.hpp"
#include "reable/storage/database.hpp"
#include "support/scratch.hpp"

#include <memory>
#include <string>
#include <vector>

namespace reable::testing {

/// A freshly migrated database in a scratch folder, with one municipality, area, team and a
/// member of each discipline: what most storage tests start from.
struct StorageFixture {
    Scratch scratch;
    std::filesystem::path path = scratch.path("reable.db");
    std::unique_ptr<storage::Database> db;
    domain::MunicipalityId groningen;
    domain::AreaId oost;
    domain::TeamId team;
    domain::MemberId ergo, physio, helper, social;

    StorageFixture();
    /// A client with a valid BSN (different per `n`) in area `oost`.
    domain::ClientId add_client(storage::UnitOfWork& work, int n = 0);
};

/// Valid BSNs for tests: the n-th number from 100000009 upwards that passes the elfproef.
std::string test_bsn(int n);

/// "code: message" of the reable::Error that `action` throws, or "no error".
std::string error_of(auto&& action)
{
    try {
        action();
    }
    catch (const Error& e) {
        return std::string(to_string(e.code())) + ": " + e.what();
    }
    return "no error";
}

/// Each problem of the reable::Error that `action` throws as "where: message" (or its message
/// when it has no details); empty when nothing is thrown.
std::vector<std::string> problems_of(auto&& action)
{
    try {
        action();
    }
    catch (const Error& e) {
        std::vector<std::string> out;
        for (const ErrorDetail& d : e.details()) out.push_back(d.where + ": " + d.message);
        if (out.empty()) out.emplace_back(e.what());
        return out;
    }
    return {};
}

/// Sets a PRAGMA or runs SQL on a database file directly, behind the adapter's back.
void raw_sql(const std::filesystem::path& path, const std::string& sql);

}  // namespace reable::testing
