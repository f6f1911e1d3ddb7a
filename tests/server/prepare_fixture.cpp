// Builds the database every server test starts from (a CTest fixture, run once per test run):
// a small synthetic cohort in Groningen, a second municipality with no clients, and one user per
// role and scope. Hashing passwords is deliberately slow (PBKDF2), so it is done once, here.

#include "fixture_users.hpp"

#include "reable/app/demo_seed.hpp"
#include "reable/app/organisation_service.hpp"
#include "reable/app/protocol_set.hpp"
#include "reable/app/user_service.hpp"
#include "reable/clock.hpp"
#include "reable/storage_sqlite/sqlite_database.hpp"

#include <filesystem>
#include <iostream>

using namespace reable;

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::cerr << "usage: prepare_server_fixture DATABASE\n";
        return 64;
    }
    const std::filesystem::path target = argv[1];
    const std::filesystem::path building = target.string() + ".building";
    for (const auto& p : {building, std::filesystem::path(building.string() + "-wal"),
                          std::filesystem::path(building.string() + "-shm")})
        std::filesystem::remove(p);
    const FixedClock clock(*calendar::parse_iso_date(testing::k_fixture_today));
    {
        auto db = storage_sqlite::open_sqlite(building, {.create = true});
        db->migrate();
        const protocol::Registry registry = app::load_registry(REABLE_SOURCE_PROTOCOLS_DIR);
        app::seed_demo(*db, registry, clock, {.clients = testing::k_fixture_clients, .seed = 11});
        auto work = db->write();
        app::register_municipality(*work, "GM0363", "Amsterdam", {"Centrum"});
        const auto now = std::chrono::system_clock::now();
        for (const testing::FixtureUser& u : testing::fixture_users(*work)) {
            app::UserInput in;
            in.username = u.username;
            in.display_name = u.username;
            in.role = u.role;
            in.member = u.member;
            in.municipality = u.municipality;
            in.password = testing::k_fixture_password;
            app::add_user(*work, now, in);
        }
        work->commit();
    }
    // Folded into one file (no -wal), then moved into place in one step: tests running in
    // parallel never see half a fixture.
    {
        auto db = storage_sqlite::open_sqlite(building, {});
    }
    std::filesystem::rename(building, target);
    std::cout << "server fixture ready: " << target.string() << '\n';
    return 0;
}
