#include "commands/audit.hpp"

#include "exit_codes.hpp"
#include "local_operator.hpp"
#include "reable/app/audit_service.hpp"
#include "reable/app/client_service.hpp"
#include "text_table.hpp"

#include <CLI/CLI.hpp>

#include <iostream>

namespace reable::cli {
namespace {

struct AuditOptions {
    std::optional<std::string> expect_head;
    std::int64_t client = 0;
    std::size_t limit = 50;
};

void run_verify(const GlobalOptions& global, const AuditOptions& o)
{
    const auto db = open_database(global);
    const app::AuditVerification v = app::verify_audit(*db, o.expect_head);
    if (!v.intact) {
        std::cerr << "audit log BROKEN at event " << v.first_bad << ": " << v.problem << '\n';
        throw ExitWith{exit_check_failed};
    }
    std::cout << "audit log intact: " << v.events << (v.events == 1 ? " event" : " events") << ", head " << v.head
              << '\n';
}

void run_show(const GlobalOptions& global, const AuditOptions& o)
{
    const Instant now = std::chrono::system_clock::now();
    // Reading a client's access log is itself an access to that client's record, so it is
    // logged, in the same transaction, after the page was read.
    const storage::PageOf<domain::AuditEvent> page = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const domain::Client client = app::require_client(work, o.client);
        auto events = work.audit().for_client(client.id, {0, o.limit});
        work.audit().append(operator_event(now, domain::AuditAction::read, "access_log", "cli: audit show", client.id));
        return events;
    });
    if (page.items.empty()) {
        std::cout << "Access log of client " << o.client << ": no events\n";
        return;
    }
    std::cout << "Access log of client " << o.client << ": " << page.items.size() << " of " << page.total
              << (page.total == 1 ? " event" : " events") << ", newest first\n\n";
    Table t;
    t.row({"when (UTC)", "user", "role", "on behalf of", "action", "data", "resource", "result"});
    for (const domain::AuditEvent& e : page.items)
        t.row({e.at, e.username, e.user_role, e.on_behalf_of, std::string(domain::to_string(e.action)), e.data,
               e.resource, std::string(domain::to_string(e.result))});
    t.print(std::cout);
}

}  // namespace

void setup_audit(CLI::App& app, const GlobalOptions& global)
{
    auto o = std::make_shared<AuditOptions>();
    CLI::App* audit = app.add_subcommand("audit", "The NEN 7513 audit log: append-only and hash-chained");
    audit->require_subcommand(1);

    CLI::App* verify = audit->add_subcommand(
        "verify", "Recompute the hash chain of the whole log; exit 0 when intact, 1 when an event was altered, "
                  "removed or inserted");
    verify
        ->add_option("--expect-head", o->expect_head,
                     "A head hash printed by an earlier verify (kept elsewhere): it must still be in the log, "
                     "which detects removal of the newest events")
        ->check(
            [](const std::string& value) -> std::string {
                if (value.size() == 64 && value.find_first_not_of("0123456789abcdef") == std::string::npos) return "";
                return "\"" + value + "\" is not a head hash; expected 64 lower-case hexadecimal characters";
            },
            "HASH");
    verify->callback([&global, o] { run_verify(global, *o); });

    CLI::App* show =
        audit->add_subcommand("show", "Who accessed a client's record, newest first (the client's access log); "
                                      "the look itself is logged too");
    show->add_option("--client", o->client, "Client id")->required();
    show->add_option("--limit", o->limit, "At most this many events (1 to 10000)")
        ->check(CLI::Range(std::size_t{1}, std::size_t{10000}))
        ->capture_default_str();
    show->callback([&global, o] { run_show(global, *o); });
}

}  // namespace reable::cli
