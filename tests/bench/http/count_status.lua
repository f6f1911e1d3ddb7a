-- Shared by the HTTP benchmark scripts (loaded with dofile): counts the responses of every wrk
-- thread by status and, at the end, prints one machine-readable line that http_bench.sh reads:
--
--   BENCH requests=… duration_us=… rps=… p50_us=… p90_us=… p99_us=… max_us=… non2xx=…
--         connect=… read=… write=… timeout=… statuses=201:1234,409:2
--
-- Latencies are wrk's, in whole microseconds. Every status outside 200..299 is an error here
-- (wrk's own "Non-2xx or 3xx responses" only counts statuses ≥ 400).

local threads = {}

function setup(thread)
   thread:set("thread_index", #threads)  -- 0-based, before the thread's init() runs
   table.insert(threads, thread)
end

statuses = {}

function response(status, headers, body)
   statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
   local counts = {}
   for _, thread in ipairs(threads) do
      local s = thread:get("statuses")
      if s then
         for status, n in pairs(s) do counts[status] = (counts[status] or 0) + n end
      end
   end
   local non2xx, parts, keys = 0, {}, {}
   for status in pairs(counts) do table.insert(keys, status) end
   table.sort(keys)
   for _, status in ipairs(keys) do
      if status < 200 or status > 299 then non2xx = non2xx + counts[status] end
      table.insert(parts, status .. ":" .. counts[status])
   end
   local e = summary.errors
   io.write(string.format(
      "BENCH requests=%d duration_us=%d rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d non2xx=%d " ..
      "connect=%d read=%d write=%d timeout=%d statuses=%s\n",
      summary.requests, summary.duration, summary.requests / summary.duration * 1e6,
      latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max, non2xx,
      e.connect, e.read, e.write, e.timeout, #parts > 0 and table.concat(parts, ",") or "none"))
end
