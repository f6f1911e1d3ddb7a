// Reading interpretations, norm tables, minimal important changes and worked examples.

#include "instrument_reader.hpp"

namespace reable::protocol::reading {

std::vector<LabelBand> InstrumentReader::read_label_bands(const ArrayPtr& a, const std::string& ptr,
                                                          const SlotInfo& input, BandIndex& index)
{
    std::vector<LabelBand> bands;
    std::vector<Interval> intervals;
    std::set<std::string> codes;
    bool all_read = true;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child(ptr, i);
        ObjectPtr b = object_at(a->get(i), p);
        if (!b) {
            all_read = false;
            continue;
        }
        check_fields(b, p, {"gt", "ge", "lt", "le", "code", "label", "source", "confidence", "note"});
        auto when = get_interval(b, p);
        auto code = get_string(b, "code", p, true);
        auto label = get_text(b, "label", p, true);
        auto provenance = get_provenance(b, p, false);
        if (!when || !code || !label) {
            all_read = false;
            continue;
        }
        if (!valid_id(*code)) {
            issue(json::child(p, "code"),
                  "must be lowercase letters, digits, '_' or '-', starting with a letter; got " + in_quotes(*code));
            all_read = false;
            continue;
        }
        if (!codes.insert(*code).second) issue(json::child(p, "code"), "duplicate code " + in_quotes(*code));
        for (const auto& edge : {when->lower, when->upper})
            if (edge)
                if (auto problem = check_on_grid(edge->value, input.domain)) issue(p, *problem);
        bands.push_back({*when, *code, *label, provenance});
        intervals.push_back(*when);
    }
    if (all_read) {
        const auto problems = check_coverage(intervals, input.domain);
        for (const CoverageProblem& c : problems) issue(json::child(ptr, c.band), c.message);
        if (problems.empty()) index = compile_bands(intervals, input.domain);
    }
    if (a->size() > 255) issue(ptr, "at most 255 bands");
    return bands;
}

void InstrumentReader::read_interpretations(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "interpretations", "", false);
    if (!a) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/interpretations", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"id", "label", "score", "bands", "by_sex", "source", "confidence", "note"});
        const std::size_t before = m_issues.size();
        Interpretation interp;
        auto id = get_id(o, p);
        auto label = get_text(o, "label", p, true);
        auto score = get_slot(o, "score", p);
        auto provenance = get_provenance(o, p, true);
        if (id && !ids.insert(*id).second) issue(json::child(p, "id"), "duplicate interpretation id " + in_quotes(*id));
        if (!id || !label || !score || !provenance) continue;
        const SlotInfo& input = m_slots[*score];
        if (input.multi_trial || input.unscored_choice) {
            issue(json::child(p, "score"), "this input has no single number to interpret");
            continue;
        }
        interp.id = *id;
        interp.label = *label;
        interp.score = *score;
        interp.provenance = *provenance;
        if (o->has("bands") == o->has("by_sex")) {
            issue(p, "an interpretation needs either \"bands\" or \"by_sex\", not both or neither");
            continue;
        }
        if (ArrayPtr bands = get_array(o, "bands", p, false)) {
            interp.bands = read_label_bands(bands, json::child(p, "bands"), input, interp.index);
        }
        else if (ObjectPtr by_sex = get_object(o, "by_sex", p, true)) {
            interp.by_sex = true;
            const std::string bp = json::child(p, "by_sex");
            check_fields(by_sex, bp, {"female", "male"});
            for (Sex s : {Sex::female, Sex::male})
                if (ArrayPtr list = get_array(by_sex, to_string(s), bp, true))
                    interp.bands_by_sex[static_cast<std::size_t>(s)] = read_label_bands(
                        list, json::child(bp, to_string(s)), input, interp.index_by_sex[static_cast<std::size_t>(s)]);
        }
        if (m_issues.size() == before) m_instrument.interpretations.push_back(std::move(interp));
    }
}

