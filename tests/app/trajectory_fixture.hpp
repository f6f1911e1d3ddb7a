#pragma once

// What the service tests share: the shipped protocol set, dates from text, and a client with a
// Groningen trajectory.

#include "storage/storage_fixture.hpp"

#include "reable/app/measurement_service.hpp"
#include "reable/app/trajectory_service.hpp"
#include "reable/clock.hpp"
#include "reable/protocol/registry.hpp"

namespace reable::testing {

calendar::Date day(const char* iso);

/// The shipped protocol set, loaded once.
const protocol::Registry& shipped();

/// A client with a Groningen trajectory started on Thursday 1 January 2026 with the whole team;
/// today is 19 February 2026.
struct TrajectoryFixture : StorageFixture {
    FixedClock clock{day("2026-02-19")};
    domain::ClientId client;
    domain::TrajectoryId trajectory;

    TrajectoryFixture();
    app::TrajectoryStartInput start_input() const;
    /// An SPPB at `occasion` on `date`, by `by`.
    app::TestInput sppb(const char* occasion, const char* date, domain::MemberId by) const;
    /// Moves the trajectory in its own committed transaction.
    void move(const char* to, const char* on, const char* reason = "", const char* reason_code = "");
    domain::Trajectory stored();
};

}  // namespace reable::testing
