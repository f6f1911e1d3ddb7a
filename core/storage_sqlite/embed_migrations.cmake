# Compiles migrations/NNNN_name.sql into a C++ table, so the program carries its schema and cannot
# run against SQL files from another version. Runs at configure time; editing or adding a .sql
# file re-runs it. Migrations are append-only: numbered from 0001 without gaps.
function(reable_embed_migrations out_file)
  file(GLOB files CONFIGURE_DEPENDS "${CMAKE_CURRENT_SOURCE_DIR}/migrations/*.sql")
  list(SORT files)
  set(entries "")
  set(expected 1)
  foreach(file IN LISTS files)
    get_filename_component(name "${file}" NAME_WE)
    string(REGEX MATCH "^([0-9][0-9][0-9][0-9])_[a-z0-9_]+$" matched "${name}")
    if(NOT matched)
      message(FATAL_ERROR "migration file name ${name}.sql is not NNNN_lowercase_name.sql")
    endif()
    math(EXPR version "${CMAKE_MATCH_1}")
    if(NOT version EQUAL expected)
      message(FATAL_ERROR "migration ${name}.sql: expected number ${expected}; migrations are numbered without gaps")
    endif()
    math(EXPR expected "${expected} + 1")
    file(READ "${file}" sql)
    string(APPEND entries "    {${version}, \"${name}\", R\"reable_sql(${sql})reable_sql\"},\n")
  endforeach()
  file(CONFIGURE OUTPUT "${out_file}" CONTENT
"// Generated from core/storage_sqlite/migrations/*.sql by embed_migrations.cmake. Do not edit.
#include \"migrations.hpp\"

namespace reable::storage_sqlite {
namespace {
constexpr Migration k_migrations[] = {
${entries}};
}  // namespace

std::span<const Migration> migrations() { return k_migrations; }

}  // namespace reable::storage_sqlite
" @ONLY)
endfunction()
