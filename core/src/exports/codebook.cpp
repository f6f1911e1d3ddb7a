#include "reable/exports/codebook.hpp"

#include "reable/compact_json.hpp"
#include "reable/exports/csv_writer.hpp"
#include "reable/exports/hh_status.hpp"
#include "reable/units.hpp"

#include <map>

namespace reable::exports {
namespace {

std::string date_text_nl(DateMode dates)
{
    return dates == DateMode::days ? "dagen sinds de start van het traject" : "jaar en maand (JJJJ-MM)";
}
std::string date_text_en(DateMode dates)
{
    return dates == DateMode::days ? "days since the trajectory start" : "year and month (YYYY-MM)";
}
std::string date_type(DateMode dates)
{
    return dates == DateMode::days ? "integer" : "text";
}

std::string source_of(const protocol::Instrument& instrument, const std::optional<protocol::Provenance>& provenance)
{
    if (instrument.sources.empty()) return "";
    const std::size_t index = provenance ? provenance->source : 0;
    if (index >= instrument.sources.size()) return "";
    std::string text = instrument.sources[index].citation;
    if (provenance) text += " [" + std::string(protocol::to_string(provenance->confidence)) + "]";
    return text;
}

std::string range_text(Decimal min, Decimal max, Decimal step)
{
    return min.to_string() + "–" + max.to_string() + " step " + step.to_string();
}

std::string options_text(const protocol::Item& item)
{
    std::string text;
    for (const protocol::AnswerOption& o : item.options) {
        if (!text.empty()) text += " | ";
        text += o.code;
        if (!o.label.en.empty()) text += " (" + o.label.en + ")";
    }
    return text;
}

std::string states_text(const protocol::Item& item)
{
    std::string text;
    for (protocol::TrialState s : {protocol::TrialState::unable, protocol::TrialState::not_attempted,
                                   protocol::TrialState::used_arms})
        if (item.allows(s)) text += std::string(text.empty() ? "" : " | ") + std::string(protocol::to_string(s));
    return text;
}

void add_fixed_long(std::vector<CodebookEntry>& out, DateMode dates)
{
    const std::string when = dates == DateMode::days ? "day" : "month";
    const std::vector<CodebookEntry> fixed{
        {"long", "pseudonym", "pseudoniem van de cliënt", "the client's pseudonym", "text", "",
         "64 hexadecimal digits: HMAC-SHA256 of the client under the export key", "", "", ""},
        {"long", "trajectory", "trajectnummer van de cliënt", "the client's trajectory number, by start date", "integer",
         "", "1, 2 …", "", "", ""},
        {"long", "occasion", "meetmoment", "measurement occasion (the template's id)", "code", "",
         "intake, halfway, week_14, fu_6m … (see the trajectory templates)", "", "", ""},
        {"long", when, "datum van de meting: " + date_text_nl(dates), "date of the test: " + date_text_en(dates),
         date_type(dates), dates == DateMode::days ? "days" : "", "", "", "", ""},
        {"long", "instrument", "instrument", "instrument id", "code", "", "see the instrument rows below", "", "", ""},
        {"long", "instrument_version", "versie van het instrument", "instrument version", "text", "", "", "", "", ""},
        {"long", "discipline", "discipline van de tester", "discipline of the tester", "code", "",
         "ergotherapist | physiotherapist | household_helper | social_worker", "", "", ""},
        {"long", "record", "soort waarde", "kind of value", "code", "", "item | score", "", "", ""},
        {"long", "variable", "item of score", "item or score id (see the rows of each instrument)", "code", "", "", "",
         "", ""},
        {"long", "trial", "poging", "trial number of an item (empty for a score)", "integer", "", "1, 2 …", "", "", ""},
        {"long", "value", "waarde (getal)", "the value when it is a number", "number", "see the variable's row", "",
         "", "", ""},
        {"long", "code", "waarde (code)", "the value when it is a code: an answer or a state", "code", "",
         "an answer code, or unable | not_attempted | used_arms | missing", "", "", ""},
    };
    out.insert(out.end(), fixed.begin(), fixed.end());
}

void add_instruments(std::vector<CodebookEntry>& out, const protocol::Registry& registry)
{
    for (const protocol::Instrument& i : registry.instruments()) {
        for (const protocol::Item& item : i.items) {
            const bool measured = item.type == protocol::ItemType::measurement;
            std::string allowed = measured ? range_text(item.min, item.max, item.precision) : options_text(item);
            if (const std::string states = states_text(item); !states.empty()) allowed += "; states: " + states;
            out.push_back({"long", item.id, item.label.nl, item.label.en, measured ? "number" : "code",
                           measured ? std::string(units::symbol(item.unit)) : "", allowed, i.id, i.version,
                           source_of(i, std::nullopt)});
        }
        for (const protocol::Score& score : i.scores)
            out.push_back({"long", score.id, score.label.nl, score.label.en, "number", std::string(units::symbol(score.unit)),
                           "step " + score.precision.to_string() + (score.better == protocol::Better::higher
                                                                         ? "; higher is better"
                                                                         : "; lower is better"),
                           i.id, i.version, source_of(i, score.provenance)});
    }
}

CodebookEntry wide_fixed(const WideColumn& c, DateMode dates)
{
    static const std::map<std::string, CodebookEntry> known{
        {"pseudonym", {"", "", "pseudoniem van de cliënt", "the client's pseudonym", "text", "", "64 hexadecimal digits", "", "", ""}},
        {"trajectory", {"", "", "trajectnummer van de cliënt", "the client's trajectory number, by start date", "integer", "", "1, 2 …", "", "", ""}},
        {"template", {"", "", "trajectsjabloon", "trajectory template id", "code", "", "", "", "", ""}},
        {"template_version", {"", "", "versie van het sjabloon", "template version", "text", "", "", "", "", ""}},
        {"age_at_start", {"", "", "leeftijd bij de start (90 = 90 of ouder)", "age at the start in years (90 = 90 or older)", "integer", "years", "0–90", "", "", ""}},
        {"sex", {"", "", "geslacht", "sex", "code", "", "female | male", "", "", ""}},
        {"household", {"", "", "huishouden", "household", "code", "", "single | couple | with_children | with_others", "", "", ""}},
        {"dwelling", {"", "", "woning", "dwelling", "code", "", "apartment | single_family_house | sheltered_housing | other", "", "", ""}},
        {"area", {"", "", "wijk of gebied", "area", "text", "", "", "", "", ""}},
        {"team", {"", "", "reablementteam", "reablement team", "text", "", "", "", "", ""}},
        {"hh_minutes_requested", {"", "", "gevraagde minuten huishoudelijke hulp per week bij de melding", "minutes of household help per week asked for at the melding", "integer", "min/week", "1–10080; empty: not recorded", "", "", ""}},
        {"state", {"", "", "status van het traject", "trajectory state", "code", "", "referred | intake | training | follow_up | closed | dropped_out", "", "", ""}},
        {"closure", {"", "", "afsluiting", "how the trajectory ended", "code", "", "completed | early | dropout; empty: not ended", "", "", ""}},
        {"end_reason", {"", "", "reden van uitval of vroege afsluiting", "reason for a dropout or an early closure", "code", "", "admission | care_home | deceased | health | motivation | moved | declined_further | other; empty: none recorded", "", "", ""}},
        {"hh_event", {"", "", "huishoudelijke hulp toegekend binnen de follow-up", "household help granted within the follow-up (1) or censored (0)", "integer", "", "0 | 1", "", "", ""}},
        {"hh_days", {"", "", "dagen tot toekenning van hulp of tot censurering", "days from the start to the first HH grant, or to censoring (the export date, at most 24 months)", "integer", "days", "", "", "", ""}},
    };
    if (const auto found = known.find(c.name); found != known.end()) {
        CodebookEntry e = found->second;
        e.file = "wide";
        e.variable = c.name;
        return e;
    }
    for (const FollowUpPoint& p : k_follow_up_points) {
        const std::string id(p.id);
        const std::string at = std::string(p.label) + " after the start";
        if (c.name == "hh_status_" + id)
            return {"wide", c.name, "huishoudelijke hulp na " + std::string(p.label), "household help " + at, "code", "",
                    "none (avoided) | lower (fewer minutes than asked) | granted; empty: not yet reached", "", "", ""};
        if (c.name == "hh_minutes_" + id)
            return {"wide", c.name, "minuten hulp per week na " + std::string(p.label), "minutes of HH per week in force " + at,
                    "number", "min/week", "", "", "", ""};
        if (c.name == "hh_minutes_avoided_" + id)
            return {"wide", c.name, "vermeden minuten per week na " + std::string(p.label),
                    "minutes per week asked for minus in force " + at + " (empty when the request is unknown)", "number",
                    "min/week", "≥ 0", "", "", ""};
    }
    const bool date_of_melding = c.name.rfind("melding_", 0) == 0, date_of_end = c.name.rfind("end_", 0) == 0;
    return {"wide", c.name, date_of_melding ? "datum van de melding: " + date_text_nl(dates) : "einddatum: " + date_text_nl(dates),
            (date_of_melding ? "date of the melding: " : date_of_end ? "end date: " : "") + date_text_en(dates),
            date_type(dates), dates == DateMode::days ? "days" : "", "", "", "", ""};
}

void add_wide(std::vector<CodebookEntry>& out, const protocol::Registry& registry, const std::vector<WideColumn>& wide,
              DateMode dates)
{
    for (const WideColumn& c : wide) {
        if (c.instrument.empty()) {
            out.push_back(wide_fixed(c, dates));
            continue;
        }
        const protocol::Instrument* i = find_instrument(registry, c.instrument, c.instrument_version);
        const std::string name_nl = i ? i->name.nl : c.instrument, name_en = i ? i->name.en : c.instrument;
        if (c.score.empty()) {
            out.push_back({"wide", c.name, name_nl + ", " + c.occasion + ": datum (" + date_text_nl(dates) + ")",
                           name_en + ", " + c.occasion + ": date (" + date_text_en(dates) + ")", date_type(dates),
                           dates == DateMode::days ? "days" : "", "", c.instrument, c.instrument_version, ""});
            continue;
        }
        const protocol::Score* s = i ? i->find_score(c.score) : nullptr;
        out.push_back({"wide", c.name, name_nl + ", " + c.occasion + ": " + (s ? s->label.nl : c.score),
                       name_en + ", " + c.occasion + ": " + (s ? s->label.en : c.score), "number",
                       s ? std::string(units::symbol(s->unit)) : "",
                       "empty: not measured, or a state (unable, not attempted, missing: see the long file)",
                       c.instrument, c.instrument_version, i && s ? source_of(*i, s->provenance) : ""});
    }
}

}  // namespace

std::vector<CodebookEntry> codebook(const protocol::Registry& registry, const std::vector<WideColumn>& wide,
                                    DateMode dates)
{
    std::vector<CodebookEntry> out;
    add_fixed_long(out, dates);
    add_instruments(out, registry);
    add_wide(out, registry, wide, dates);
    return out;
}

void write_codebook_csv(const std::vector<CodebookEntry>& entries, std::ostream& out)
{
    CsvWriter csv(out);
    for (const char* name : {"file", "variable", "label_nl", "label_en", "type", "unit", "allowed_values", "instrument",
                             "instrument_version", "source"})
        csv.field(name);
    csv.end_row();
    for (const CodebookEntry& e : entries) {
        csv.field(e.file).field(e.variable).field(e.label_nl).field(e.label_en).field(e.type).field(e.unit);
        csv.field(e.allowed).field(e.instrument).field(e.instrument_version).field(e.source);
        csv.end_row();
    }
}

void write_codebook_json(const std::vector<CodebookEntry>& entries, std::ostream& out)
{
    json::CompactWriter json;
    json.begin_object().key("variables").begin_array();
    for (const CodebookEntry& e : entries) {
        json.begin_object();
        json.key("file").value(e.file).key("variable").value(e.variable);
        json.key("label").begin_object().key("nl").value(e.label_nl).key("en").value(e.label_en).end_object();
        json.key("type").value(e.type).key("unit").value(e.unit).key("allowed_values").value(e.allowed);
        json.key("instrument").value(e.instrument).key("instrument_version").value(e.instrument_version);
        json.key("source").value(e.source);
        json.end_object();
    }
    json.end_array().end_object();
    out << json.text() << '\n';
}

}  // namespace reable::exports
