#include "reable/app/client_service.hpp"

#include "reable/app/input_check.hpp"

#include <algorithm>

namespace reable::app {

using namespace domain;

namespace {

std::vector<InformalCarer> read_carers(InputCheck& check, const std::vector<std::string>& texts)
{
    std::vector<InformalCarer> carers;
    for (const std::string& text : texts) {
        const std::size_t first = text.find(':');
        const std::size_t second = first == std::string::npos ? first : text.find(':', first + 1);
        const std::string relationship = text.substr(0, first);
        const std::string hours =
            first == std::string::npos ? "" : text.substr(first + 1, second == std::string::npos ? second : second - first - 1);
        const std::string flag = second == std::string::npos ? "" : text.substr(second + 1);
        if (relationship.empty() || hours.empty() || !(flag.empty() || flag == "lives_in")) {
            check.fail("carer", InputCheck::quoted(text) +
                                    " is not a carer; use relationship:hours_per_week[:lives_in], e.g. daughter:6");
            continue;
        }
        const std::optional<int> h = check.integer("carer hours per week", hours, 0, 168);
        if (h) carers.push_back({relationship, *h, flag == "lives_in"});
    }
    return carers;
}

std::optional<AreaId> find_area(storage::UnitOfWork& work, InputCheck& check, const ClientInput& input)
{
    auto& org = work.organisation();
    const std::optional<Municipality> m = org.municipality_by_code(input.municipality);
    if (!m) {
        check.fail("municipality", InputCheck::quoted(input.municipality) + " is not a registered municipality");
        return std::nullopt;
    }
    if (const std::optional<Area> a = org.area_by_name(m->id, input.area)) return a->id;
    std::string known;
    for (const Area& a : org.areas(m->id)) known += (known.empty() ? "" : ", ") + a.name;
    check.fail("area", InputCheck::quoted(input.area) + " is not an area of " + m->name +
                           "; known: " + (known.empty() ? "none registered yet" : known));
    return std::nullopt;
}

}  // namespace

ClientId add_client(storage::UnitOfWork& work, const Clock& clock, const ClientInput& input)
{
    InputCheck check("the client");
    const calendar::Date today = clock.today();
    if (const std::optional<std::string> why = Bsn::problem(input.bsn)) check.fail("bsn", *why);
    check.required("name", input.name);

    Client c;
    if (const auto birth = check.date("birth_date", input.birth_date, today)) {
        const int age = calendar::age_at(*birth, today);
        if (age < 18 || age > 120)
            check.fail("birth_date", InputCheck::quoted(input.birth_date) + " gives an age of " + std::to_string(age) +
                                         "; allowed: 18 to 120");
        c.birth_date = *birth;
    }
    if (const auto sex = check.code("sex", input.sex, parse_sex, "female, male")) c.sex = *sex;
    if (const auto area = find_area(work, check, input)) c.area = *area;
    if (const auto h = check.code("household", input.household, parse_household,
                                  "single, couple, with_children, with_others"))
        c.household = *h;
    if (const auto size = check.integer("household_size", input.household_size, 1, 20)) {
        c.household_size = *size;
        if (c.household == Household::single && *size != 1)
            check.fail("household_size", std::to_string(*size) + " does not fit household single; allowed: 1");
        if (c.household != Household::single && *size < 2)
            check.fail("household_size", std::to_string(*size) + " does not fit household " +
                                             std::string(to_string(c.household)) + "; allowed: 2 to 20");
    }
    if (const auto d = check.code("dwelling", input.dwelling, parse_dwelling,
                                  "apartment, single_family_house, sheltered_housing, other"))
        c.dwelling = *d;
    if (const auto n = check.integer("rooms_in_use", input.rooms_in_use, 0, 50)) c.rooms_in_use = *n;
    if (const auto n = check.integer("rooms_not_in_use", input.rooms_not_in_use, 0, 50)) c.rooms_not_in_use = *n;
    if (const auto n = check.integer("pets", input.pets, 0, 50)) c.pets = *n;
    c.carers = read_carers(check, input.carers);
    check.throw_if_any();

    const Bsn bsn = Bsn::parse(input.bsn);
    if (const std::optional<ClientId> existing = work.clients().find_by_bsn(bsn))
        throw Error(ErrorCode::conflict,
                    "a client with this BSN is already registered (client " + std::to_string(existing->value) + ")");
    return work.clients().add(c, {bsn, input.name});
}

Client require_client(storage::UnitOfWork& work, std::int64_t client)
{
    if (std::optional<Client> c = work.clients().find(ClientId{client})) return *c;
    throw Error(ErrorCode::not_found, "there is no client " + std::to_string(client));
}

MeldingId add_melding(storage::UnitOfWork& work, const Clock& clock, std::int64_t client,
                      const std::string& received_on, const std::string& hh_minutes_requested)
{
    require_client(work, client);
    InputCheck check("the melding");
    const std::optional<calendar::Date> received = check.date("received_on", received_on, clock.today());
    std::optional<int> minutes;
    if (!hh_minutes_requested.empty())
        minutes = check.integer("hh_minutes_requested", hh_minutes_requested, 1, k_max_minutes_per_week);
    check.throw_if_any();
    return work.clients().add_melding({{}, ClientId{client}, *received, {}, {}, {}, minutes});
}

void update_melding(storage::UnitOfWork& work, const Clock& clock, std::int64_t melding,
                    const std::string& onderzoek_done_on, const std::string& aanvraag_on,
                    const std::string& decided_on, const std::string& hh_minutes_requested)
{
    std::optional<Melding> m = work.clients().melding(MeldingId{melding});
    if (!m) throw Error(ErrorCode::not_found, "there is no melding " + std::to_string(melding));
    InputCheck check("the melding");
    const calendar::Date today = clock.today();
    auto step = [&](const char* field, const std::string& text, std::optional<calendar::Date>& target) {
        if (text.empty()) return;
        if (const auto day = check.date(field, text, today)) target = *day;
    };
    step("onderzoek_done_on", onderzoek_done_on, m->onderzoek_done_on);
    step("aanvraag_on", aanvraag_on, m->aanvraag_on);
    step("decided_on", decided_on, m->decided_on);
    if (!hh_minutes_requested.empty())
        if (const auto minutes = check.integer("hh_minutes_requested", hh_minutes_requested, 1, k_max_minutes_per_week))
            m->hh_minutes_requested = *minutes;
    const std::string received = calendar::format_iso_date(m->received_on);
    if (m->onderzoek_done_on && *m->onderzoek_done_on < m->received_on)
        check.fail("onderzoek_done_on", "is before the melding of " + received);
    if (m->aanvraag_on && *m->aanvraag_on < m->received_on)
        check.fail("aanvraag_on", "is before the melding of " + received);
    if (m->decided_on && !m->aanvraag_on) check.fail("decided_on", "a decision needs an aanvraag first");
    if (m->decided_on && m->aanvraag_on && *m->decided_on < *m->aanvraag_on)
        check.fail("decided_on", "is before the aanvraag of " + calendar::format_iso_date(*m->aanvraag_on));
    check.throw_if_any();
    work.clients().update_melding(*m);
}

bool MeldingStatus::overdue() const
{
    return std::any_of(deadlines.begin(), deadlines.end(), [](const Deadline& d) { return d.overdue(); });
}

std::vector<MeldingStatus> melding_report(storage::UnitOfWork& work, const Clock& clock,
                                          std::optional<std::int64_t> client)
{
    std::vector<MeldingStatus> out;
    const std::optional<ClientId> id = client ? std::optional<ClientId>(ClientId{*client}) : std::nullopt;
    for (Melding& m : work.clients().meldingen(id)) {
        std::vector<Deadline> d = deadlines(m, clock.today());
        out.push_back({std::move(m), std::move(d)});
    }
    return out;
}

}  // namespace reable::app
