#include "render.hpp"

#include "provenance_notes.hpp"
#include "reable/calendar.hpp"
#include "text_table.hpp"

#include <algorithm>
#include <sstream>

namespace reable::cli {
namespace {

/// An interval as the source writes it, with edges at the input's precision ("4.82 to 6.20").
std::string interval_text(const protocol::Interval& when, Decimal precision)
{
    const int digits = precision.fraction_digits();
    const auto& lo = when.lower;
    const auto& hi = when.upper;
    if (lo && hi && lo->inclusive && hi->inclusive) {
        if (lo->value == hi->value) return lo->value.to_string(digits);
        return lo->value.to_string(digits) + " to " + hi->value.to_string(digits);
    }
    std::string lower = lo ? (lo->inclusive ? "≥ " : "> ") + lo->value.to_string(digits) : "";
    std::string upper = hi ? (hi->inclusive ? "≤ " : "< ") + hi->value.to_string(digits) : "";
    if (lo && hi) return lower + " and " + upper;
    if (lo) return lower;
    if (hi) return upper;
    return "any value";
}

std::string shown(const scoring::ShownValue& v) { return v.reason.empty() ? v.text : v.text + " (" + v.reason + ")"; }

std::string subject_line(const scoring::Subject& subject)
{
    std::vector<std::string> parts;
    if (subject.test_date) parts.push_back("test date " + calendar::format_iso_date(*subject.test_date));
    if (subject.age)
        parts.push_back("age " + std::to_string(*subject.age) +
                        (subject.age_from_birth_date ? " (from birth date)" : ""));
    else
        parts.push_back("age not given");
    parts.push_back(subject.sex ? "sex " + std::string(protocol::to_string(*subject.sex)) : "sex not given");
    std::string line;
    for (std::size_t i = 0; i < parts.size(); ++i) line += (i ? " · " : "") + parts[i];
    return line;
}

std::string status_text(scoring::RuleStatus status)
{
    switch (status) {
    case scoring::RuleStatus::applied: return "";
    case scoring::RuleStatus::no_value: return "not determined: no value";
    case scoring::RuleStatus::state: return "not determined: the test was not completed";
    case scoring::RuleStatus::needs_sex: return "not determined: sex not given";
    case scoring::RuleStatus::needs_age: return "not determined: age not given";
    case scoring::RuleStatus::no_norm_for_age: return "no norm for this age";
    case scoring::RuleStatus::no_band: return "no band applies";
    }
    return "";
}

}  // namespace

const std::string& pick(const protocol::Text& text, Lang lang) { return lang == Lang::nl ? text.nl : text.en; }

std::string render_report(const scoring::ScoreReport& report, Lang lang)
{
    std::ostringstream out;
    Notes notes;
    out << pick(report.instrument_name, lang) << " (" << report.instrument_id << " " << report.instrument_version
        << ")\n";
    out << subject_line(report.subject) << "\n\n";

    out << "Entered\n";
    Table items;
    for (const scoring::ItemLine& line : report.items) {
        std::string value;
        if (line.answer) {
            value = *line.answer;
            if (pick(line.answer_label, lang) != *line.answer) value += " — " + pick(line.answer_label, lang);
            if (line.points)
                value +=
                    " (" + line.points->to_string() + (*line.points == Decimal::from_int(1) ? " point)" : " points)");
        }
        else {
            for (std::size_t i = 0; i < line.trials.size(); ++i) value += (i ? " · " : "") + shown(line.trials[i]);
        }
        items.row({line.id, pick(line.label, lang), value});
    }
    if (items.empty()) out << "  (nothing)\n";
    items.print(out);

    Table scores;
    for (const scoring::ScoreLine& line : report.scores) {
        if (line.alternative_branch && line.shown.value.is_missing()) continue;  // the course not walked
        const std::string rule = line.provenance ? notes.mark(*line.provenance) : "";
        scores.row({line.primary ? "▸ " + line.id : "  " + line.id, pick(line.label, lang), shown(line.shown), rule});
    }
    if (!scores.empty()) {
        out << "\nScores\n";
        scores.print(out, "");
    }

    if (!report.interpretations.empty()) {
        out << "\nInterpretation\n";
        Table table;
        for (const scoring::InterpretationLine& line : report.interpretations) {
            const bool applied = line.status == scoring::RuleStatus::applied;
            table.row({line.id, pick(line.label, lang),
                       applied ? pick(line.band_label, lang) : status_text(line.status),
                       applied ? notes.mark(line.provenance) : ""});
        }
        table.print(out);
    }

    if (!report.norms.empty()) {
        out << "\nNorms\n";
        Table table;
        for (const scoring::NormLine& line : report.norms) {
            std::string result = status_text(line.status);
            std::string rule;
            if (line.row) {
                const std::string who = std::string(line.row->sex == protocol::Sex::female ? "women " : "men ") +
                                        std::to_string(line.row->age_min) + "–" + std::to_string(line.row->age_max);
                result = std::string(scoring::to_string(line.position)) + " the normal range " + line.low_text +
                         " to " + line.high_text + " (" + who +
                         "): " + std::string(scoring::to_string(line.performance));
                std::replace(result.begin(), result.end(), '_', ' ');
                rule = notes.mark(line.provenance);
            }
            table.row({line.id, pick(line.label, lang), result, rule});
        }
        table.print(out);
    }

    if (!report.flags.empty()) {
        out << "\nFlags\n";
        for (const scoring::FlagLine& flag : report.flags)
            out << "  ! " << flag.code << " (" << flag.target << "): " << flag.message << '\n';
    }
    notes.print(out);
    return out.str();
}

std::string render_change(const scoring::ChangeReport& report, Lang lang)
{
    std::ostringstream out;
    Notes notes;
    out << pick(report.instrument_name, lang) << " (" << report.instrument_id << " " << report.instrument_version
        << ")\n";
    out << "Change from " << (report.before_date ? calendar::format_iso_date(*report.before_date) : "?") << " to "
        << (report.after_date ? calendar::format_iso_date(*report.after_date) : "?") << "\n\n";
    auto section = [&](const char* title, const std::vector<scoring::ChangeLine>& lines) {
        Table table;
        table.row({"", "", "before", "after", "change", "verdict"});
        for (const scoring::ChangeLine& line : lines) {
            std::string verdict = std::string(scoring::to_string(line.direction));
            std::replace(verdict.begin(), verdict.end(), '_', ' ');
            if (line.has_threshold) {
                verdict += line.meaningful ? " · " + pick(line.threshold_label, lang) : " · no meaningful change";
                if (line.provenance) verdict += " " + notes.mark(*line.provenance);
            }
            table.row({line.id, pick(line.label, lang), shown(line.before), shown(line.after),
                       line.delta ? line.delta_text : "—", verdict});
        }
        out << title << '\n';
        table.print(out);
    };
    section("Scores", report.scores);
    if (!report.items.empty()) {
        out << '\n';
        section("Items", report.items);
    }
    notes.print(out);
    return out.str();
}

std::string render_instrument(const protocol::Instrument& instrument, Lang lang)
{
    std::ostringstream out;
    Notes notes;
    out << instrument.id << " " << instrument.version << " — " << pick(instrument.name, lang) << '\n';
    if (!pick(instrument.summary, lang).empty()) out << pick(instrument.summary, lang) << '\n';
    out << "File: " << instrument.file << "\n\nItems\n";
    Table items;
    items.row({"id", "label", "values", "trials", "states"});
    for (const protocol::Item& item : instrument.items) {
        if (item.type == protocol::ItemType::choice) {
            std::string options;
            for (std::size_t i = 0; i < item.options.size(); ++i) {
                options += (i ? ", " : "") + item.options[i].code;
                if (item.options[i].points) options += "=" + item.options[i].points->to_string();
            }
            items.row({item.id, pick(item.label, lang), "one of: " + options, "1", ""});
            continue;
        }
        std::string states;
        for (std::size_t s = 0; s < protocol::k_trial_state_count; ++s) {
            if (!item.states[s].allowed) continue;
            states +=
                (states.empty() ? "" : "; ") + std::string(protocol::to_string(static_cast<protocol::TrialState>(s)));
            const auto& reasons = item.states[s].reasons;
            for (std::size_t r = 0; r < reasons.size(); ++r) states += (r ? ", " : ":") + reasons[r];
        }
        const std::string unit{units::symbol(item.unit)};
        items.row(
            {item.id, pick(item.label, lang),
             item.min.to_string() + " to " + item.max.to_string() + " " + unit + ", step " + item.precision.to_string(),
             std::to_string(item.trials), states});
    }
    items.print(out);
    for (const protocol::Item& item : instrument.items)
        if (!item.note.empty()) out << "  * " << item.id << ": " << item.note << '\n';

    if (!instrument.scores.empty()) {
        out << "\nScores (▸ = total)\n";
        for (std::size_t i = 0; i < instrument.scores.size(); ++i) {
            const protocol::Score& score = instrument.scores[i];
            out << (instrument.primary_score == i ? "▸ " : "  ") << score.id << "  " << protocol::to_string(score.kind)
                << "  " << pick(score.label, lang) << " (" << units::symbol(score.unit) << ")";
            if (score.provenance) out << "  " << notes.mark(instrument.sources, *score.provenance);
            out << '\n';
            auto table_lines = [&](const protocol::BandTable& table, protocol::Slot input, const std::string& prefix) {
                std::string text;
                const Decimal precision = instrument.slot_precision(input);
                for (const protocol::Band& band : table.bands)
                    text += (text.empty() ? "" : " · ") + interval_text(band.when, precision) + " → " +
                            band.points.to_string();
                for (std::size_t s = 0; s < protocol::k_trial_state_count; ++s)
                    if (table.state_points[s])
                        text += " · " + std::string(protocol::to_string(static_cast<protocol::TrialState>(s))) + " → " +
                                table.state_points[s]->to_string();
                out << "      " << prefix << text << '\n';
            };
            if (score.kind == protocol::ScoreKind::band) table_lines(score.table, score.inputs.front(), "");
            for (std::size_t s = 0; s < score.steps.size(); ++s) {
                const protocol::StopStep& step = score.steps[s];
                std::string prefix = "step " + std::to_string(s + 1) + " (" + instrument.slot_id(step.input) + "): ";
                table_lines(step.table, step.input, prefix);
                if (step.continue_at_least)
                    out << "        continue only if ≥ " << step.continue_at_least->to_string() << '\n';
            }
            if (!score.inputs.empty() && score.kind != protocol::ScoreKind::band) {
                std::string inputs;
                for (protocol::Slot s : score.inputs) inputs += (inputs.empty() ? "" : ", ") + instrument.slot_id(s);
                out << "      of " << inputs;
                if (score.max_missing > 0) out << " (up to " << score.max_missing << " may be missing)";
                out << '\n';
            }
        }
    }

    if (!instrument.interpretations.empty()) {
        out << "\nInterpretations\n";
        for (const protocol::Interpretation& interp : instrument.interpretations) {
            out << "  " << interp.id << "  " << pick(interp.label, lang) << " (of " << instrument.slot_id(interp.score)
                << ")  " << notes.mark(instrument.sources, interp.provenance) << '\n';
            auto band_lines = [&](const std::vector<protocol::LabelBand>& bands, const std::string& who) {
                for (const protocol::LabelBand& band : bands) {
                    out << "      " << who << interval_text(band.when, instrument.slot_precision(interp.score)) << " → "
                        << band.code << ": " << pick(band.label, lang);
                    if (band.provenance) out << "  " << notes.mark(instrument.sources, *band.provenance);
                    out << '\n';
                }
            };
            if (interp.by_sex) {
                band_lines(interp.bands_by_sex[0], "women ");
                band_lines(interp.bands_by_sex[1], "men ");
            }
            else {
                band_lines(interp.bands, "");
            }
        }
    }

    for (const protocol::NormTable& table : instrument.norms) {
        out << "\nNorms: " << pick(table.label, lang) << " (" << table.id << ", of " << instrument.slot_id(table.score)
            << ")  " << notes.mark(instrument.sources, table.provenance) << '\n';
        // Every limit with as many decimals as the finest one in the table (4.4 to 6.0, not 4.4 to 6).
        int digits = 0;
        for (const protocol::NormRow& row : table.rows)
            digits = std::max({digits, row.low.fraction_digits(), row.high.fraction_digits()});
        Table rows;
        rows.row(
            {"sex", "age", "normal range (" + std::string(units::symbol(instrument.slot_unit(table.score))) + ")", ""});
        for (const protocol::NormRow& row : table.rows)
            rows.row({std::string(protocol::to_string(row.sex)),
                      std::to_string(row.age_min) + "–" + std::to_string(row.age_max),
                      row.low.to_string(digits) + " to " + row.high.to_string(digits),
                      row.provenance ? notes.mark(instrument.sources, *row.provenance) : ""});
        rows.print(out, "    ");
    }

    if (!instrument.changes.empty()) {
        out << "\nMinimal important change\n";
        for (const protocol::MinimalImportantChange& mic : instrument.changes) {
            out << "  " << instrument.slot_id(mic.score) << ":";
            for (const protocol::ChangeThreshold& t : mic.thresholds)
                out << " " << (t.at.inclusive ? "≥ " : "> ") << t.at.value.to_string() << " " << pick(t.label, lang)
                    << ";";
            out << "  " << notes.mark(instrument.sources, mic.provenance) << '\n';
        }
    }

    print_footer(out, notes, instrument.notes, instrument.sources, instrument.examples.size());
    return out.str();
}

std::string render_list(const protocol::Registry& registry, Lang lang)
{
    std::ostringstream out;
    Table table;
    table.row({"id", "version", "name", "items", "scores", "rules"});
    for (const protocol::Instrument& i : registry.instruments()) {
        std::string rules = i.scores.empty()           ? "measurement only"
                            : i.has_unverified_rules() ? "some UNVERIFIED"
                                                       : "all sourced";
        table.row({i.id, i.version, pick(i.name, lang), std::to_string(i.items.size()), std::to_string(i.scores.size()),
                   rules});
    }
    out << "Instruments\n";
    table.print(out, "");
    if (!registry.trajectories().empty()) out << "\nTrajectory templates\n" << render_trajectory_list(registry, lang);
    return out.str();
}

}  // namespace reable::cli
