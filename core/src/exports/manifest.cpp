#include "reable/exports/manifest.hpp"

#include "reable/compact_json.hpp"

namespace reable::exports {

DigestingStream::DigestingStream(std::ostream& target) : std::ostream(nullptr), m_buffer(target)
{
    rdbuf(&m_buffer);
}

DigestingStream::~DigestingStream() = default;

std::streamsize DigestingStream::Buffer::xsputn(const char* s, std::streamsize n)
{
    hash.update(s, static_cast<std::size_t>(n));
    bytes += static_cast<std::uint64_t>(n);
    target.write(s, n);
    return target ? n : 0;
}

DigestingStream::Buffer::int_type DigestingStream::Buffer::overflow(int_type c)
{
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
}

std::string DigestingStream::sha256()
{
    flush();
    return m_buffer.hash.hex_digest();
}

namespace {

void filters(json::CompactWriter& json, const ExportOptions& o)
{
    const storage::ExportFilter& f = o.filter;
    json.begin_object();
    json.key("from").optional(f.from ? std::optional<std::string>(calendar::format_iso_date(*f.from)) : std::nullopt);
    json.key("to").optional(f.to ? std::optional<std::string>(calendar::format_iso_date(*f.to)) : std::nullopt);
    json.key("area").optional(f.area ? std::optional<std::int64_t>(f.area->value) : std::nullopt);
    json.key("team").optional(f.team ? std::optional<std::int64_t>(f.team->value) : std::nullopt);
    json.key("dates").value(to_string(o.dates));
    json.key("as_of").value(calendar::format_iso_date(o.as_of));
    json.end_object();
}

void pairs(json::CompactWriter& json, const std::vector<std::pair<std::string, std::string>>& items)
{
    json.begin_array();
    for (const auto& [id, version] : items) json.begin_object().key("id").value(id).key("version").value(version).end_object();
    json.end_array();
}

}  // namespace

std::string filters_json(const ExportOptions& options)
{
    json::CompactWriter json;
    filters(json, options);
    return json.text();
}

std::string to_json(const Manifest& m)
{
    json::CompactWriter json;
    json.begin_object();
    json.key("kind").value(m.kind).key("created_at").value(m.created_at);
    json.key("created_by").begin_object().key("user").value(m.user).key("role").value(m.role).end_object();
    json.key("filters");
    filters(json, m.options);
    if (!m.area_name.empty()) json.key("area_name").value(m.area_name);
    if (!m.team_name.empty()) json.key("team_name").value(m.team_name);
    json.key("pseudonyms").begin_object();
    json.key("method").value("HMAC-SHA256(key, client id)");
    json.key("key_fingerprint").value(m.key_fingerprint);
    json.end_object();
    json.key("dates").value(m.options.dates == DateMode::days ? "days since the trajectory start"
                                                              : "year and month only");
    json.key("counts").begin_object();
    json.key("trajectories").value(static_cast<std::int64_t>(m.trajectories));
    json.key("clients").value(static_cast<std::int64_t>(m.clients));
    json.end_object();
    json.key("files").begin_array();
    for (const ManifestFile& f : m.files) {
        json.begin_object().key("name").value(f.name).key("media_type").value(f.media_type);
        json.key("bytes").value(static_cast<std::int64_t>(f.bytes)).key("rows").value(static_cast<std::int64_t>(f.rows));
        json.key("sha256").value(f.sha256).end_object();
    }
    json.end_array();
    json.key("instruments").begin_array();
    for (const storage::ExportColumnSource& s : m.measured)
        json.begin_object().key("id").value(s.instrument_id).key("version").value(s.instrument_version).key("occasion").value(s.occasion).end_object();
    json.end_array();
    json.key("policies");
    pairs(json, m.policies);
    json.key("templates");
    pairs(json, m.templates);
    json.key("excluded").value("BSN, names, addresses, birth dates, free text (notes, activities, goal texts, reasons)");
    json.end_object();
    return json.text();
}

}  // namespace reable::exports