void InstrumentReader::read_norms(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "norms", "", false);
    if (!a) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/norms", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"id", "label", "score", "rows", "source", "confidence", "note"});
        const std::size_t before = m_issues.size();
        NormTable table;
        auto id = get_id(o, p);
        auto label = get_text(o, "label", p, true);
        auto score = get_slot(o, "score", p);
        auto provenance = get_provenance(o, p, true);
        ArrayPtr rows = get_array(o, "rows", p, true);
        if (id && !ids.insert(*id).second) issue(json::child(p, "id"), "duplicate norm table id " + in_quotes(*id));
        if (!id || !label || !score || !provenance || !rows) continue;
        table.id = *id;
        table.label = *label;
        table.score = *score;
        table.provenance = *provenance;
        for (std::size_t r = 0; r < rows->size(); ++r) {
            const std::string rp = json::child(json::child(p, "rows"), r);
            ObjectPtr row = object_at(rows->get(r), rp);
            if (!row) continue;
            check_fields(row, rp, {"sex", "age", "range", "source", "confidence", "note"});
            NormRow out;
            auto sex = get_enum<Sex>(row, "sex", rp, true, sex_from_string, "female, male");
            ArrayPtr age = get_array(row, "age", rp, true);
            ArrayPtr range = get_array(row, "range", rp, true);
            out.provenance = get_provenance(row, rp, false);
            if (!sex || !age || !range) continue;
            if (age->size() != 2) {
                issue(json::child(rp, "age"), "expected [youngest, oldest] in whole years");
                continue;
            }
            if (range->size() != 2) {
                issue(json::child(rp, "range"), "expected [low, high]");
                continue;
            }
            auto age_min = int_at(age->get(0), json::child(json::child(rp, "age"), 0), 0, 130);
            auto age_max = int_at(age->get(1), json::child(json::child(rp, "age"), 1), 0, 130);
            auto low = decimal_at(range->get(0), json::child(json::child(rp, "range"), 0));
            auto high = decimal_at(range->get(1), json::child(json::child(rp, "range"), 1));
            if (!age_min || !age_max || !low || !high) continue;
            if (*age_min > *age_max) issue(json::child(rp, "age"), "the youngest age is above the oldest");
            if (*low > *high) issue(json::child(rp, "range"), "low is above high");
            out.sex = *sex;
            out.age_min = *age_min;
            out.age_max = *age_max;
            out.low = *low;
            out.high = *high;
            for (std::size_t k = 0; k < table.rows.size(); ++k) {
                const NormRow& other = table.rows[k];
                if (other.sex == out.sex && other.age_min <= out.age_max && out.age_min <= other.age_max)
                    issue(json::child(rp, "age"),
                          "overlaps the ages of row " + std::to_string(k) + " for the same sex");
            }
            table.rows.push_back(out);
        }
        if (m_issues.size() == before) m_instrument.norms.push_back(std::move(table));
    }
}

void InstrumentReader::read_changes(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "minimal_important_change", "", false);
    if (!a) return;
    std::set<Slot> seen;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/minimal_important_change", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"score", "thresholds", "source", "confidence", "note"});
        const std::size_t before = m_issues.size();
        MinimalImportantChange mic;
        auto score = get_slot(o, "score", p);
        auto provenance = get_provenance(o, p, true);
        ArrayPtr thresholds = get_array(o, "thresholds", p, true);
        if (!score || !provenance || !thresholds) continue;
        if (!seen.insert(*score).second) {
            issue(json::child(p, "score"), "this score already has a minimal important change");
            continue;
        }
        mic.score = *score;
        mic.provenance = *provenance;
        for (std::size_t t = 0; t < thresholds->size(); ++t) {
            const std::string tp = json::child(json::child(p, "thresholds"), t);
            ObjectPtr th = object_at(thresholds->get(t), tp);
            if (!th) continue;
            check_fields(th, tp, {"ge", "gt", "code", "label"});
            if (th->has("ge") == th->has("gt")) {
                issue(tp, "give the magnitude as either \"ge\" (at least) or \"gt\" (more than)");
                continue;
            }
            const bool inclusive = th->has("ge");
            auto at = get_decimal(th, inclusive ? "ge" : "gt", tp, true);
            auto code = get_string(th, "code", tp, true);
            auto label = get_text(th, "label", tp, true);
            if (!at || !code || !label) continue;
            if (at->micros() <= 0) {
                issue(json::child(tp, inclusive ? "ge" : "gt"), "a change magnitude must be greater than 0");
                continue;
            }
            if (!mic.thresholds.empty() && mic.thresholds.back().at.value >= *at)
                issue(json::child(tp, inclusive ? "ge" : "gt"), "thresholds must be in ascending order");
            mic.thresholds.push_back({Edge{*at, inclusive}, *code, *label});
        }
        if (m_issues.size() == before) m_instrument.changes.push_back(std::move(mic));
    }
}

