#pragma once

#include "reable/clock.hpp"
#include "reable/domain/client.hpp"
#include "reable/domain/melding.hpp"
#include "reable/storage/database.hpp"

#include <string>
#include <vector>

namespace reable::app {

/// A new client as a front end collects it: text, checked here.
struct ClientInput {
    std::string bsn;
    std::string name;
    std::string birth_date;
    std::string sex;
    std::string municipality;  ///< CBS code, e.g. GM0014
    std::string area;
    std::string household = "single";
    std::string household_size = "1";
    std::string dwelling = "apartment";
    std::string rooms_in_use = "0";
    std::string rooms_not_in_use = "0";
    std::string pets = "0";
    /// One informal carer each: "relationship:hours_per_week" or "relationship:hours_per_week:lives_in".
    std::vector<std::string> carers;
};

/// Checks every field (the BSN with the elfproef, the birth date not in the future and giving an
/// age of 18 to 120, the area registered in the municipality …) and stores the client.
/// Error{invalid_input} lists every problem; Error{conflict} when the BSN is already registered.
domain::ClientId add_client(storage::UnitOfWork& work, const Clock& clock, const ClientInput& input);

/// The client, or Error{not_found}.
domain::Client require_client(storage::UnitOfWork& work, std::int64_t client);

/// A melding received on `received_on` (not in the future), with the minutes of household help
/// per week the client asked for when given (`hh_minutes_requested`: a whole number 1..10080;
/// empty: not recorded). Error{invalid_input} lists every problem.
domain::MeldingId add_melding(storage::UnitOfWork& work, const Clock& clock, std::int64_t client,
                              const std::string& received_on, const std::string& hh_minutes_requested = "");

/// Records the steps of a melding; empty strings leave a step as it is. The order of the steps
/// is checked: onderzoek and aanvraag not before the melding, the decision not before the aanvraag.
/// A non-empty `hh_minutes_requested` (1..10080) records or corrects the minutes asked for.
void update_melding(storage::UnitOfWork& work, const Clock& clock, std::int64_t melding,
                    const std::string& onderzoek_done_on, const std::string& aanvraag_on,
                    const std::string& decided_on, const std::string& hh_minutes_requested = "");

/// A melding with the state of its legal deadlines on a day.
struct MeldingStatus {
    domain::Melding melding;
    std::vector<domain::Deadline> deadlines;
    bool overdue() const;
};

/// Every melding (of one client, or all), with its deadlines as of `clock.today()`.
std::vector<MeldingStatus> melding_report(storage::UnitOfWork& work, const Clock& clock,
                                          std::optional<std::int64_t> client);

}  // namespace reable::app
