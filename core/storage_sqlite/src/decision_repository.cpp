#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

using namespace domain;

namespace {

constexpr std::string_view k_findings_columns =
    "SELECT id, client_id, recorded_on, concerns_household_help, terminal, bedbound, cognitive_screen, dementia, "
    "serious_psychiatric, needs_institutional_care, cannot_communicate, decline_since, decline_recoverable, "
    "household_goal, acute_need, reablement_wait_days, does_light_tasks, does_medium_tasks, limitation, "
    "small_dwelling, network_covers_all, dropout_medical FROM onderzoek ";

std::optional<int> read_optional_int(const Statement& s, int column)
{
    if (const std::optional<std::int64_t> v = s.optional_integer(column)) return static_cast<int>(*v);
    return std::nullopt;
}

OnderzoekFindings read_findings(const Statement& s)
{
    OnderzoekFindings f;
    f.id = OnderzoekId{s.integer(0)};
    f.client = ClientId{s.integer(1)};
    f.recorded_on = read_date(s, 2);
    f.concerns_household_help = s.integer(3) != 0;
    f.terminal = s.integer(4) != 0;
    f.bedbound = s.integer(5) != 0;
    f.cognitive_screen = read_optional_int(s, 6);
    f.dementia = read_code<Dementia>(s, 7, parse_dementia, "dementia");
    f.serious_psychiatric = s.integer(8) != 0;
    f.needs_institutional_care = s.integer(9) != 0;
    f.cannot_communicate = s.integer(10) != 0;
    f.decline_since = read_optional_date(s, 11);
    f.decline_recoverable = s.integer(12) != 0;
    f.household_goal = s.integer(13) != 0;
    f.acute_need = s.integer(14) != 0;
    f.reablement_wait_days = read_optional_int(s, 15);
    f.does_light_tasks = s.integer(16) != 0;
    f.does_medium_tasks = s.integer(17) != 0;
    f.limitation = read_code<Limitation>(s, 18, parse_limitation, "limitation");
    f.small_dwelling = s.integer(19) != 0;
    f.network_covers_all = s.integer(20) != 0;
    f.dropout_medical = s.integer(21) != 0;
    return f;
}

constexpr std::string_view k_decision_columns =
    "SELECT id, client_id, melding_id, trajectory_id, kind, decided_on, policy_id, policy_version, norm_id, "
    "norm_version, choice, computed_outcome, computed_minutes_per_week, band, needs_motivation, outcome, "
    "minutes_per_week, motivation, starts_on, ends_on, review_on, inputs_json, result_json FROM decision ";

RecordedDecision read_decision(const Statement& s)
{
    RecordedDecision d;
    d.id = DecisionId{s.integer(0)};
    d.client = ClientId{s.integer(1)};
    if (const auto m = s.optional_integer(2)) d.melding = MeldingId{*m};
    if (const auto t = s.optional_integer(3)) d.trajectory = TrajectoryId{*t};
    d.kind = read_code<DecisionKind>(s, 4, parse_decision_kind, "decision kind");
    d.decided_on = read_date(s, 5);
    d.policy_id = s.text(6);
    d.policy_version = s.text(7);
    d.norm_id = s.text(8);
    d.norm_version = s.text(9);
    d.choice = read_code<Choice>(s, 10, parse_choice, "choice");
    d.computed_outcome = read_code<Outcome>(s, 11, parse_outcome, "outcome");
    d.computed_minutes = s.optional_text(12);
    d.band = s.text(13);
    d.needs_motivation = s.integer(14) != 0;
    d.outcome = read_code<Outcome>(s, 15, parse_outcome, "outcome");
    d.minutes_per_week = s.optional_text(16);
    d.motivation = s.text(17);
    d.starts_on = read_optional_date(s, 18);
    d.ends_on = read_optional_date(s, 19);
    d.review_on = read_optional_date(s, 20);
    d.inputs_json = s.text(21);
    d.result_json = s.text(22);
    return d;
}

}  // namespace

