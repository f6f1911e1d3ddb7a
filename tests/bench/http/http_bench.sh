#!/usr/bin/env bash
# HTTP benchmark of the web service, on demand, loopback only, bounded in time (< 3 min):
#
#   http_bench.sh BUILD_DIR [--bare-only | --prepare-only]
#   (or: cmake --build build --target http_bench)
#
# All in one run, each with wrk -t2 -c32 for BENCH_DURATION s after a BENCH_WARMUP s warm-up:
#   (a)    GET /healthz on reable-server (no database: the limit of the server itself)
#   (c)    GET /api/v1/trajectories/{id} (trajectory, occasions, test results with scores), 1,000 clients
#   (b)    POST /api/v1/trajectories/{id}/sessions: auth, validation, audit, durable commit
#   bare   the same POSTs to reable_bare_server: Poco HTTPServer + one raw sqlite3 INSERT per request,
#          WAL + synchronous=FULL like reable-server; and its GET /hello
#   (d)    the GET of (c), same trajectories, on a database grown to 100,000 clients
# Goals (from the issue): (b) ≥ 0.8× bare POST, p99 ≤ 15 ms, 0 errors; (c) ≥ 0.25× (a), p99 ≤ 5 ms;
# (d) p50 at 100,000 clients ≤ 1.5× p50 at 1,000.
#
# Prints one table and writes it to BUILD_DIR/bench/http-bench.txt; wrk's own output of every run
# goes to BUILD_DIR/bench/http-bench-raw/. Errors are every non-2xx response (counted per status
# by count_status.lua) plus wrk's socket errors (connect, read, write, timeout).
# --bare-only runs only the bare server (no reable-server needed); --prepare-only only builds the
# two databases and reports their timing (BENCH_CHECK_DB=1 also runs foreign_key_check and
# integrity_check on the large one).
#
# Settings (environment): BENCH_DURATION=10 BENCH_WARMUP=2 BENCH_CONNECTIONS=32 BENCH_WRK_THREADS=2
# BENCH_SERVER_THREADS=64 BENCH_CLIENTS_SMALL=1000 BENCH_CLIENTS_LARGE=100000 BENCH_SESSION_KIND=phone
# BENCH_KEEP=1 (keep the temporary directory with databases and logs).
# Needs wrk, curl and the sqlite3 shell (Debian: wrk curl sqlite3).
set -euo pipefail

usage() { echo "usage: http_bench.sh BUILD_DIR [--bare-only | --prepare-only]" >&2; exit 2; }
[ $# -ge 1 ] || usage
build=$(cd "$1" && pwd)
mode=${2:-all}
case $mode in all | --bare-only | --prepare-only) ;; *) usage ;; esac

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$(cd "$here/../../.." && pwd)

duration=${BENCH_DURATION:-10}
warmup=${BENCH_WARMUP:-2}
connections=${BENCH_CONNECTIONS:-32}
wrk_threads=${BENCH_WRK_THREADS:-2}
server_threads=${BENCH_SERVER_THREADS:-64}
clients_small=${BENCH_CLIENTS_SMALL:-1000}
clients_large=${BENCH_CLIENTS_LARGE:-100000}
session_kind=${BENCH_SESSION_KIND:-phone}

cli=$build/cli/reable
server=$build/server/reable-server
bare=$build/tests/reable_bare_server

fail() { echo "http_bench: $*" >&2; exit 1; }
for tool in wrk curl sqlite3; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (Debian: apt-get install $tool)"
done
[ -x "$bare" ] || fail "$bare is missing: cmake --build $build --target reable_bare_server"
if [ "$mode" != --bare-only ]; then
  [ -x "$cli" ] || fail "$cli is missing: cmake --build $build --target reable"
fi
if [ "$mode" = all ]; then
  [ -x "$server" ] || fail "$server is missing: build it first (cmake --build $build --target reable-server)"
fi

out_dir=$build/bench
raw_dir=$out_dir/http-bench-raw
mkdir -p "$raw_dir"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reable-http-bench.XXXXXX")
server_pid=""

