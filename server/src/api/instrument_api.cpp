// Instruments and stateless scoring: reference data, no client data.

#include "api/access_rules.hpp"
#include "api/routes.hpp"
#include "api/views.hpp"

#include "reable/scoring/engine.hpp"
#include "reable/scoring/input.hpp"
#include "reable/scoring/json_io.hpp"
#include "reable/scoring/report.hpp"

namespace reable::server {

namespace {

Response list_instruments(RequestContext& ctx) { return views::json_text(scoring::to_json(ctx.server.registry)); }

Response instrument_form(RequestContext& ctx)
{
    const std::string& id = ctx.param("instrument");
    const std::optional<std::string> version = ctx.query("version");
    const protocol::Instrument& instrument =
        version ? ctx.server.registry.instrument(id, *version) : ctx.server.registry.instrument(id);
    return views::json(views::one(views::instrument_form, instrument));
}

Response score(RequestContext& ctx)
{
    const protocol::Instrument& instrument = ctx.server.registry.instrument(ctx.param("instrument"));
    const scoring::ScoringInput input = scoring::read_scoring_input(ctx.body());
    const scoring::Subject subject = scoring::read_subject(input.subject, ctx.server.clock);
    const scoring::Observation observation = scoring::read_observation(instrument, input.items);
    return views::json_text(
        scoring::to_json(scoring::make_report(observation, subject, scoring::score(observation, subject))));
}

}  // namespace

void add_instrument_routes(Router& router)
{
    router.add({.method = "GET",
                .pattern = "/api/v1/instruments",
                .summary = "The instruments and trajectory templates: versions, items, rule status",
                .tag = "instruments",
                .roles = k_all,
                .response_schema = "Instruments",
                .handler = list_instruments});
    router.add({.method = "GET",
                .pattern = "/api/v1/instruments/{instrument}",
                .summary = "One instrument as a form: items with units, ranges, trials, allowed states and "
                           "answer options; alternatives; scores",
                .tag = "instruments",
                .roles = k_all,
                .query = {{"version", "one exact version (default: the newest)"}},
                .response_schema = "InstrumentForm",
                .handler = instrument_form});
    router.add({.method = "POST",
                .pattern = "/api/v1/instruments/{instrument}/score",
                .summary = "Score one administration of an instrument (nothing is stored)",
                .tag = "instruments",
                .roles = k_all,
                .request_schema = "ScoringInput",
                .response_schema = "ScoreReport",
                .handler = score});
}

}  // namespace reable::server
