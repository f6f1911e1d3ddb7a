#include "commands/user.hpp"

#include "local_operator.hpp"
#include "reable/app/user_service.hpp"
#include "reable/error.hpp"
#include "text_table.hpp"

#include <CLI/CLI.hpp>

#include <termios.h>
#include <unistd.h>

#include <iostream>

namespace reable::cli {
namespace {

struct UserOptions {
    app::UserInput input;  ///< username, name, role, member, municipality; the password from stdin
};

/// Turns off echo on the terminal for as long as it lives.
class NoEcho {
public:
    NoEcho()
    {
        if (::tcgetattr(STDIN_FILENO, &m_saved) != 0) return;
        termios quiet = m_saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho()
    {
        if (m_active) ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

std::string read_line(const char* prompt, bool terminal)
{
    std::string line;
    if (terminal) {
        std::cerr << prompt << std::flush;
        const NoEcho quiet;
        std::getline(std::cin, line);
        std::cerr << '\n';
    }
    else if (!std::getline(std::cin, line)) {
        throw Error(ErrorCode::invalid_input, "password: standard input is empty; give the password on one line, e.g. "
                                              "`printf '%s\\n' \"$PASSWORD\" | reable user …`");
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

/// The password: one line of standard input without its line ending. On a terminal it is asked
/// for without echo, twice, and both entries must agree.
std::string read_new_password()
{
    const bool terminal = ::isatty(STDIN_FILENO) == 1;
    std::string password = read_line("Password: ", terminal);
    if (terminal && read_line("Repeat password: ", terminal) != password)
        throw Error(ErrorCode::invalid_input, "password: the two entries differ; nothing was changed");
    return password;
}

std::string tokens_revoked(int n) { return n == 1 ? "1 token revoked" : std::to_string(n) + " tokens revoked"; }

void run_add(const GlobalOptions& global, UserOptions o)
{
    o.input.password = read_new_password();
    const Instant now = std::chrono::system_clock::now();
    const domain::UserId id = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const domain::UserId added = app::add_user(work, now, o.input);
        work.audit().append(
            operator_event(now, domain::AuditAction::admin, "user", "cli: user add " + o.input.username));
        return added;
    });
    std::cout << "user " << id << " " << o.input.username << " added\n";
}

void run_passwd(const GlobalOptions& global, const UserOptions& o)
{
    const std::string password = read_new_password();
    const Instant now = std::chrono::system_clock::now();
    const int revoked = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const int n = app::change_password(work, now, o.input.username, password);
        work.audit().append(
            operator_event(now, domain::AuditAction::admin, "user", "cli: user passwd " + o.input.username));
        return n;
    });
    std::cout << "password of " << o.input.username << " changed; " << tokens_revoked(revoked) << '\n';
}

void run_disable(const GlobalOptions& global, const UserOptions& o)
{
    const Instant now = std::chrono::system_clock::now();
    const int revoked = in_write_transaction(global, [&](storage::UnitOfWork& work) {
        const int n = app::disable_user(work, now, o.input.username);
        work.audit().append(
            operator_event(now, domain::AuditAction::admin, "user", "cli: user disable " + o.input.username));
        return n;
    });
    std::cout << "user " << o.input.username << " disabled; " << tokens_revoked(revoked) << '\n';
}

void run_list(const GlobalOptions& global)
{
    in_read_transaction(global, [](storage::UnitOfWork& work) {
        const std::vector<domain::User> users = work.users().list();
        if (users.empty()) {
            std::cout << "no users; add one with `reable user add`\n";
            return;
        }
        Table t;
        t.row({"username", "name", "role", "scope", "active"});
        for (const domain::User& u : users)
            t.row({u.username, u.display_name, std::string(domain::to_string(u.role)), user_scope(work, u),
                   u.active ? "yes" : "no"});
        t.print(std::cout, "");
    });
}

}  // namespace

std::string user_scope(storage::UnitOfWork& work, const domain::User& user)
{
    if (user.member) {
        const std::optional<domain::Member> m = work.organisation().member(*user.member);
        if (!m) return "member " + std::to_string(user.member->value) + " (missing)";
        const std::optional<domain::Team> team = work.organisation().team(m->team);
        return std::string(domain::to_string(m->discipline)) + ", team " + std::to_string(m->team.value) +
               (team ? " (" + team->name + ")" : "");
    }
    if (user.municipality) {
        for (const domain::Municipality& m : work.organisation().municipalities())
            if (m.id == *user.municipality) return m.code;
        return "municipality " + std::to_string(user.municipality->value) + " (missing)";
    }
    return "-";
}

void setup_user(CLI::App& app, const GlobalOptions& global)
{
    auto o = std::make_shared<UserOptions>();
    CLI::App* user = app.add_subcommand("user", "People who sign in to the web service, and their roles");
    user->require_subcommand(1);
    user->footer("Passwords are read from standard input (one line; the line ending is dropped), never from an "
                 "argument:\n  printf '%s\\n' \"$PASSWORD\" | reable user add fenna --name \"Fenna Bakker\" "
                 "--role team_member --member 2\nOn a terminal the password is asked for twice, without echo. "
                 "Every change is written to the audit log as done by the operating-system account (os:NAME).");

    CLI::App* add =
        user->add_subcommand("add", "Add a user; the password (at least 10 characters) is read from standard input");
    add->add_option("username", o->input.username,
                    "Sign-in name: 2 to 64 of a-z, 0-9, '.', '_', '-', starting "
                    "with a letter")
        ->required();
    add->add_option("--name", o->input.display_name, "Display name, e.g. \"Fenna Bakker\"")->required();
    add->add_option("--role", o->input.role,
                    "team_member (sees the clients their team serves), access_assessor (the clients of one "
                    "municipality), evaluator (pseudonymised exports only) or administrator (users and teams, no "
                    "client data)")
        ->required();
    add->add_option("--member", o->input.member,
                    "team_member only: the id of their team member record (see `reable team show TEAM`)");
    add->add_option("--municipality", o->input.municipality,
                    "access_assessor only: the CBS code of their municipality, e.g. GM0014");
    add->callback([&global, o] { run_add(global, *o); });

    CLI::App* passwd = user->add_subcommand(
        "passwd", "Set a new password (read from standard input) and revoke the user's sign-in tokens");
    passwd->add_option("username", o->input.username, "The user's sign-in name")->required();
    passwd->callback([&global, o] { run_passwd(global, *o); });

    CLI::App* disable = user->add_subcommand(
        "disable", "Disable a user and revoke their sign-in tokens; the user and their audit trail stay");
    disable->add_option("username", o->input.username, "The user's sign-in name")->required();
    disable->callback([&global, o] { run_disable(global, *o); });

    user->add_subcommand("list", "List the users with their role and scope (never a password hash)")
        ->callback([&global] { run_list(global); });
}

}  // namespace reable::cli