stop_server() {
  [ -n "$server_pid" ] || return 0
  local pid=$server_pid
  server_pid=""
  kill -TERM "$pid" 2>/dev/null || return 0
  for _ in $(seq 100); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    echo "http_bench: server $pid did not stop within 10 s of SIGTERM; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  wait "$pid" 2>/dev/null || echo "http_bench: server $pid exited with status $?" >&2
}
cleanup() {
  stop_server
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "http_bench: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Starts a server in the background (its command line as arguments, with --port-file last) and
# sets $port once it listens.
start_server() {
  local name=$1
  shift
  local port_file=$tmp/$name.port
  rm -f "$port_file"
  "$@" --port-file "$port_file" >"$tmp/$name.stdout" 2>"$tmp/$name.stderr" &
  server_pid=$!
  for _ in $(seq 300); do
    [ -s "$port_file" ] && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/$name.stderr" >&2; server_pid=""; fail "$name exited at start-up"; }
    sleep 0.1
  done
  [ -s "$port_file" ] || fail "$name did not write its port within 30 s"
  port=$(tr -dc 0-9 <"$port_file")
}

# json FILE PATH: one value out of a JSON file (the sqlite3 shell's JSON functions; no jq needed).
json() { sqlite3 -batch -noheader :memory: "SELECT json_extract(readfile('$1'), '$2')"; }

# http METHOD PATH [BODY]: a request to the running server; the body lands in $tmp/response.json,
# and anything but 2xx fails the run with the server's answer.
http() {
  local method=$1 path=$2 body=${3:-} status
  local args=(-sS -o "$tmp/response.json" -w '%{http_code}' -X "$method" "http://127.0.0.1:$port$path")
  [ -n "${token:-}" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$body" ] && args+=(-H 'Content-Type: application/json' --data "$body")
  status=$(curl "${args[@]}") || fail "$method $path: no answer"
  case $status in 2??) ;; *) fail "$method $path answered $status: $(head -c 400 "$tmp/response.json")" ;; esac
}

login() {
  token=""
  http POST /api/v1/auth/login '{"username":"fysio","password":"reable-demo"}'
  token=$(json "$tmp/response.json" '$.token')
  [ -n "$token" ] || fail "login gave no token"
}

# run NAME SCRIPT PATH [env assignments…]: warm-up, then the measured run; appends NAME and its
# BENCH figures to $tmp/results.
run() {
  local name=$1 script=$2 path=$3
  shift 3
  local url="http://127.0.0.1:$port$path"
  local common=(BENCH_LUA_DIR="$here" BENCH_WRK_THREADS="$wrk_threads" "$@")
  echo "http_bench: $name: ${warmup}s warm-up, ${duration}s run …"
  env "${common[@]}" BENCH_REVERSE=1 \
    wrk -t"$wrk_threads" -c"$connections" -d"${warmup}s" --timeout 5s -s "$here/$script" "$url" \
    >"$raw_dir/$name.warmup.txt" 2>&1 || fail "wrk (warm-up of $name) failed: $(tail -3 "$raw_dir/$name.warmup.txt")"
  env "${common[@]}" \
    wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --timeout 5s --latency -s "$here/$script" "$url" \
    >"$raw_dir/$name.txt" 2>&1 || fail "wrk ($name) failed: $(tail -3 "$raw_dir/$name.txt")"
  local line warm
  line=$(grep '^BENCH ' "$raw_dir/$name.txt") || fail "no BENCH line in $raw_dir/$name.txt"
  warm=$(grep -o '^BENCH requests=[0-9]*' "$raw_dir/$name.warmup.txt" | cut -d= -f2) || warm=0
  echo "$name ${line#BENCH } warmup_requests=$warm" >>"$tmp/results"
}

# ---------------------------------------------------------------------------------------------
# Databases: a seeded small one; the large one is the small one grown by cloning (grow_db.sh).
small_db=$tmp/small.db
large_db=$tmp/large.db
bare_db=$tmp/bare.db
prepare_note=""
if [ "$mode" != --bare-only ]; then
  t0=$(now)
  "$cli" --db "$small_db" db migrate >"$tmp/prepare.log"
  "$cli" --db "$small_db" demo seed --clients "$clients_small" --seed 7 >>"$tmp/prepare.log"
  if [ "$mode" = all ]; then "$cli" --db "$small_db" demo users >>"$tmp/prepare.log"; fi
  seed_s=$(elapsed "$t0")
  t0=$(now)
  "$here/grow_db.sh" "$small_db" "$large_db" "$clients_large" >>"$tmp/prepare.log"
  grow_s=$(elapsed "$t0")
  prepare_note="databases: $clients_small clients seeded in ${seed_s} s ($(du -m "$small_db" | cut -f1) MB); grown to $clients_large clients by cloning in ${grow_s} s ($(du -m "$large_db" | cut -f1) MB)"
  echo "http_bench: $prepare_note"
  cat "$tmp/prepare.log"
  [ "$mode" = --prepare-only ] && exit 0
fi

: >"$tmp/results"
yesterday=$(date -d yesterday +%F)

