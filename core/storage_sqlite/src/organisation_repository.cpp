#include "row_codec.hpp"
#include "sqlite_repositories.hpp"

namespace reable::storage_sqlite {

using namespace domain;

namespace {

Municipality read_municipality(const Statement& s)
{
    return {MunicipalityId{s.integer(0)}, s.text(1), s.text(2)};
}

Area read_area(const Statement& s) { return {AreaId{s.integer(0)}, MunicipalityId{s.integer(1)}, s.text(2)}; }

Team read_team(const Statement& s) { return {TeamId{s.integer(0)}, MunicipalityId{s.integer(1)}, s.text(2)}; }

Member read_member(const Statement& s)
{
    return {MemberId{s.integer(0)}, TeamId{s.integer(1)}, s.text(2),
            read_code<Discipline>(s, 3, parse_discipline, "discipline"), s.integer(4) != 0};
}

}  // namespace

MunicipalityId SqliteOrganisationRepository::add_municipality(const Municipality& m)
{
    StatementUse s(m_db.cached("INSERT INTO municipality (code, name) VALUES (?, ?)"));
    s->bind(1, m.code).bind(2, m.name).run();
    return MunicipalityId{m_db.last_insert_id()};
}

std::optional<Municipality> SqliteOrganisationRepository::municipality_by_code(std::string_view code)
{
    Statement& s = m_db.cached("SELECT id, code, name FROM municipality WHERE code = ?");
    s.bind(1, code);
    return first_row(s, read_municipality);
}

std::vector<Municipality> SqliteOrganisationRepository::municipalities()
{
    return all_rows(m_db.cached("SELECT id, code, name FROM municipality ORDER BY code"), read_municipality);
}

AreaId SqliteOrganisationRepository::add_area(const Area& a)
{
    StatementUse s(m_db.cached("INSERT INTO area (municipality_id, name) VALUES (?, ?)"));
    s->bind(1, a.municipality.value).bind(2, a.name).run();
    return AreaId{m_db.last_insert_id()};
}

std::optional<Area> SqliteOrganisationRepository::area(AreaId id)
{
    Statement& s = m_db.cached("SELECT id, municipality_id, name FROM area WHERE id = ?");
    s.bind(1, id.value);
    return first_row(s, read_area);
}

std::optional<Area> SqliteOrganisationRepository::area_by_name(MunicipalityId m, std::string_view name)
{
    Statement& s = m_db.cached("SELECT id, municipality_id, name FROM area WHERE municipality_id = ? AND name = ?");
    s.bind(1, m.value).bind(2, name);
    return first_row(s, read_area);
}

std::vector<Area> SqliteOrganisationRepository::areas(MunicipalityId m)
{
    Statement& s = m_db.cached("SELECT id, municipality_id, name FROM area WHERE municipality_id = ? ORDER BY name");
    s.bind(1, m.value);
    return all_rows(s, read_area);
}

TeamId SqliteOrganisationRepository::add_team(const Team& t)
{
    StatementUse s(m_db.cached("INSERT INTO team (municipality_id, name) VALUES (?, ?)"));
    s->bind(1, t.municipality.value).bind(2, t.name).run();
    return TeamId{m_db.last_insert_id()};
}

std::optional<Team> SqliteOrganisationRepository::team(TeamId id)
{
    Statement& s = m_db.cached("SELECT id, municipality_id, name FROM team WHERE id = ?");
    s.bind(1, id.value);
    return first_row(s, read_team);
}

std::optional<Team> SqliteOrganisationRepository::team_by_name(MunicipalityId m, std::string_view name)
{
    Statement& s = m_db.cached("SELECT id, municipality_id, name FROM team WHERE municipality_id = ? AND name = ?");
    s.bind(1, m.value).bind(2, name);
    return first_row(s, read_team);
}

std::vector<Team> SqliteOrganisationRepository::teams()
{
    return all_rows(m_db.cached("SELECT id, municipality_id, name FROM team ORDER BY id"), read_team);
}

MemberId SqliteOrganisationRepository::add_member(const Member& m)
{
    StatementUse s(m_db.cached("INSERT INTO member (team_id, name, discipline, active) VALUES (?, ?, ?, ?)"));
    s->bind(1, m.team.value).bind(2, m.name).bind(3, to_string(m.discipline)).bind(4, m.active ? 1 : 0).run();
    return MemberId{m_db.last_insert_id()};
}

std::optional<Member> SqliteOrganisationRepository::member(MemberId id)
{
    if (const auto cached = m_members.find(id.value); cached != m_members.end()) return cached->second;
    Statement& s = m_db.cached("SELECT id, team_id, name, discipline, active FROM member WHERE id = ?");
    s.bind(1, id.value);
    std::optional<Member> found = first_row(s, read_member);
    if (found) m_members.emplace(id.value, *found);
    return found;
}

std::vector<Member> SqliteOrganisationRepository::members(std::optional<TeamId> team)
{
    Statement& s = m_db.cached(
        "SELECT id, team_id, name, discipline, active FROM member WHERE ?1 IS NULL OR team_id = ?1 ORDER BY id");
    s.bind(1, team ? std::optional<std::int64_t>(team->value) : std::nullopt);
    return all_rows(s, read_member);
}

void SqliteOrganisationRepository::set_member_active(MemberId id, bool active)
{
    m_members.erase(id.value);
    StatementUse s(m_db.cached("UPDATE member SET active = ? WHERE id = ?"));
    s->bind(1, active ? 1 : 0).bind(2, id.value).run();
}

}  // namespace reable::storage_sqlite
