#include "app/trajectory_fixture.hpp"

#include "reable/app/protocol_set.hpp"
#include "reable/scoring/json_io.hpp"

namespace reable::testing {

calendar::Date day(const char* iso)
{
    return *calendar::parse_iso_date(iso);
}

const protocol::Registry& shipped()
{
    static const protocol::Registry registry = app::load_registry(REABLE_SOURCE_PROTOCOLS_DIR);
    return registry;
}

TrajectoryFixture::TrajectoryFixture()
{
    auto work = db->write();
    client = add_client(*work);
    trajectory = app::start_trajectory(*work, shipped(), start_input());
    work->commit();
}

app::TrajectoryStartInput TrajectoryFixture::start_input() const
{
    app::TrajectoryStartInput in;
    in.client = client.value;
    in.template_id = "groningen-14w-2y";
    in.start = "2026-01-01";
    in.members = {ergo.value, physio.value, helper.value, social.value};
    return in;
}

app::TestInput TrajectoryFixture::sppb(const char* occasion, const char* date, domain::MemberId by) const
{
    app::TestInput t;
    t.trajectory = trajectory.value;
    t.member = by.value;
    t.occasion = occasion;
    t.instrument = "sppb";
    t.date = date;
    t.items = scoring::read_scoring_input(R"({"items": {"balance_side_by_side": 10, "balance_semi_tandem": 10,
        "balance_tandem": 4.31, "gait_4m": [6.48, 6.20], "chair_stand_5x": 14.02}})")
                  .items;
    return t;
}

void TrajectoryFixture::move(const char* to, const char* on, const char* reason, const char* reason_code)
{
    auto work = db->write();
    app::move_trajectory(*work, clock, trajectory.value, to, on, reason, reason_code);
    work->commit();
}

domain::Trajectory TrajectoryFixture::stored()
{
    return *db->read()->trajectories().find(trajectory);
}

}  // namespace reable::testing
