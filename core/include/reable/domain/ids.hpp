#pragma once

#include <compare>
#include <cstdint>
#include <ostream>

namespace reable::domain {

/// A typed row id: a ClientId cannot be passed where a MemberId is expected.
template <class Tag>
struct Id {
    std::int64_t value = 0;
    auto operator<=>(const Id&) const = default;
    friend std::ostream& operator<<(std::ostream& os, Id id) { return os << id.value; }
};

using MunicipalityId = Id<struct MunicipalityTag>;
using AreaId = Id<struct AreaTag>;
using TeamId = Id<struct TeamTag>;
using MemberId = Id<struct MemberTag>;
using ClientId = Id<struct ClientTag>;
using MeldingId = Id<struct MeldingTag>;
using TrajectoryId = Id<struct TrajectoryTag>;
using SessionId = Id<struct SessionTag>;
using SignalId = Id<struct SignalTag>;
using TestResultId = Id<struct TestResultTag>;
using GoalId = Id<struct GoalTag>;
using OnderzoekId = Id<struct OnderzoekTag>;
using DecisionId = Id<struct DecisionTag>;

}  // namespace reable::domain
