#pragma once

#include "reable/protocol/instrument.hpp"
#include "reable/protocol/policy.hpp"
#include "reable/protocol/trajectory.hpp"

#include <string_view>
#include <vector>

namespace reable::protocol {

/// The validated, immutable set of instruments and trajectory templates a program runs with.
/// Built once at start-up; instruments and templates keep their addresses for the registry's
/// lifetime (observations and plans point at them).
class Registry {
public:
    Registry() = default;
    explicit Registry(std::vector<Instrument> instruments, std::vector<TrajectoryTemplate> trajectories = {},
                      std::vector<Policy> policies = {}, std::vector<HhNorms> norms = {});
    Registry(const Registry&) = delete;
    Registry& operator=(const Registry&) = delete;
    Registry(Registry&&) = default;
    Registry& operator=(Registry&&) = default;

    /// The newest version of an instrument. Throws Error{not_found} naming the known ids.
    const Instrument& instrument(std::string_view id) const;
    /// One exact version. Throws Error{not_found}.
    const Instrument& instrument(std::string_view id, std::string_view version) const;
    /// All instruments, ordered by id and then by version.
    const std::vector<Instrument>& instruments() const { return m_instruments; }

    /// The newest version of a trajectory template. Throws Error{not_found} naming the known ids.
    const TrajectoryTemplate& trajectory(std::string_view id) const;
    /// One exact version. Throws Error{not_found}.
    const TrajectoryTemplate& trajectory(std::string_view id, std::string_view version) const;
    /// All trajectory templates, ordered by id and then by version.
    const std::vector<TrajectoryTemplate>& trajectories() const { return m_trajectories; }
    /// Whether some version of a trajectory template with this id is loaded.
    bool has_trajectory(std::string_view id) const;

    /// The newest version of a decision policy. Throws Error{not_found} naming the known ids.
    const Policy& policy(std::string_view id) const;
    /// One exact version. Throws Error{not_found}.
    const Policy& policy(std::string_view id, std::string_view version) const;
    const std::vector<Policy>& policies() const { return m_policies; }

    /// The newest version of a household-help norm table. Throws Error{not_found}.
    const HhNorms& norms(std::string_view id) const;
    /// One exact version. Throws Error{not_found}.
    const HhNorms& norms(std::string_view id, std::string_view version) const;
    const std::vector<HhNorms>& norm_tables() const { return m_norms; }

private:
    std::vector<Instrument> m_instruments;
    std::vector<TrajectoryTemplate> m_trajectories;
    std::vector<Policy> m_policies;
    std::vector<HhNorms> m_norms;
};

/// Orders "1.10.0" after "1.9.0".
bool version_less(std::string_view a, std::string_view b);

}  // namespace reable::protocol
