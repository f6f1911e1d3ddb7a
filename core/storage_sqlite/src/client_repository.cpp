#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

using namespace domain;

namespace {

constexpr std::string_view k_client_columns =
    "SELECT id, birth_date, sex, area_id, household, household_size, dwelling, rooms_in_use, rooms_not_in_use, "
    "pets FROM client ";

Client read_client(const Statement& s)
{
    Client c;
    c.id = ClientId{s.integer(0)};
    c.birth_date = read_date(s, 1);
    c.sex = read_code<Sex>(s, 2, parse_sex, "sex");
    c.area = AreaId{s.integer(3)};
    c.household = read_code<Household>(s, 4, parse_household, "household");
    c.household_size = static_cast<int>(s.integer(5));
    c.dwelling = read_code<Dwelling>(s, 6, parse_dwelling, "dwelling");
    c.rooms_in_use = static_cast<int>(s.integer(7));
    c.rooms_not_in_use = static_cast<int>(s.integer(8));
    c.pets = static_cast<int>(s.integer(9));
    return c;
}

Melding read_melding(const Statement& s)
{
    std::optional<int> minutes;
    if (const auto m = s.optional_integer(6)) minutes = static_cast<int>(*m);
    return {MeldingId{s.integer(0)}, ClientId{s.integer(1)}, read_date(s, 2), read_optional_date(s, 3),
            read_optional_date(s, 4), read_optional_date(s, 5), minutes};
}

constexpr std::string_view k_melding_columns =
    "SELECT id, client_id, received_on, onderzoek_done_on, aanvraag_on, decided_on, hh_minutes_requested "
    "FROM melding ";

}  // namespace

