// Reading the answer sets, point maps, items and alternatives of an instrument file.

#include "instrument_reader.hpp"

namespace reable::protocol::reading {

std::optional<std::vector<AnswerOption>> InstrumentReader::read_options(const ArrayPtr& options, const std::string& ptr)
{
    std::vector<AnswerOption> out;
    std::set<std::string> codes;
    bool ok = true;
    for (std::size_t j = 0; j < options->size(); ++j) {
        const std::string op = json::child(ptr, j);
        ObjectPtr opt = object_at(options->get(j), op);
        if (!opt) {
            ok = false;
            continue;
        }
        check_fields(opt, op, {"code", "label", "points"});
        auto code = get_string(opt, "code", op, true);
        auto label = get_text(opt, "label", op, true);
        auto points = get_decimal(opt, "points", op, false);
        if (!code || !label) {
            ok = false;
            continue;
        }
        if (!codes.insert(*code).second) {
            issue(json::child(op, "code"), "duplicate option code " + in_quotes(*code));
            ok = false;
            continue;
        }
        out.push_back({*code, *label, points});
    }
    if (!ok) return std::nullopt;
    return out;
}

void InstrumentReader::read_answer_sets(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "answer_sets", "", false);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/answer_sets", i);
        ObjectPtr s = object_at(a->get(i), p);
        if (!s) continue;
        check_fields(s, p, {"id", "options"});
        auto id = get_id(s, p);
        ArrayPtr options = get_array(s, "options", p, true);
        if (!id || !options) continue;
        if (m_answer_sets.count(*id)) {
            issue(json::child(p, "id"), "duplicate answer set id " + in_quotes(*id));
            continue;
        }
        AnswerSetDef def;
        def.pointer = p;
        if (auto read = read_options(options, json::child(p, "options"))) {
            def.options = std::move(*read);
            m_answer_sets[*id] = std::move(def);
        }
    }
}

void InstrumentReader::read_point_maps(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "point_maps", "", false);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/point_maps", i);
        ObjectPtr m = object_at(a->get(i), p);
        if (!m) continue;
        check_fields(m, p, {"id", "answer_set", "points"});
        auto id = get_id(m, p);
        auto set = get_string(m, "answer_set", p, true);
        ObjectPtr points = get_object(m, "points", p, true);
        if (!id || !set || !points) continue;
        auto set_it = m_answer_sets.find(*set);
        if (set_it == m_answer_sets.end()) {
            issue(json::child(p, "answer_set"), "unknown answer set " + in_quotes(*set));
            continue;
        }
        PointMapDef def{*set, {}};
        bool ok = true;
        const std::string pp = json::child(p, "points");
        for (const auto& entry : *points) {
            if (std::none_of(set_it->second.options.begin(), set_it->second.options.end(),
                             [&](const AnswerOption& o) { return o.code == entry.first; })) {
                issue(json::child(pp, entry.first), "not an option of answer set " + in_quotes(*set));
                ok = false;
                continue;
            }
            if (auto d = decimal_at(entry.second, json::child(pp, entry.first)))
                def.points[entry.first] = *d;
            else
                ok = false;
        }
        for (const AnswerOption& o : set_it->second.options) {
            if (!points->has(o.code)) {
                issue(pp, "no points for option " + in_quotes(o.code));
                ok = false;
            }
        }
        if (m_point_maps.count(*id)) {
            issue(json::child(p, "id"), "duplicate point map id " + in_quotes(*id));
            ok = false;
        }
        if (ok) m_point_maps[*id] = std::move(def);
    }
}

void InstrumentReader::read_items(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "items", "", true);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/items", i);
        if (ObjectPtr o = object_at(a->get(i), p)) read_item(o, p);
    }
}

