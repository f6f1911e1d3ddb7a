#pragma once

// The request pipeline, once for every route: parse and check the request line, route, read the
// body within the size limit, authenticate, authorise by role, run the handler in one
// transaction, write the audit lines, answer (problem+json on any error), log and count.

#include "http/request_context.hpp"
#include "infra/json_log.hpp"
#include "infra/metrics.hpp"

#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>

namespace reable::server {

struct DispatchSettings {
    std::size_t max_body_bytes = 1 << 20;
};

class Dispatcher final : public Poco::Net::HTTPRequestHandlerFactory {
public:
    Dispatcher(ServerContext& context, DispatchSettings settings, JsonLog& access_log, JsonLog& error_log)
        : m_context(context), m_settings(settings), m_access_log(access_log), m_error_log(error_log)
    {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    ServerContext& m_context;
    DispatchSettings m_settings;
    JsonLog& m_access_log;
    JsonLog& m_error_log;
};

}  // namespace reable::server
