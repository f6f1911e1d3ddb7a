// NEN 7513 through the real binary: every command that reads or writes a client's record leaves an
// audit line for the operating-system account, with the client, the action, the data and the command.

#include "run_cli.hpp"
#include "support/scratch.hpp"

#include <doctest/doctest.h>
#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <stdexcept>

using reable::testing::CliResult;
using reable::testing::run_cli;
using reable::testing::Scratch;

namespace {

/// Two clients in one area; client 1 has a melding and a trajectory (1) with physiotherapist 1.
struct Office {
    Scratch scratch;
    std::string db = scratch.path("reable.db").string();
    CliResult run(std::vector<std::string> args) const
    {
        args.insert(args.end(), {"--db", db, "--today", "2026-02-19"});
        return run_cli(args);
    }
    void require(const std::vector<std::string>& args) const
    {
        const CliResult r = run(args);
        INFO(args.front(), " ", args.size() > 1 ? args[1] : "", ": ", r.err);
        REQUIRE(r.exit_code == 0);
    }
    Office()
    {
        require({"db", "migrate"});
        require({"municipality", "add", "GM0014", "Groningen", "--area", "Beijum"});
        require({"team", "add", "WIJ Oost", "--municipality", "GM0014"});
        require({"team", "member", "add", "1", "Fenna", "--discipline", "physiotherapist"});
        require({"client", "add", "--bsn", "123456782", "--name", "Mevr. A. Jansen", "--birth-date", "1941-03-12",
                 "--sex", "female", "--municipality", "GM0014", "--area", "Beijum"});
        require({"client", "add", "--bsn", "100000009", "--name", "Dhr. B. de Vries", "--birth-date", "1938-07-01",
                 "--sex", "male", "--municipality", "GM0014", "--area", "Beijum"});
    }
    /// "client action data resource" of every audit line about a client, oldest first.
    std::vector<std::string> client_lines() const
    {
        sqlite3* handle = nullptr;
        if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + db);
        sqlite3_stmt* stmt = nullptr;
        sqlite3_prepare_v2(handle,
                           "SELECT client_id, action, data, resource, username, user_role, result FROM audit_event "
                           "WHERE client_id IS NOT NULL ORDER BY id",
                           -1, &stmt, nullptr);
        std::vector<std::string> lines;
        auto text = [&](int column) {
            return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column)));
        };
        while (sqlite3_step(stmt) == SQLITE_ROW) {
            CHECK(text(4).rfind("os:", 0) == 0);
            CHECK(text(5) == "operator");
            CHECK(text(6) == "success");
            lines.push_back(text(0) + " " + text(1) + " " + text(2) + " " + text(3));
        }
        sqlite3_finalize(stmt);
        sqlite3_close(handle);
        return lines;
    }
};

}  // namespace

TEST_CASE("each command on a client's record leaves one audit line per client, and the chain stays intact")
{
    const Office o;
    const std::string csv = o.scratch.path("sessions.csv").string();
    {
        std::ofstream out(csv);
        out << "trajectory,member,date,minutes\n1,1,2026-02-12,30\n1,1,2026-02-13,30\n";
    }
    o.require({"client", "show", "1"});
    o.require({"client", "list"});
    o.require({"melding", "add", "1", "--received", "2026-02-02"});
    o.require({"melding", "update", "1", "--onderzoek-done", "2026-02-05"});
    o.require({"melding", "list"});
    o.require({"trajectory", "start", "--client", "1", "--template", "groningen-14w-2y", "--start", "2026-02-09",
               "--member", "1"});
    o.require({"trajectory", "move", "1", "intake", "--date", "2026-02-09"});
    o.require({"trajectory", "show", "1"});
    o.require({"test", "record", "--trajectory", "1", "--member", "1", "--occasion", "intake", "--instrument", "sppb",
               "--date", "2026-02-10", "balance_side_by_side=10", "balance_semi_tandem=10", "balance_tandem=3",
               "gait_4m=5.5", "chair_stand_5x=15.5"});
    o.require(
        {"goal", "add", "--trajectory", "1", "--problem", "Stofzuigen", "--importance", "8", "--date", "2026-02-10"});
    o.require({"goal", "rate", "1", "--occasion", "intake", "--performance", "4", "--satisfaction", "3", "--date",
               "2026-02-10"});
    o.require({"session", "log", "--trajectory", "1", "--member", "1", "--date", "2026-02-11", "--minutes", "45",
               "--signal", "loneliness"});
    o.require({"signal", "list"});
    o.require({"schedule", "--member", "1", "--from", "2026-02-16", "--to", "2026-02-22"});
    o.require({"import", "sessions", csv});
    o.require({"onderzoek", "record", "1", "--decline-since", "2026-01-05", "--household-goal", "--wait-days", "10",
               "--limitation", "much"});
    o.require({"onderzoek", "show", "1"});
    o.require({"decide", "1", "--policy", "groningen-voluntary", "--dry-run"});
    o.require({"decide", "1", "--policy", "groningen-precedence"});
    o.require({"decision", "show", "1"});
    o.require({"decision", "list", "1"});
    // Refused: nothing was read, so nothing is logged.
    CHECK(o.run({"client", "show", "99"}).exit_code != 0);

    const std::vector<std::string> expected{
        "1 create client cli: client add",
        "2 create client cli: client add",
        "1 read client cli: client show",
        "1 read client list cli: client list",
        "2 read client list cli: client list",
        "1 create melding cli: melding add",
        "1 update melding cli: melding update",
        "1 read melding cli: melding list",
        "1 create trajectory cli: trajectory start",
        "1 update trajectory cli: trajectory move",
        "1 read trajectory cli: trajectory show",
        "1 create test_result cli: test record",
        "1 create goal cli: goal add",
        "1 create goal cli: goal rate",
        "1 create session cli: session log",
        "1 read signal cli: signal list",
        "1 read agenda cli: schedule",
        "1 create session import cli: import sessions",
        "1 create onderzoek cli: onderzoek record",
        "1 read onderzoek cli: onderzoek show",
        "1 read decision cli: decide",
        "1 create decision cli: decide",
        "1 read decision cli: decision show",
        "1 read decision cli: decision list",
    };
    CHECK(o.client_lines() == expected);

    // The operator can see them too, and the log is still one unbroken chain.
    const CliResult shown = o.run({"audit", "show", "--client", "2"});
    CHECK(shown.exit_code == 0);
    CHECK(shown.out.find("Access log of client 2: 2 of 2 events") == 0);
    const CliResult verified = o.run({"audit", "verify"});
    CHECK(verified.exit_code == 0);
    CHECK(verified.out.find("audit log intact: ") == 0);
}
