#include "reable/app/organisation_service.hpp"

#include "reable/app/input_check.hpp"

#include <regex>

namespace reable::app {

using namespace domain;

namespace {

std::string known_codes(storage::UnitOfWork& work)
{
    std::string out;
    for (const Municipality& m : work.organisation().municipalities()) out += (out.empty() ? "" : ", ") + m.code;
    return out.empty() ? "none registered yet (reable municipality add)" : out;
}

}  // namespace

MunicipalityId register_municipality(storage::UnitOfWork& work, const std::string& code, const std::string& name,
                                     const std::vector<std::string>& areas)
{
    InputCheck check("the municipality");
    if (!std::regex_match(code, std::regex("GM[0-9]{4}")))
        check.fail("code", InputCheck::quoted(code) + " is not a CBS municipality code; expected GM and four digits, "
                                                      "e.g. GM0014");
    check.required("name", name);
    for (const std::string& area : areas)
        if (area.empty()) check.fail("area", "an area name cannot be empty");
    check.throw_if_any();

    auto& org = work.organisation();
    std::optional<Municipality> existing = org.municipality_by_code(code);
    if (existing && existing->name != name)
        throw Error(ErrorCode::conflict, code + " is registered as " + existing->name + ", not " + name);
    const MunicipalityId id = existing ? existing->id : org.add_municipality({{}, code, name});
    for (const std::string& area : areas) {
        if (org.area_by_name(id, area)) throw Error(ErrorCode::conflict, name + " already has an area " + area);
        org.add_area({{}, id, area});
    }
    return id;
}

TeamId add_team(storage::UnitOfWork& work, const std::string& municipality_code, const std::string& name)
{
    InputCheck check("the team");
    check.required("name", name);
    const std::optional<Municipality> m = work.organisation().municipality_by_code(municipality_code);
    if (!m)
        check.fail("municipality", InputCheck::quoted(municipality_code) +
                                       " is not a registered municipality; known: " + known_codes(work));
    check.throw_if_any();
    if (work.organisation().team_by_name(m->id, name))
        throw Error(ErrorCode::conflict, m->name + " already has a team called " + name);
    return work.organisation().add_team({{}, m->id, name});
}

MemberId add_member(storage::UnitOfWork& work, std::int64_t team, const std::string& name,
                    const std::string& discipline)
{
    if (!work.organisation().team(TeamId{team}))
        throw Error(ErrorCode::not_found, "there is no team " + std::to_string(team));
    InputCheck check("the member");
    check.required("name", name);
    const std::optional<Discipline> d = check.code("discipline", discipline, parse_discipline, discipline_codes());
    check.throw_if_any();
    return work.organisation().add_member({{}, TeamId{team}, name, *d, true});
}

Member require_member(storage::UnitOfWork& work, std::int64_t member)
{
    if (std::optional<Member> m = work.organisation().member(MemberId{member})) return *m;
    throw Error(ErrorCode::not_found, "there is no member " + std::to_string(member));
}

}  // namespace reable::app
