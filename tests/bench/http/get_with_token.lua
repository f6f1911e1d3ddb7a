-- GET with an optional bearer token, cycling over ids when given (wrk -s get_with_token.lua URL).
--   BENCH_LUA_DIR     this directory (for count_status.lua)
--   BENCH_TOKEN       bearer token; none: no Authorization header
--   BENCH_IDS         comma-separated ids; none: every request goes to the URL's path
--   BENCH_PATH_PREFIX path the id is appended to, e.g. /api/v1/trajectories/
--   BENCH_WRK_THREADS wrk's -t, so that the threads start at different ids

dofile(os.getenv("BENCH_LUA_DIR") .. "/count_status.lua")

local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

local ids = {}
for id in string.gmatch(os.getenv("BENCH_IDS") or "", "%d+") do ids[#ids + 1] = id end

if #ids > 0 then
   local prefix = os.getenv("BENCH_PATH_PREFIX") or "/"
   local step = tonumber(os.getenv("BENCH_WRK_THREADS") or "1")
   local n = 0

   function init(args)
      n = thread_index or 0
   end

   function request()
      local id = ids[n % #ids + 1]
      n = n + step
      return wrk.format("GET", prefix .. id)
   end
end
