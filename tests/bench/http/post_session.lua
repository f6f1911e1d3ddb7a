-- POST one session log per request, each for a (trajectory, date) pair no other request uses, so
-- that the server's "one session per member, trajectory, date and kind" rule never answers 409.
--   BENCH_LUA_DIR     this directory (for count_status.lua)
--   BENCH_TOKEN       bearer token
--   BENCH_MEMBER      member_id of the logged-in team member
--   BENCH_TRAJ        comma-separated id:days pairs: a trajectory and how many days before
--                     BENCH_LAST_DATE it started (so dates from BENCH_LAST_DATE back to its start are valid)
--   BENCH_LAST_DATE   the latest date to log (YYYY-MM-DD; yesterday)
--   BENCH_KIND        session kind (default phone: no trajectory template plans phone sessions, so
--                     the seeded cohort holds none to collide with)
--   BENCH_REVERSE     1: take the pairs from the far end (the warm-up), so the measured run that
--                     follows never repeats a pair
--   BENCH_WRK_THREADS wrk's -t: thread k takes pairs k, k+T, k+2T, …
-- Pairs run date by date from BENCH_LAST_DATE backwards, over every trajectory valid on that date.
-- Once all are used they repeat, and the server answers 409: counted as errors, never hidden.

dofile(os.getenv("BENCH_LUA_DIR") .. "/count_status.lua")

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then wrk.headers["Authorization"] = "Bearer " .. token end

local member = os.getenv("BENCH_MEMBER") or "0"
local kind = os.getenv("BENCH_KIND") or "phone"
local reverse = os.getenv("BENCH_REVERSE") == "1"
local step = tonumber(os.getenv("BENCH_WRK_THREADS") or "1")
local max_pairs = 400000

local slot_traj, slot_date = {}, {}
local n = 0

function init(args)
   local trajectories, ages, oldest = {}, {}, 0
   for id, age in string.gmatch(os.getenv("BENCH_TRAJ") or "", "(%d+):(%d+)") do
      trajectories[#trajectories + 1] = id
      ages[#ages + 1] = tonumber(age)
      if tonumber(age) > oldest then oldest = tonumber(age) end
   end
   local y, m, d = string.match(os.getenv("BENCH_LAST_DATE") or "", "^(%d%d%d%d)-(%d%d)-(%d%d)$")
   assert(y, "BENCH_LAST_DATE must be YYYY-MM-DD")
   local noon = os.time({ year = tonumber(y), month = tonumber(m), day = tonumber(d), hour = 12 })
   for back = 0, oldest do
      local day = os.date("%Y-%m-%d", noon - back * 86400)
      for i = 1, #trajectories do
         if ages[i] >= back then
            slot_traj[#slot_traj + 1] = trajectories[i]
            slot_date[#slot_date + 1] = day
         end
      end
      if #slot_traj >= max_pairs then break end
   end
   assert(#slot_traj > 0, "BENCH_TRAJ gives no (trajectory, date) pair")
   n = thread_index or 0
end

function request()
   local i = n % #slot_traj
   if reverse then i = #slot_traj - 1 - i end
   n = n + step
   local body = '{"member_id":' .. member .. ',"date":"' .. slot_date[i + 1] .. '","minutes":45,"kind":"' ..
                kind .. '","attendance":"attended"}'
   return wrk.format(nil, "/api/v1/trajectories/" .. slot_traj[i + 1] .. "/sessions", nil, body)
end
