#include "storage_fixture.hpp"

#include "reable/domain/bsn.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"

#include <sqlite3.h>

#include <stdexcept>

namespace reable::testing {

using namespace domain;

std::string test_bsn(int n)
{
    int found = -1;
    for (long candidate = 100000009;; ++candidate) {
        const std::string text = std::to_string(candidate);
        if (!Bsn::problem(text) && ++found == n) return text;
    }
}

void raw_sql(const std::filesystem::path& path, const std::string& sql)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(path.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open " + path.string());
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    const std::string error = message ? message : "";
    sqlite3_free(message);
    sqlite3_close(db);
    if (rc != SQLITE_OK) throw std::runtime_error("raw SQL failed: " + error);
}

StorageFixture::StorageFixture()
{
    db = storage_sqlite::open_sqlite(path, {.create = true});
    db->migrate();
    auto work = db->write();
    auto& org = work->organisation();
    groningen = org.add_municipality({{}, "GM0014", "Groningen"});
    oost = org.add_area({{}, groningen, "Oosterparkwijk"});
    team = org.add_team({{}, groningen, "Team Oost"});
    ergo = org.add_member({{}, team, "Anna de Vries", Discipline::ergotherapist, true});
    physio = org.add_member({{}, team, "Fenna Bakker", Discipline::physiotherapist, true});
    helper = org.add_member({{}, team, "Joke Smit", Discipline::household_helper, true});
    social = org.add_member({{}, team, "Sanne Visser", Discipline::social_worker, true});
    work->commit();
}

ClientId StorageFixture::add_client(storage::UnitOfWork& work, int n)
{
    Client c;
    c.birth_date = *calendar::parse_iso_date("1941-03-12");
    c.sex = Sex::female;
    c.area = oost;
    c.rooms_in_use = 3;
    c.carers = {{"daughter", 6, false}};
    return work.clients().add(c, {Bsn::parse(test_bsn(n)), "Client " + std::to_string(n)});
}

}  // namespace reable::testing
