#include "reable/schedule/examples.hpp"

#include "reable/schedule/schedule.hpp"

#include <algorithm>

namespace reable::schedule {
namespace {

/// Reports every expectation of one example that does not hold.
class ExampleCheck {
public:
    ExampleCheck(const protocol::TrajectoryTemplate& trajectory, const protocol::TrajectoryExample& example,
                 std::vector<protocol::Issue>& issues)
        : m_trajectory(trajectory), m_example(example), m_issues(issues)
    {}

    void run()
    {
        for (const protocol::ExpectedOccasionDates& expected : m_example.occasions) check_dates(expected);
        if (!m_example.planned_sessions.empty()) check_sessions();
        for (const protocol::ExpectedStatus& expected : m_example.statuses) check_status(expected);
    }

private:
    /// The pointer names what is compared, so the message only says the two values, as the
    /// instruments' examples do: "example "…": expected 2026-02-26, got 2026-02-25".
    template <class T>
    void expect(const std::string& pointer, const T& expected, const T& actual)
    {
        if (expected == actual) return;
        m_issues.push_back(
            {m_trajectory.file, pointer,
             "example \"" + m_example.name + "\": expected " + shown(expected) + ", got " + shown(actual)});
    }

    static std::string shown(calendar::Date day) { return calendar::format_iso_date(day); }
    static std::string shown(OccasionStatus status) { return std::string(to_string(status)); }
    static std::string shown(bool b) { return b ? "true" : "false"; }
    static std::string shown(int n) { return std::to_string(n); }
    static std::string shown(const std::optional<int>& n) { return n ? std::to_string(*n) : "none"; }

    PlannedOccasion planned(const std::string& occasion_id) const
    {
        return plan_occasion(m_trajectory, *m_trajectory.find_occasion(occasion_id), m_example.start);
    }

    void check_dates(const protocol::ExpectedOccasionDates& expected)
    {
        const PlannedOccasion actual = planned(expected.occasion);
        if (expected.target) expect(expected.pointer + "/target", *expected.target, actual.target);
        if (expected.earliest) expect(expected.pointer + "/earliest", *expected.earliest, actual.earliest);
        if (expected.latest) expect(expected.pointer + "/latest", *expected.latest, actual.latest);
    }

    void check_sessions()
    {
        const std::vector<PlannedSession> sessions = plan_sessions(m_trajectory, m_example.start);
        for (const protocol::ExpectedSessionCount& expected : m_example.planned_sessions) {
            const auto count = std::count_if(sessions.begin(), sessions.end(), [&](const PlannedSession& s) {
                return s.discipline == expected.discipline;
            });
            expect(expected.pointer, expected.planned, static_cast<int>(count));
        }
    }

    void check_status(const protocol::ExpectedStatus& expected)
    {
        const OccasionState actual = occasion_state(planned(expected.occasion), expected.done_on, expected.today,
                                                    m_trajectory.grace_days.value, expected.closed_on);
        expect(expected.pointer + "/expect", expected.status, actual.status);
        if (expected.deviation_days)
            expect(expected.pointer + "/deviation_days", expected.deviation_days, actual.deviation_days);
        if (expected.within_window)
            expect(expected.pointer + "/within_window", *expected.within_window, actual.within_window);
    }

    const protocol::TrajectoryTemplate& m_trajectory;
    const protocol::TrajectoryExample& m_example;
    std::vector<protocol::Issue>& m_issues;
};

}  // namespace

std::vector<protocol::Issue> verify_examples(const protocol::TrajectoryTemplate& trajectory)
{
    std::vector<protocol::Issue> issues;
    for (const protocol::TrajectoryExample& example : trajectory.examples)
        ExampleCheck(trajectory, example, issues).run();
    return issues;
}

}  // namespace reable::schedule
