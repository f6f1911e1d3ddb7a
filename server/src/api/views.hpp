#pragma once

// Domain values as API JSON: snake_case fields, ISO dates, ids as numbers. Identity (name, BSN)
// appears only where a handler passes it in.

#include "http/router.hpp"

#include "reable/app/trajectory_service.hpp"
#include "reable/domain/audit.hpp"
#include "reable/domain/client.hpp"
#include "reable/domain/measurement.hpp"
#include "reable/domain/melding.hpp"
#include "reable/domain/organisation.hpp"
#include "reable/domain/session.hpp"
#include "reable/domain/user.hpp"
#include "reable/storage/repositories.hpp"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include <optional>

namespace reable::server::views {

using Poco::JSON::Array;
using Poco::JSON::Object;

Object::Ptr object();
Response json(const Object::Ptr& body, int status = 200);
Response json_text(std::string body, int status = 200);
/// {"items": [...], "total": n, "limit": l, "offset": o}
Object::Ptr page(const Array::Ptr& items, std::size_t total, const storage::Page& page);

/// `identity`: the name (and, with `with_bsn`, the BSN) for users who work with the person.
Object::Ptr client(const domain::Client& c, const std::optional<domain::ClientIdentity>& identity, bool with_bsn);
Object::Ptr trajectory(const domain::Trajectory& t);
Object::Ptr trajectory_view(const app::TrajectoryView& v);
Object::Ptr session(const domain::Session& s);
Object::Ptr signal(const domain::Signal& s);
Object::Ptr test_result(const domain::TestResult& r);
Object::Ptr goal(const domain::Goal& g);
Object::Ptr melding(const domain::Melding& m);
Object::Ptr team(const domain::Team& t);
Object::Ptr member(const domain::Member& m);
Object::Ptr user(const domain::User& u);
Object::Ptr audit_event(const domain::AuditEvent& e);

}  // namespace reable::server::views
