#include "reable/protocol/instrument.hpp"

#include <array>

namespace reable::protocol {
namespace {

constexpr std::array<std::string_view, 2> k_sex_names{"female", "male"};
constexpr std::array<std::string_view, 3> k_state_names{"unable", "not_attempted", "used_arms"};
constexpr std::array<std::string_view, 10> k_kind_names{
    "value", "best_of_trials", "mean_of_trials", "band",   "stop_rule",
    "sum",   "mean",           "first_present",  "linear", "ratio"};

template <class Enum, std::size_t N>
std::optional<Enum> find_name(const std::array<std::string_view, N>& names, std::string_view text)
{
    for (std::size_t i = 0; i < N; ++i)
        if (names[i] == text) return static_cast<Enum>(i);
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Sex s) { return k_sex_names[static_cast<std::size_t>(s)]; }
std::optional<Sex> sex_from_string(std::string_view text) { return find_name<Sex>(k_sex_names, text); }

std::string_view to_string(TrialState s) { return k_state_names[static_cast<std::size_t>(s)]; }
std::optional<TrialState> trial_state_from_string(std::string_view text)
{
    return find_name<TrialState>(k_state_names, text);
}

std::string_view to_string(ScoreKind k) { return k_kind_names[static_cast<std::size_t>(k)]; }

bool Item::allows_any_state() const
{
    for (const StateRule& rule : states)
        if (rule.allowed) return true;
    return false;
}

int Item::option_index(std::string_view code) const
{
    for (std::size_t i = 0; i < options.size(); ++i)
        if (options[i].code == code) return static_cast<int>(i);
    return -1;
}

const Item* Instrument::find_item(std::string_view item_id) const
{
    for (const Item& item : items)
        if (item.id == item_id) return &item;
    return nullptr;
}

const Score* Instrument::find_score(std::string_view score_id) const
{
    for (const Score& score : scores)
        if (score.id == score_id) return &score;
    return nullptr;
}

const std::string& Instrument::slot_id(Slot slot) const
{
    static const std::string k_age = "age";
    if (slot == k_age_slot) return k_age;
    return slot < items.size() ? items[slot].id : scores[slot - items.size()].id;
}

units::Unit Instrument::slot_unit(Slot slot) const
{
    if (slot < items.size()) return items[slot].type == ItemType::choice ? units::Unit::points : items[slot].unit;
    return scores[slot - items.size()].unit;
}

Better Instrument::slot_better(Slot slot) const
{
    if (slot < items.size()) return items[slot].type == ItemType::choice ? Better::higher : items[slot].better;
    return scores[slot - items.size()].better;
}

Decimal Instrument::slot_precision(Slot slot) const
{
    if (slot < items.size()) return items[slot].type == ItemType::choice ? Decimal::from_int(1) : items[slot].precision;
    return scores[slot - items.size()].precision;
}

bool Instrument::has_unverified_rules() const
{
    auto unverified = [](const std::optional<Provenance>& p) { return p && is_unverified(p->confidence); };
    for (const Score& s : scores)
        if (unverified(s.provenance)) return true;
    for (const Interpretation& i : interpretations) {
        if (is_unverified(i.provenance.confidence)) return true;
        for (const auto& list : {i.bands, i.bands_by_sex[0], i.bands_by_sex[1]})
            for (const LabelBand& b : list)
                if (unverified(b.provenance)) return true;
    }
    for (const NormTable& n : norms) {
        if (is_unverified(n.provenance.confidence)) return true;
        for (const NormRow& r : n.rows)
            if (unverified(r.provenance)) return true;
    }
    for (const MinimalImportantChange& m : changes)
        if (is_unverified(m.provenance.confidence)) return true;
    return false;
}

}  // namespace reable::protocol
