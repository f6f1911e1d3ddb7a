#include "run_cli.hpp"

#include <Poco/JSON/Parser.h>

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <stdexcept>

extern char** environ;

namespace reable::testing {
namespace {

void read_available(int fd, std::string& into, bool& open)
{
    std::array<char, 4096> buffer{};
    const ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n <= 0)
        open = false;
    else
        into.append(buffer.data(), static_cast<std::size_t>(n));
}

}  // namespace

CliResult run_cli(const std::vector<std::string>& arguments, const std::string& input,
                  const std::vector<std::string>& environment)
{
    int in_pipe[2], out_pipe[2], err_pipe[2];
    if (::pipe(in_pipe) != 0 || ::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in_pipe[0], 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
    for (int fd : {in_pipe[0], in_pipe[1], out_pipe[0], out_pipe[1], err_pipe[0], err_pipe[1]})
        posix_spawn_file_actions_addclose(&actions, fd);

    std::vector<std::string> argv_storage{REABLE_CLI_PATH};
    argv_storage.insert(argv_storage.end(), arguments.begin(), arguments.end());
    std::vector<char*> argv;
    for (std::string& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<std::string> env_storage;
    for (char** e = environ; *e != nullptr; ++e)
        if (std::string(*e).rfind("REABLE_", 0) != 0) env_storage.emplace_back(*e);
    env_storage.insert(env_storage.end(), environment.begin(), environment.end());
    std::vector<char*> envp;
    for (std::string& e : env_storage) envp.push_back(e.data());
    envp.push_back(nullptr);

    pid_t pid = 0;
    const int spawned = posix_spawn(&pid, REABLE_CLI_PATH, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(in_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (spawned != 0) throw std::runtime_error("cannot start " REABLE_CLI_PATH);

    // Write the input, then read both outputs until the program closes them.
    std::size_t written = 0;
    while (written < input.size()) {
        const ssize_t n = ::write(in_pipe[1], input.data() + written, input.size() - written);
        if (n <= 0) break;
        written += static_cast<std::size_t>(n);
    }
    ::close(in_pipe[1]);

    CliResult result;
    bool out_open = true, err_open = true;
    while (out_open || err_open) {
        std::array<pollfd, 2> fds{{{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}}};
        if (::poll(fds.data(), fds.size(), 10'000) <= 0) break;
        if (out_open && (fds[0].revents & (POLLIN | POLLHUP))) read_available(out_pipe[0], result.out, out_open);
        if (err_open && (fds[1].revents & (POLLIN | POLLHUP))) read_available(err_pipe[0], result.err, err_open);
    }
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

Poco::JSON::Object::Ptr parse_json(const std::string& text)
{
    Poco::JSON::Parser parser;
    return parser.parse(text).extract<Poco::JSON::Object::Ptr>();
}

}  // namespace reable::testing
