#include "reable/protocol/trajectory.hpp"

namespace reable::protocol {

std::string_view to_string(Anchor anchor) { return anchor == Anchor::start ? "start" : "training_end"; }

std::optional<Anchor> anchor_from_string(std::string_view text)
{
    if (text == "start") return Anchor::start;
    if (text == "training_end") return Anchor::training_end;
    return std::nullopt;
}

const Phase* TrajectoryTemplate::find_phase(std::string_view phase_id) const
{
    for (const Phase& phase : phases)
        if (phase.id == phase_id) return &phase;
    return nullptr;
}

const Occasion* TrajectoryTemplate::find_occasion(std::string_view occasion_id) const
{
    for (const Occasion& occasion : occasions)
        if (occasion.id == occasion_id) return &occasion;
    return nullptr;
}

std::vector<const Provenance*> TrajectoryTemplate::provenances() const
{
    std::vector<const Provenance*> all{&training_weeks.provenance, &grace_days.provenance};
    for (const Phase& phase : phases)
        all.push_back(phase.weeks ? &phase.weeks->provenance : &phase.months_after_training->provenance);
    for (const SessionPlan& plan : session_plans)
        for (const Provenance* p : {&plan.weeks.provenance, &plan.per_week.provenance, &plan.minutes.provenance})
            all.push_back(p);
    for (const Occasion& occasion : occasions) {
        all.push_back(&occasion.offset.provenance);
        all.push_back(&occasion.window.provenance);
        for (const OccasionInstrument& instrument : occasion.instruments) all.push_back(&instrument.provenance);
    }
    return all;
}

ProvenanceCounts TrajectoryTemplate::provenance_counts() const
{
    ProvenanceCounts counts;
    for (const Provenance* p : provenances()) {
        if (is_sourced(p->confidence)) ++counts.sourced;
        if (is_unverified(p->confidence)) ++counts.unverified;
        if (p->confidence == Confidence::documented_default) ++counts.defaults;
    }
    return counts;
}

}  // namespace reable::protocol