void InstrumentReader::read_item(const ObjectPtr& o, const std::string& p)
{
    BrokenUnlessDefined guard(m_slot_by_id, m_broken);
    Item item;
    auto type = get_string(o, "type", p, true);
    if (type && *type != "measurement" && *type != "choice") {
        issue(json::child(p, "type"), "unknown value " + in_quotes(*type) + "; allowed: measurement, choice");
        type.reset();
    }
    if (type == "choice") {
        check_fields(o, p, {"id", "label", "type", "answer_set", "options", "point_map", "reversed", "codes", "note"});
        item.type = ItemType::choice;
    }
    else {
        check_fields(
            o, p,
            {"id", "label", "type", "unit", "min", "max", "precision", "trials", "better", "states", "codes", "note"});
    }
    auto id = get_id(o, p);
    guard.set(id);
    auto label = get_text(o, "label", p, true);
    if (auto note = get_string(o, "note", p, false)) item.note = *note;
    item.codes = get_codes(o, p);
    if (!type || !id || !label) return;
    item.id = *id;
    item.label = *label;

    SlotInfo info;
    info.kind_of = "item";
    if (item.type == ItemType::choice) {
        read_choice(item, o, p);
        info.unit = Unit::points;
        info.unscored_choice = !item.scored;
        std::vector<Decimal> points;
        for (const AnswerOption& opt : item.options)
            if (opt.points) points.push_back(*opt.points);
        info.domain = domain_of_points(points);
        item.trials = 1;
    }
    else {
        const std::size_t before = m_issues.size();
        if (auto unit = get_string(o, "unit", p, true)) {
            if (auto u = units::unit_from_symbol(*unit))
                item.unit = *u;
            else
                issue(json::child(p, "unit"),
                      "unknown unit " + in_quotes(*unit) + "; allowed: " + std::string(units::all_symbols()));
        }
        auto min = get_decimal(o, "min", p, true);
        auto max = get_decimal(o, "max", p, true);
        auto precision = get_decimal(o, "precision", p, true);
        if (auto trials = get_int(o, "trials", p, false, 1, 10)) item.trials = *trials;
        if (auto better = get_string(o, "better", p, true)) {
            if (*better == "higher")
                item.better = Better::higher;
            else if (*better == "lower")
                item.better = Better::lower;
            else
                issue(json::child(p, "better"), "unknown value " + in_quotes(*better) + "; allowed: higher, lower");
        }
        read_states(item, o, p);
        if (precision && precision->micros() <= 0) {
            issue(json::child(p, "precision"), "must be greater than 0");
            precision.reset();
        }
        if (min && max && *min > *max) issue(json::child(p, "max"), "must not be below min (" + min->to_string() + ")");
        if (precision && min && !min->is_multiple_of(*precision))
            issue(json::child(p, "min"), "must be a multiple of the precision " + precision->to_string());
        if (precision && max && !max->is_multiple_of(*precision))
            issue(json::child(p, "max"), "must be a multiple of the precision " + precision->to_string());
        if (m_issues.size() != before || !min || !max || !precision) return;
        item.min = *min;
        item.max = *max;
        item.precision = *precision;
        info.unit = item.unit;
        info.better = item.better;
        info.domain = Domain{item.min, item.max, item.precision, item.unit, true};
        info.multi_trial = item.trials > 1;
        info.measurement_item = true;
        for (std::size_t s = 0; s < k_trial_state_count; ++s) info.states[s] = item.states[s].allowed;
    }
    item.first_trial = m_instrument.trial_count;
    m_instrument.trial_count += static_cast<std::size_t>(item.trials);
    if (item.trials == 1 && (item.type == ItemType::measurement || item.scored))
        m_instrument.slot_copies.emplace_back(static_cast<Slot>(m_instrument.items.size()),
                                              static_cast<std::uint32_t>(item.first_trial));
    add_slot(item.id, p, info);
    m_instrument.items.push_back(std::move(item));
}

