# Writes the OpenAPI components (server/openapi/components.json) into a C++ source as one string.
file(READ "${INPUT}" text)
file(WRITE "${OUTPUT}" "// Generated from server/openapi/components.json by embed_openapi.cmake. Do not edit.\n"
  "namespace reable::server {\nextern const char* const k_openapi_components;\n"
  "const char* const k_openapi_components = R\"reable_json(${text})reable_json\";\n}\n")
