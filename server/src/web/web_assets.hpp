#pragma once

// The web interface's files, compiled into the server (see server/embed_web.cmake).

#include <string_view>
#include <vector>

namespace reable::server {

struct WebAsset {
    std::string_view name;  ///< "index.html", "app.js"
    std::string_view media_type;
    std::string_view body;
};

const std::vector<WebAsset>& web_assets();

}  // namespace reable::server
