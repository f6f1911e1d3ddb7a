#pragma once

#include "reable/calendar.hpp"
#include "reable/domain/ids.hpp"

#include <optional>
#include <string_view>

namespace reable::domain {

/// How much a client's limitations add to the work in the home (the KPMG/HHM meerposten
/// "enige extra inzet" and "veel extra inzet").
enum class Limitation { none, some, much };
std::string_view to_string(Limitation v);
std::optional<Limitation> parse_limitation(std::string_view code);

/// Dementia as diagnosed; moderate and severe exclude from reablement under every shipped policy.
enum class Dementia { none, mild, moderate, severe };
std::string_view to_string(Dementia v);
std::optional<Dementia> parse_dementia(std::string_view code);

/// What the access team found in the onderzoek (Wmo 2015 art. 2.3.2): the facts the decision
/// rules read. Household size, extra rooms and pets come from the client record; everything
/// here is what only a conversation at home establishes. A client may have several; the newest
/// (by date, then by id) counts.
struct OnderzoekFindings {
    OnderzoekId id;
    ClientId client;
    calendar::Date recorded_on;

    bool concerns_household_help = true;  ///< the request is for HH (productcategorie 01)

    // Exclusions from the reablement target group.
    bool terminal = false;
    bool bedbound = false;
    std::optional<int> cognitive_screen;  ///< MMSE-type score 0–30, when screened
    Dementia dementia = Dementia::none;
    bool serious_psychiatric = false;
    bool needs_institutional_care = false;  ///< institutional rehab, nursing home or Wlz
    bool cannot_communicate = false;        ///< and no interpreter arrangement

    // Inclusions.
    std::optional<calendar::Date> decline_since;  ///< onset of the functional decline
    bool decline_recoverable = false;             ///< the stated cause is recoverable
    bool household_goal = false;                  ///< names at least one household goal

    // Urgency and availability.
    bool acute_need = false;  ///< a safety or hygiene risk now and no network to cover it
    std::optional<int> reablement_wait_days;  ///< days until reablement can start; unknown when empty

    // What the client (with network and gebruikelijke hulp) still does, and what remains.
    bool does_light_tasks = false;
    bool does_medium_tasks = false;
    Limitation limitation = Limitation::none;
    bool small_dwelling = false;  ///< a small home or a care studio
    bool network_covers_all = false;  ///< network, gebruikelijke hulp or an algemene voorziening cover every task
    bool dropout_medical = false;     ///< a dropout from reablement was for a medical reason
};

}  // namespace reable::domain
