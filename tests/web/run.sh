#!/usr/bin/env bash
# Runs the browser tests against the real server on 127.0.0.1 with a seeded SQLite database.
#
#   tests/web/run.sh e2e   REABLE_CLI REABLE_SERVER WORK_DIR    the end-to-end tests (200 clients)
#   tests/web/run.sh speed REABLE_CLI REABLE_SERVER WORK_DIR    first meaningful content, 10,000 clients
#
# WORK_DIR receives the database, the server's log, playwright-core (npm ci, once per lock file)
# and the artefacts: screenshots and speed.json. Chromium is Debian's (/usr/bin/chromium); no
# browser is downloaded. Without node or chromium the test is skipped (exit 77), which CI never
# sees because .ci/setup installs both.
set -euo pipefail

mode="$1" cli="$2" server="$3" work="$4"
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${REABLE_CHROMIUM:-/usr/bin/chromium}"
if ! command -v node >/dev/null || ! command -v npm >/dev/null || [ ! -x "$chromium" ]; then
  echo "skipped: needs node, npm and $chromium (.ci/setup installs them)"
  exit 77
fi

mkdir -p "$work/artifacts"
# playwright-core, pinned by the lock file; installed again only when the lock file changes.
if ! cmp -s "$here/package-lock.json" "$work/package-lock.json" || [ ! -d "$work/node_modules/playwright-core" ]; then
  cp "$here/package.json" "$here/package-lock.json" "$work/"
  (cd "$work" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
cp "$here"/*.mjs "$work/"

case "$mode" in
  e2e) clients=200 db="$work/e2e.db" ;;
  speed) clients=10000 db="$work/speed-10000.db" ;;
  *) echo "usage: run.sh e2e|speed CLI SERVER WORK_DIR" >&2; exit 64 ;;
esac

# The end-to-end tests write, so they get a fresh database every run. The 10,000-client database
# for the speed run only reads; it is kept between runs while the seed program stays the same.
stamp="$(sha256sum "$cli" | cut -c1-16)"
if [ "$mode" = e2e ] || [ "$(cat "$db.stamp" 2>/dev/null)" != "$stamp" ]; then
  rm -f "$db" "$db-wal" "$db-shm" "$db.stamp"
  "$cli" --db "$db" db migrate >/dev/null
  "$cli" --db "$db" demo seed --clients "$clients" --seed 7 >"$work/seed-$mode.log"
  "$cli" --db "$db" demo users >/dev/null
  echo "$stamp" >"$db.stamp"
fi

# Port 0: the server picks a free port and writes it to the port file once it listens.
rm -f "$work/port-$mode"
"$server" --db "$db" --bind 127.0.0.1 --port 0 --port-file "$work/port-$mode" --access-log "" \
  >"$work/server-$mode.log" 2>&1 &
server_pid=$!
trap 'kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 300); do
  [ -s "$work/port-$mode" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server-$mode.log" >&2; exit 1; }
  sleep 0.05
done
port="$(cat "$work/port-$mode")"

cd "$work"
export REABLE_URL="http://127.0.0.1:$port" REABLE_ARTIFACTS="$work/artifacts" REABLE_CHROMIUM="$chromium"
if [ "$mode" = e2e ]; then
  node --test e2e.test.mjs
else
  node speed.mjs
fi