ClientId SqliteClientRepository::add(const Client& c, const ClientIdentity& identity)
{
    StatementUse s(m_db.cached("INSERT INTO client (birth_date, sex, area_id, household, household_size, dwelling, "
                               "rooms_in_use, rooms_not_in_use, pets) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    bind_date(*s, 1, c.birth_date);
    s->bind(2, to_string(c.sex))
        .bind(3, c.area.value)
        .bind(4, to_string(c.household))
        .bind(5, c.household_size)
        .bind(6, to_string(c.dwelling))
        .bind(7, c.rooms_in_use)
        .bind(8, c.rooms_not_in_use)
        .bind(9, c.pets)
        .run();
    const ClientId id{m_db.last_insert_id()};

    StatementUse who(m_db.cached("INSERT INTO client_identity (client_id, bsn, name) VALUES (?, ?, ?)"));
    who->bind(1, id.value).bind(2, identity.bsn.digits()).bind(3, identity.name).run();

    StatementUse carer(m_db.cached(
        "INSERT INTO informal_carer (client_id, relationship, hours_per_week, lives_in) VALUES (?, ?, ?, ?)"));
    for (const InformalCarer& ic : c.carers)
        carer->bind(1, id.value).bind(2, ic.relationship).bind(3, ic.hours_per_week).bind(4, ic.lives_in ? 1 : 0).run();
    return id;
}

std::vector<InformalCarer> SqliteClientRepository::carers(ClientId id)
{
    Statement& s = m_db.cached(
        "SELECT relationship, hours_per_week, lives_in FROM informal_carer WHERE client_id = ? ORDER BY id");
    s.bind(1, id.value);
    return all_rows(s, [](const Statement& r) {
        return InformalCarer{r.text(0), static_cast<int>(r.integer(1)), r.integer(2) != 0};
    });
}

std::optional<Client> SqliteClientRepository::find(ClientId id)
{
    if (const auto cached = m_clients.find(id.value); cached != m_clients.end()) return cached->second;
    Statement& s = m_db.cached(std::string(k_client_columns) + "WHERE id = ?");
    s.bind(1, id.value);
    std::optional<Client> c = first_row(s, read_client);
    if (!c) return c;
    c->carers = carers(id);
    return m_clients.emplace(id.value, std::move(*c)).first->second;
}

std::optional<ClientIdentity> SqliteClientRepository::identity(ClientId id)
{
    Statement& s = m_db.cached("SELECT bsn, name FROM client_identity WHERE client_id = ?");
    s.bind(1, id.value);
    return first_row(s, [](const Statement& r) { return ClientIdentity{Bsn::parse(r.text(0)), r.text(1)}; });
}

std::optional<ClientId> SqliteClientRepository::find_by_bsn(const Bsn& bsn)
{
    Statement& s = m_db.cached("SELECT client_id FROM client_identity WHERE bsn = ?");
    s.bind(1, bsn.digits());
    return first_row(s, [](const Statement& r) { return ClientId{r.integer(0)}; });
}

std::vector<Client> SqliteClientRepository::list(std::optional<AreaId> area)
{
    Statement& s = m_db.cached(std::string(k_client_columns) + "WHERE ?1 IS NULL OR area_id = ?1 ORDER BY id");
    s.bind(1, area ? std::optional<std::int64_t>(area->value) : std::nullopt);
    std::vector<Client> out = all_rows(s, read_client);
    for (Client& c : out) c.carers = carers(c.id);
    return out;
}

namespace {

/// The filters of a ClientQuery as one WHERE clause with numbered parameters ?1..?3, so the list
/// and its count share it.
constexpr std::string_view k_client_filter =
    "FROM client c JOIN area a ON a.id = c.area_id "
    "WHERE (?1 IS NULL OR c.area_id = ?1) AND (?2 IS NULL OR a.municipality_id = ?2) "
    "AND (?3 IS NULL OR EXISTS (SELECT 1 FROM trajectory t JOIN trajectory_member tm ON tm.trajectory_id = t.id "
    "JOIN member m ON m.id = tm.member_id WHERE t.client_id = c.id AND m.team_id = ?3)) ";

void bind_client_filter(Statement& s, const storage::ClientQuery& q)
{
    s.bind(1, optional_id(q.area)).bind(2, optional_id(q.municipality)).bind(3, optional_id(q.team));
}

}  // namespace

storage::PageOf<Client> SqliteClientRepository::page(const storage::ClientQuery& q)
{
    storage::PageOf<Client> out;
    Statement& s = m_db.cached(
        "SELECT c.id, c.birth_date, c.sex, c.area_id, c.household, c.household_size, c.dwelling, c.rooms_in_use, "
        "c.rooms_not_in_use, c.pets " +
        std::string(k_client_filter) + "ORDER BY c.id LIMIT ?4 OFFSET ?5");
    bind_client_filter(s, q);
    s.bind(4, static_cast<std::int64_t>(q.page.limit)).bind(5, static_cast<std::int64_t>(q.page.offset));
    out.items = all_rows(s, read_client);
    for (Client& c : out.items) c.carers = carers(c.id);

    Statement& count = m_db.cached("SELECT count(*) " + std::string(k_client_filter));
    bind_client_filter(count, q);
    StatementUse use(count);
    count.step();
    out.total = static_cast<std::size_t>(count.integer(0));
    return out;
}

namespace {

/// The meldingen a MeldingQuery admits: the client's municipality (?1) and team (?2) as in the
/// client list; `open_only` is written into the text (not bound) so that the planner can use the
/// partial index of open meldingen. Their order is the column `deadline_order` (migration 0007:
/// the due date of the first legal deadline not yet met), which an index gives without a sort.
std::string melding_filter(bool open_only)
{
    return "FROM melding m JOIN client c ON c.id = m.client_id JOIN area a ON a.id = c.area_id "
           "WHERE (?1 IS NULL OR a.municipality_id = ?1) "
           "AND (?2 IS NULL OR EXISTS (SELECT 1 FROM trajectory t JOIN trajectory_member tm ON tm.trajectory_id = t.id "
           "JOIN member mb ON mb.id = tm.member_id WHERE t.client_id = c.id AND mb.team_id = ?2)) " +
           std::string(open_only ? "AND m.decided_on IS NULL " : "");
}

}  // namespace

storage::PageOf<Melding> SqliteClientRepository::melding_page(const storage::MeldingQuery& q)
{
    storage::PageOf<Melding> out;
    Statement& s = m_db.cached("SELECT m.id, m.client_id, m.received_on, m.onderzoek_done_on, m.aanvraag_on, "
                               "m.decided_on, m.hh_minutes_requested " +
                               melding_filter(q.open_only) + "ORDER BY m.deadline_order, m.id LIMIT ?3 OFFSET ?4");
    s.bind(1, optional_id(q.municipality)).bind(2, optional_id(q.team));
    s.bind(3, static_cast<std::int64_t>(q.page.limit)).bind(4, static_cast<std::int64_t>(q.page.offset));
    out.items = all_rows(s, read_melding);

    Statement& count = m_db.cached("SELECT count(*) " + melding_filter(q.open_only));
    count.bind(1, optional_id(q.municipality)).bind(2, optional_id(q.team));
    StatementUse use(count);
    count.step();
    out.total = static_cast<std::size_t>(count.integer(0));
    return out;
}

std::optional<storage::ClientScope> SqliteClientRepository::scope(ClientId id)
{
    Statement& s = m_db.cached("SELECT a.municipality_id FROM client c JOIN area a ON a.id = c.area_id WHERE c.id = ?");
    s.bind(1, id.value);
    const std::optional<std::int64_t> municipality = first_row(s, [](const Statement& r) { return r.integer(0); });
    if (!municipality) return std::nullopt;
    storage::ClientScope out{MunicipalityId{*municipality}, {}};
    Statement& teams = m_db.cached(
        "SELECT DISTINCT m.team_id FROM trajectory t JOIN trajectory_member tm ON tm.trajectory_id = t.id "
        "JOIN member m ON m.id = tm.member_id WHERE t.client_id = ? ORDER BY m.team_id");
    teams.bind(1, id.value);
    out.teams = all_rows(teams, [](const Statement& r) { return TeamId{r.integer(0)}; });
    return out;
}

std::size_t SqliteClientRepository::count()
{
    return static_cast<std::size_t>(m_db.query_integer("SELECT count(*) FROM client").value_or(0));
}

MeldingId SqliteClientRepository::add_melding(const Melding& m)
{
    StatementUse s(m_db.cached("INSERT INTO melding (client_id, received_on, onderzoek_done_on, aanvraag_on, "
                               "decided_on, hh_minutes_requested) VALUES (?, ?, ?, ?, ?, ?)"));
    s->bind(1, m.client.value);
    bind_date(*s, 2, m.received_on);
    bind_date(*s, 3, m.onderzoek_done_on);
    bind_date(*s, 4, m.aanvraag_on);
    bind_date(*s, 5, m.decided_on);
    s->bind(6, m.hh_minutes_requested).run();
    return MeldingId{m_db.last_insert_id()};
}

std::optional<Melding> SqliteClientRepository::melding(MeldingId id)
{
    Statement& s = m_db.cached(std::string(k_melding_columns) + "WHERE id = ?");
    s.bind(1, id.value);
    return first_row(s, read_melding);
}

void SqliteClientRepository::update_melding(const Melding& m)
{
    StatementUse s(
        m_db.cached("UPDATE melding SET onderzoek_done_on = ?, aanvraag_on = ?, decided_on = ?, "
                    "hh_minutes_requested = ? WHERE id = ?"));
    bind_date(*s, 1, m.onderzoek_done_on);
    bind_date(*s, 2, m.aanvraag_on);
    bind_date(*s, 3, m.decided_on);
    s->bind(4, m.hh_minutes_requested).bind(5, m.id.value).run();
}

std::vector<Melding> SqliteClientRepository::meldingen(std::optional<ClientId> client)
{
    Statement& s =
        m_db.cached(std::string(k_melding_columns) + "WHERE ?1 IS NULL OR client_id = ?1 ORDER BY received_on, id");
    s.bind(1, client ? std::optional<std::int64_t>(client->value) : std::nullopt);
    return all_rows(s, read_melding);
}

}  // namespace reable::storage_sqlite