OnderzoekId SqliteDecisionRepository::add_findings(const OnderzoekFindings& f)
{
    StatementUse s(m_db.cached(
        "INSERT INTO onderzoek (client_id, recorded_on, concerns_household_help, terminal, bedbound, "
        "cognitive_screen, dementia, serious_psychiatric, needs_institutional_care, cannot_communicate, "
        "decline_since, decline_recoverable, household_goal, acute_need, reablement_wait_days, does_light_tasks, "
        "does_medium_tasks, limitation, small_dwelling, network_covers_all, dropout_medical) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bind(1, f.client.value);
    bind_date(*s, 2, f.recorded_on);
    s->bind(3, f.concerns_household_help ? 1 : 0)
        .bind(4, f.terminal ? 1 : 0)
        .bind(5, f.bedbound ? 1 : 0)
        .bind(6, f.cognitive_screen)
        .bind(7, to_string(f.dementia))
        .bind(8, f.serious_psychiatric ? 1 : 0)
        .bind(9, f.needs_institutional_care ? 1 : 0)
        .bind(10, f.cannot_communicate ? 1 : 0);
    bind_date(*s, 11, f.decline_since);
    s->bind(12, f.decline_recoverable ? 1 : 0)
        .bind(13, f.household_goal ? 1 : 0)
        .bind(14, f.acute_need ? 1 : 0)
        .bind(15, f.reablement_wait_days)
        .bind(16, f.does_light_tasks ? 1 : 0)
        .bind(17, f.does_medium_tasks ? 1 : 0)
        .bind(18, to_string(f.limitation))
        .bind(19, f.small_dwelling ? 1 : 0)
        .bind(20, f.network_covers_all ? 1 : 0)
        .bind(21, f.dropout_medical ? 1 : 0)
        .run();
    return OnderzoekId{m_db.last_insert_id()};
}

std::optional<OnderzoekFindings> SqliteDecisionRepository::latest_findings(ClientId client)
{
    Statement& s =
        m_db.cached(std::string(k_findings_columns) + "WHERE client_id = ? ORDER BY recorded_on DESC, id DESC LIMIT 1");
    s.bind(1, client.value);
    return first_row(s, read_findings);
}

std::vector<OnderzoekFindings> SqliteDecisionRepository::findings(ClientId client)
{
    Statement& s = m_db.cached(std::string(k_findings_columns) + "WHERE client_id = ? ORDER BY recorded_on, id");
    s.bind(1, client.value);
    return all_rows(s, read_findings);
}

DecisionId SqliteDecisionRepository::add(const RecordedDecision& d)
{
    StatementUse s(m_db.cached(
        "INSERT INTO decision (client_id, melding_id, trajectory_id, kind, decided_on, policy_id, policy_version, "
        "norm_id, norm_version, choice, computed_outcome, computed_minutes_per_week, band, needs_motivation, "
        "outcome, minutes_per_week, motivation, starts_on, ends_on, review_on, inputs_json, result_json) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    s->bind(1, d.client.value)
        .bind(2, d.melding ? std::optional<std::int64_t>(d.melding->value) : std::nullopt)
        .bind(3, d.trajectory ? std::optional<std::int64_t>(d.trajectory->value) : std::nullopt)
        .bind(4, to_string(d.kind));
    bind_date(*s, 5, d.decided_on);
    s->bind(6, d.policy_id)
        .bind(7, d.policy_version)
        .bind(8, d.norm_id)
        .bind(9, d.norm_version)
        .bind(10, to_string(d.choice))
        .bind(11, to_string(d.computed_outcome))
        .bind(12, d.computed_minutes)
        .bind(13, d.band)
        .bind(14, d.needs_motivation ? 1 : 0)
        .bind(15, to_string(d.outcome))
        .bind(16, d.minutes_per_week)
        .bind(17, d.motivation);
    bind_date(*s, 18, d.starts_on);
    bind_date(*s, 19, d.ends_on);
    bind_date(*s, 20, d.review_on);
    s->bind(21, d.inputs_json).bind(22, d.result_json).run();
    return DecisionId{m_db.last_insert_id()};
}

std::optional<RecordedDecision> SqliteDecisionRepository::find(DecisionId id)
{
    Statement& s = m_db.cached(std::string(k_decision_columns) + "WHERE id = ?");
    s.bind(1, id.value);
    return first_row(s, read_decision);
}

std::vector<RecordedDecision> SqliteDecisionRepository::for_client(ClientId client)
{
    Statement& s = m_db.cached(std::string(k_decision_columns) + "WHERE client_id = ? ORDER BY decided_on, id");
    s.bind(1, client.value);
    return all_rows(s, read_decision);
}

std::size_t SqliteDecisionRepository::count()
{
    return static_cast<std::size_t>(m_db.query_integer("SELECT count(*) FROM decision").value_or(0));
}

}  // namespace reable::storage_sqlite