void InstrumentReader::read_examples(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "examples", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/examples", i);
        if (ObjectPtr o = object_at(a->get(i), p)) read_example(o, p);
    }
}

void InstrumentReader::read_example(const ObjectPtr& o, const std::string& p)
{
    check_fields(o, p, {"name", "input", "expect", "expect_error"});
    Example ex;
    ex.pointer = p;
    auto name = get_string(o, "name", p, true);
    ObjectPtr input = get_object(o, "input", p, true);
    if (!name || !input) return;
    ex.name = *name;
    const std::string ip = json::child(p, "input");
    check_fields(input, ip, {"items", "age", "sex", "birth_date", "test_date"});
    if (ObjectPtr items = get_object(input, "items", ip, true)) {
        const std::string itp = json::child(ip, "items");
        for (const auto& entry : *items) {
            std::vector<ExampleValue> values;
            auto add = [&](const Var& v, const std::string& vp) {
                if (v.isString())
                    values.push_back({false, {}, v.convert<std::string>()});
                else if (auto d = decimal_at(v, vp))
                    values.push_back({true, *d, {}});
            };
            const std::string ep = json::child(itp, entry.first);
            if (json::is_array(entry.second)) {
                ArrayPtr arr = json::as_array(entry.second);
                for (std::size_t k = 0; k < arr->size(); ++k) add(arr->get(k), json::child(ep, k));
            }
            else {
                add(entry.second, ep);
            }
            ex.items.emplace_back(entry.first, std::move(values));
        }
    }
    ex.age = get_int(input, "age", ip, false, 0, 130);
    ex.sex = get_string(input, "sex", ip, false);
    ex.birth_date = get_string(input, "birth_date", ip, false);
    ex.test_date = get_string(input, "test_date", ip, false);

    if (o->has("expect") == o->has("expect_error")) {
        issue(p, "an example needs either \"expect\" or \"expect_error\", not both or neither");
        return;
    }
    if (o->has("expect_error")) {
        ex.expect_error = get_string(o, "expect_error", p, true);
        m_instrument.examples.push_back(std::move(ex));
        return;
    }
    ObjectPtr expect = get_object(o, "expect", p, true);
    if (!expect) return;
    const std::string xp = json::child(p, "expect");
    check_fields(expect, xp, {"scores", "interpretations", "norms", "flags"});
    auto expect_map = [&](std::string_view key, std::string_view prefix) {
        ObjectPtr m = get_object(expect, key, xp, false);
        if (!m) return;
        const std::string mp = json::child(xp, key);
        for (const auto& entry : *m) {
            const std::string ep = json::child(mp, entry.first);
            std::string expected;
            if (entry.second.isString())
                expected = entry.second.convert<std::string>();
            else if (auto d = decimal_at(entry.second, ep))
                expected = d->to_string();
            else
                continue;
            ex.expectations.push_back({std::string(prefix) + entry.first, expected, ep});
        }
    };
    expect_map("scores", "");
    expect_map("interpretations", "interpretation:");
    expect_map("norms", "norm:");
    if (expect->has("flags")) {
        ArrayPtr flags = get_array(expect, "flags", xp, true, false);
        if (flags) {
            std::vector<std::string> codes;
            for (std::size_t k = 0; k < flags->size(); ++k) {
                const Var v = flags->get(k);
                if (!v.isString())
                    issue(json::child(json::child(xp, "flags"), k), "expected a flag such as \"incomplete:total\"");
                else
                    codes.push_back(v.convert<std::string>());
            }
            std::sort(codes.begin(), codes.end());
            ex.expectations.push_back({"flags", json::join(codes, " "), json::child(xp, "flags")});
        }
    }
    if (ex.expectations.empty()) issue(xp, "expect at least one score, interpretation, norm or the flags");
    m_instrument.examples.push_back(std::move(ex));
}

}  // namespace reable::protocol::reading
