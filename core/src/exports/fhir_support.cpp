#include "fhir_support.hpp"

#include <algorithm>
#include <cstdio>

namespace reable::exports::fhir {

namespace {

constexpr std::size_t k_id_prefix = 16;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

/// Moves `i` past a run of digits; false when there was none.
bool digits(std::string_view text, std::size_t& i)
{
    const std::size_t first = i;
    while (i < text.size() && is_digit(text[i])) ++i;
    return i > first;
}

}  // namespace

Context::Context(const TrajectoryRecord& r, DateMode d) : record(r), dates(d)
{
    key = r.pseudonym.substr(0, k_id_prefix) + '-' + std::to_string(r.trajectory.ordinal);
    patient = "Patient/" + r.pseudonym;
    episode = "EpisodeOfCare/eoc-" + key;
    care_team = "CareTeam/ct-" + key;
}

std::string year_month(calendar::Date day)
{
    const date::year_month_day ymd{day};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()));
    return text;
}

int days_since_start(const Context& context, calendar::Date day)
{
    return static_cast<int>((day - context.start()).count());
}

int age_at_start_top_coded(calendar::Date birth, calendar::Date start)
{
    if (start < birth) return 0;  // a birth date after the start is refused on entry; never negative here
    return std::min(calendar::age_at(birth, start), k_age_top_code);
}

void begin_resource(json::CompactWriter& w, std::string_view type, std::string_view id)
{
    w.begin_object().key("resourceType").value(type).key("id").value(id);
}

void coding(json::CompactWriter& w, std::string_view system, std::string_view code, std::string_view version)
{
    w.begin_object().key("system").value(system);
    if (!version.empty()) w.key("version").value(version);
    w.key("code").value(code).end_object();
}

void codeable(json::CompactWriter& w, std::string_view system, std::string_view code)
{
    w.begin_object().key("coding").begin_array();
    coding(w, system, code);
    w.end_array().end_object();
}

void reference(json::CompactWriter& w, std::string_view key, std::string_view ref)
{
    w.key(key).begin_object().key("reference").value(ref).end_object();
}

void ucum_quantity(json::CompactWriter& w, std::string_view value_json, std::string_view unit, std::string_view code)
{
    w.begin_object().key("value").raw(value_json);
    w.key("unit").value(unit).key("system").value(k_ucum).key("code").value(code).end_object();
}

void extension_integer(json::CompactWriter& w, std::string_view url, int value)
{
    w.begin_object().key("url").value(url).key("valueInteger").value(value).end_object();
}

void extension_code(json::CompactWriter& w, std::string_view url, std::string_view code)
{
    w.begin_object().key("url").value(url).key("valueCode").value(code).end_object();
}

void extension_reference(json::CompactWriter& w, std::string_view url, std::string_view ref)
{
    w.begin_object().key("url").value(url);
    reference(w, "valueReference", ref);
    w.end_object();
}

void extension_days(json::CompactWriter& w, const Context& context, calendar::Date day)
{
    if (!context.month_mode()) extension_integer(w, k_ext_days, days_since_start(context, day));
}

bool is_json_number(std::string_view text)
{
    std::size_t i = 0;
    if (i < text.size() && text[i] == '-') ++i;
    if (i < text.size() && text[i] == '0')
        ++i;
    else if (i >= text.size() || text[i] < '1' || text[i] > '9' || !digits(text, i))
        return false;
    if (i < text.size() && text[i] == '.' && (++i, !digits(text, i))) return false;
    if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
        ++i;
        if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
        if (!digits(text, i)) return false;
    }
    return i == text.size();
}

}  // namespace reable::exports::fhir