# ---------------------------------------------------------------------------------------------
# reable-server on the small database: (a), (c), (b).
server_args=(--protocols "$source_dir/protocols" --bind 127.0.0.1 --port 0 --threads "$server_threads")
if [ "$mode" = all ]; then
  start_server reable-server-1k "$server" --db "$small_db" "${server_args[@]}" \
    --access-log "$tmp/access-1k.log" --error-log "$tmp/error-1k.log"
  login
  http GET /api/v1/me
  member_id=$(json "$tmp/response.json" '$.member_id')
  [ -n "$member_id" ] || fail "GET /api/v1/me gave no member_id (is fysio a team member?)"
  http GET '/api/v1/trajectories?status=active&limit=500'
  total_small=$(json "$tmp/response.json" '$.total')
  ids=$(sqlite3 -batch -noheader :memory: \
    "SELECT group_concat(json_extract(value, '$.id')) FROM json_each(readfile('$tmp/response.json'), '$.items')")
  [ -n "$ids" ] || fail "GET /api/v1/trajectories?status=active gave no trajectories for fysio"
  http GET "/api/v1/trajectories/${ids%%,*}"  # the GET of (c) works before it is measured
  # For the POSTs: how many days before yesterday each trajectory started (sessions may be logged
  # from its start on); the list's ids, the start dates from the database.
  traj_ages=$(sqlite3 -batch -noheader "$small_db" \
    "SELECT group_concat(id || ':' || CAST(julianday('$yesterday') - julianday(start_date) AS INTEGER))
     FROM trajectory WHERE id IN ($ids) AND start_date <= '$yesterday' AND ended_on IS NULL")
  [ -n "$traj_ages" ] || fail "none of the active trajectories started before $yesterday"
  pairs=$(awk -v s="$traj_ages" 'BEGIN { n = split(s, a, ","); t = 0; for (i = 1; i <= n; i++) { split(a[i], p, ":"); t += p[2] + 1 } print t }')
  n_ids=$(awk -F, '{ print NF }' <<<"$ids")

  run a-healthz get_with_token.lua /healthz
  run c-get-1k get_with_token.lua / BENCH_TOKEN="$token" BENCH_IDS="$ids" BENCH_PATH_PREFIX=/api/v1/trajectories/
  post_env=(BENCH_TOKEN="$token" BENCH_MEMBER="$member_id" BENCH_TRAJ="$traj_ages" BENCH_LAST_DATE="$yesterday"
            BENCH_KIND="$session_kind")
  run b-post-session post_session.lua / "${post_env[@]}"
  stop_server
fi

# ---------------------------------------------------------------------------------------------
# The bare baseline: the same POST requests (same headers, bodies and paths), then GET /hello.
if [ "$mode" = --bare-only ]; then
  # No reable-server: made-up trajectories (the bare server stores any body), same request shape.
  member_id=2
  token=$(printf '%064d' 0)
  traj_ages=$(seq -s, 1 300 | sed 's/\([0-9]*\)/\1:400/g')
fi
start_server bare "$bare" --db "$bare_db" --port 0 --threads "$server_threads"
post_env=(BENCH_TOKEN="$token" BENCH_MEMBER="$member_id" BENCH_TRAJ="$traj_ages" BENCH_LAST_DATE="$yesterday"
          BENCH_KIND="$session_kind")
run bare-post post_session.lua / "${post_env[@]}"
run bare-hello get_with_token.lua /hello
stop_server
bare_stats=$(grep 'connections:' "$tmp/bare.stderr" | sed 's/.*connections: //' || true)

# ---------------------------------------------------------------------------------------------
# reable-server on the large database: (d).
if [ "$mode" = all ]; then
  start_server reable-server-100k "$server" --db "$large_db" "${server_args[@]}" \
    --access-log "$tmp/access-100k.log" --error-log "$tmp/error-100k.log"
  login
  http GET '/api/v1/trajectories?status=active&limit=1'
  total_large=$(json "$tmp/response.json" '$.total')
  run d-get-100k get_with_token.lua / BENCH_TOKEN="$token" BENCH_IDS="$ids" BENCH_PATH_PREFIX=/api/v1/trajectories/
  stop_server
fi

# ---------------------------------------------------------------------------------------------
# The table.
report=$out_dir/http-bench.txt
awk -v mode="$mode" -v duration="$duration" -v warmup="$warmup" -v conns="$connections" \
    -v wthreads="$wrk_threads" -v sthreads="$server_threads" -v kind="$session_kind" \
    -v prepare="$prepare_note" -v bare_stats="$bare_stats" -v when="$(date '+%Y-%m-%d %H:%M:%S %z')" \
    -v host="$(nproc) cores, $(uname -sr)" -v n_ids="${n_ids:-0}" -v pairs="${pairs:-0}" \
    -v small="$clients_small" -v large="$clients_large" -v total_small="${total_small:-}" -v total_large="${total_large:-}" '
function ms(us) { return sprintf("%.2f", us / 1000) }
function commas(n,   s) { s = sprintf("%d", n); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]([,]|$)/, ",&", s); return s }
function ratio_line(label, value, goal_text, ok) {
  printf "  %-52s %8s   %-10s %s\n", label, value, goal_text, ok ? "met" : "MISSED"
}
{
  name = $1; names[++n] = name
  for (i = 2; i <= NF; i++) { split($i, kv, "="); v[name, kv[1]] = kv[2] }
  v[name, "errors"] = v[name, "non2xx"] + v[name, "connect"] + v[name, "read"] + v[name, "write"] + v[name, "timeout"]
  have[name] = 1
}
END {
  small = commas(small); large = commas(large)
  label["a-healthz"] = "(a) GET /healthz, reable-server"
  label["c-get-1k"] = "(c) GET trajectory, " small " clients"
  label["b-post-session"] = "(b) POST session, reable-server"
  label["bare-post"] = "    bare POST: one raw sqlite3 INSERT"
  label["bare-hello"] = "    bare GET /hello"
  label["d-get-100k"] = "(d) GET trajectory, " large " clients"
  print "Reable HTTP benchmark, " when " (" host ")"
  printf "wrk -t%d -c%d, %d s per run after a %d s warm-up, loopback; client and server share the cores.\n", wthreads, conns, duration, warmup
  print "Resolution: wrk times each request in whole microseconds; p50/p90/p99 are from its per-run"
  print "histogram (1 us buckets), shown in ms to 0.01 ms; req/s = completed responses / run time (us)."
  printf "Servers: reable-server --threads %d; bare server: Poco ThreadPool and setMaxThreads %d, one\n", sthreads, sthreads
  print "mutex-guarded sqlite3 connection; both SQLite WAL + synchronous=FULL (each 2xx after fsync)."
  if (bare_stats != "") print "Bare server connections: " bare_stats
  if (prepare != "") print prepare
  if (total_small != "" && total_large != "")
    printf "Active trajectories of fysio (GET /api/v1/trajectories total): %s with %s clients, %s with %s.\n",
           commas(total_small), small, commas(total_large), large
  if (have["b-post-session"]) {
    used = v["b-post-session", "requests"] + v["b-post-session", "warmup_requests"]
    printf "(b) POSTs: kind %s, over %d active trajectories of fysio: %s distinct (trajectory, date) pairs, %s used%s.\n",
           kind, n_ids, commas(pairs), commas(used), (used > pairs) ? " (more than there are: repeats get 409)" : ""
  }
  print ""
  printf "%-40s %10s %8s %8s %8s %8s %7s  %s\n", "run", "req/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "statuses"
  for (i = 1; i <= n; i++) {
    k = names[i]
    printf "%-40s %10.1f %8s %8s %8s %8s %7d  %s\n", label[k], v[k, "rps"], ms(v[k, "p50_us"]), ms(v[k, "p90_us"]),
           ms(v[k, "p99_us"]), ms(v[k, "max_us"]), v[k, "errors"], v[k, "statuses"]
    if (v[k, "errors"] > v[k, "non2xx"])
      printf "%-40s socket errors: connect %d, read %d, write %d, timeout %d\n", "", v[k, "connect"], v[k, "read"], v[k, "write"], v[k, "timeout"]
  }
  print ""
  print "Goals"
  if (have["b-post-session"] && have["bare-post"]) {
    r = v["b-post-session", "rps"] / v["bare-post", "rps"]
    ratio_line("(b) POST session req/s / bare POST req/s", sprintf("%.2f", r), ">= 0.8", r >= 0.8)
    ratio_line("(b) p99", ms(v["b-post-session", "p99_us"]) " ms", "<= 15 ms", v["b-post-session", "p99_us"] <= 15000)
    ratio_line("(b) errors", v["b-post-session", "errors"], "0", v["b-post-session", "errors"] == 0)
  }
  if (have["c-get-1k"] && have["a-healthz"]) {
    r = v["c-get-1k", "rps"] / v["a-healthz", "rps"]
    ratio_line("(c) GET trajectory req/s / (a) GET /healthz req/s", sprintf("%.2f", r), ">= 0.25", r >= 0.25)
    ratio_line("(c) p99", ms(v["c-get-1k", "p99_us"]) " ms", "<= 5 ms", v["c-get-1k", "p99_us"] <= 5000)
  }
  if (have["c-get-1k"] && have["d-get-100k"]) {
    r = v["d-get-100k", "p50_us"] / v["c-get-1k", "p50_us"]
    ratio_line("(d) p50 " large " clients / p50 " small " clients", sprintf("%.2f", r), "<= 1.5", r <= 1.5)
  }
  errors = 0
  for (i = 1; i <= n; i++) errors += v[names[i], "errors"]
  ratio_line("errors in all runs", errors, "0", errors == 0)
  if (mode != "all") print "(" mode ": reable-server not measured)"
}' "$tmp/results" | tee "$report"
echo "http_bench: written to $report; wrk output in $raw_dir"