void InstrumentReader::read_choice(Item& item, const ObjectPtr& o, const std::string& p)
{
    const bool has_set = o->has("answer_set");
    const bool has_options = o->has("options");
    if (has_set == has_options) {
        issue(p, "a choice item needs either \"answer_set\" or \"options\", not both or neither");
        return;
    }
    std::string set_id;
    if (has_set) {
        auto set = get_string(o, "answer_set", p, true);
        if (!set) return;
        auto it = m_answer_sets.find(*set);
        if (it == m_answer_sets.end()) {
            issue(json::child(p, "answer_set"), "unknown answer set " + in_quotes(*set));
            return;
        }
        set_id = *set;
        item.options = it->second.options;
    }
    else {
        ArrayPtr options = get_array(o, "options", p, true);
        if (!options) return;
        auto read = read_options(options, json::child(p, "options"));
        if (!read) return;
        item.options = std::move(*read);
    }
    if (auto map = get_string(o, "point_map", p, false)) {
        auto it = m_point_maps.find(*map);
        if (it == m_point_maps.end()) {
            issue(json::child(p, "point_map"), "unknown point map " + in_quotes(*map));
        }
        else if (it->second.answer_set != set_id) {
            issue(json::child(p, "point_map"), "point map " + in_quotes(*map) + " is for answer set " +
                                                   in_quotes(it->second.answer_set) + ", not this item's answers");
        }
        else {
            for (AnswerOption& opt : item.options) opt.points = it->second.points.at(opt.code);
        }
    }
    const std::size_t with_points = static_cast<std::size_t>(std::count_if(
        item.options.begin(), item.options.end(), [](const AnswerOption& a) { return a.points.has_value(); }));
    if (with_points != 0 && with_points != item.options.size()) {
        issue(p, "either every option has points or none has");
        return;
    }
    item.scored = with_points != 0;
    if (get_bool(o, "reversed", p).value_or(false)) {
        if (!item.scored) {
            issue(json::child(p, "reversed"), "only an item whose options have points can be reversed");
            return;
        }
        Decimal lo = *item.options.front().points, hi = lo;
        for (const AnswerOption& opt : item.options) {
            lo = std::min(lo, *opt.points);
            hi = std::max(hi, *opt.points);
        }
        for (AnswerOption& opt : item.options) opt.points = lo + hi - *opt.points;
    }
}

void InstrumentReader::read_states(Item& item, const ObjectPtr& o, const std::string& p)
{
    ObjectPtr states = get_object(o, "states", p, false);
    if (!states) return;
    const std::string sp = json::child(p, "states");
    for (const auto& entry : *states) {
        const std::string ep = json::child(sp, entry.first);
        auto state = trial_state_from_string(entry.first);
        if (!state) {
            issue(ep, "unknown state; allowed: unable, not_attempted, used_arms");
            continue;
        }
        ObjectPtr rule = object_at(entry.second, ep);
        if (!rule) continue;
        check_fields(rule, ep, {"reasons"});
        StateRule& r = item.states[static_cast<std::size_t>(*state)];
        r.allowed = true;
        if (ArrayPtr reasons = get_array(rule, "reasons", ep, false)) {
            for (std::size_t i = 0; i < reasons->size(); ++i) {
                const Var v = reasons->get(i);
                const std::string rp = json::child(json::child(ep, "reasons"), i);
                if (!v.isString() || !valid_id(v.convert<std::string>())) {
                    issue(rp, "a reason is a code of lowercase letters, digits, '_' or '-'");
                    continue;
                }
                r.reasons.push_back(v.convert<std::string>());
            }
        }
    }
}

void InstrumentReader::read_alternatives(const ObjectPtr& root)
{
    ArrayPtr a = get_array(root, "alternatives", "", false);
    if (!a) return;
    for (std::size_t i = 0; i < a->size(); ++i) {
        const std::string p = json::child("/alternatives", i);
        ObjectPtr o = object_at(a->get(i), p);
        if (!o) continue;
        check_fields(o, p, {"items", "reason"});
        auto reason = get_string(o, "reason", p, true);
        ArrayPtr items = get_array(o, "items", p, true);
        if (!items || !reason) continue;
        Alternatives alt{{}, *reason};
        for (std::size_t j = 0; j < items->size(); ++j) {
            const std::string ip = json::child(json::child(p, "items"), j);
            const Var v = items->get(j);
            const std::string id = v.isString() ? v.convert<std::string>() : std::string{};
            auto it = m_slot_by_id.find(id);
            if (it == m_slot_by_id.end() || it->second >= m_instrument.items.size()) {
                issue(ip, "unknown item " + in_quotes(id));
                continue;
            }
            alt.items.push_back(it->second);
        }
        if (alt.items.size() < 2)
            issue(json::child(p, "items"), "name at least two items");
        else
            m_instrument.alternatives.push_back(std::move(alt));
    }
}

}  // namespace reable::protocol::reading
