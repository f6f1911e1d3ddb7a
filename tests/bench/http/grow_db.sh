#!/usr/bin/env bash
# Makes a large database from a seeded small one, fast: grow_db.sh SOURCE_DB TARGET_DB TOTAL_CLIENTS
#
# TARGET_DB becomes a copy of SOURCE_DB (VACUUM INTO) plus clones of its clients until it holds
# TOTAL_CLIENTS: client copy c of source client s gets id s + c·max(client.id), and so on for every
# row that belongs to a client (identity, informal carers, meldingen, onderzoeken, trajectories
# with their members, transitions, goals and ratings, sessions with their goals, signals, test
# results, decisions). Each clone gets a fresh BSN that passes the elfproef and is unique; teams,
# members and users are shared, so the clones spread over the same teams as the source clients.
# Every CHECK, UNIQUE and foreign key stays valid (BENCH_CHECK_DB=1 verifies it with foreign_key_check
# and integrity_check, which also evaluates every CHECK constraint).
#
# The columns are read from the database, so a column added by a later migration is copied as is.
# Rows of tables not named here (users, tokens, the audit log) are not cloned.
#
# Needs the sqlite3 shell. `demo seed` at ~4.6 ms per client would take ~8 min for 100,000; this
# takes well under a minute.
set -euo pipefail

if [ $# -ne 3 ]; then
  echo "usage: grow_db.sh SOURCE_DB TARGET_DB TOTAL_CLIENTS" >&2
  exit 2
fi
source_db=$1
target_db=$2
total=$3

q() { sqlite3 -batch -noheader "$@"; }

sources=$(q "$source_db" "SELECT count(*) FROM client")
if [ "$sources" -lt 1 ] || [ "$total" -le "$sources" ]; then
  echo "grow_db: the source has $sources clients; asked for $total in all" >&2
  exit 1
fi
extra=$((total - sources))
copies=$(((extra + sources - 1) / sources))

rm -f "$target_db" "$target_db-wal" "$target_db-shm" "$target_db-journal"
q "$source_db" "VACUUM INTO '$target_db'"

# max(id) of each cloned table with an id: the stride of its copies.
declare -A max
for table in client informal_carer melding onderzoek trajectory trajectory_transition copm_goal session signal \
             test_result decision; do
  max[$table]=$(q "$source_db" "SELECT coalesce(max(id), 0) FROM $table")
done

# INSERT INTO table (all columns) SELECT … FROM each copy × each source row of a client that copy
# includes. The copy is the outer loop and the source rows, in id order, the inner one (CROSS JOIN
# fixes the order; lookups by primary key for the rest), so new ids arrive in ascending order and
# append to the tables instead of splitting pages all over them. Arguments: table, FROM/JOIN clause after the source
# row `s` (must reach the source client's id as the expression in the third argument), then
# column=expression overrides; every other column is copied.
clone() {
  local table=$1 joins=$2 client_expr=$3
  shift 3
  declare -A override=()
  local pair
  for pair in "$@"; do override[${pair%%=*}]=${pair#*=}; done
  local columns=() values=() column
  while IFS= read -r column; do
    columns+=("$column")
    values+=("${override[$column]:-s.$column}")
  done < <(q "$target_db" "SELECT name FROM pragma_table_info('$table') ORDER BY cid")
  local IFS=,
  printf 'INSERT INTO main.%s (%s)\nSELECT %s\nFROM grow_copy AS cc CROSS JOIN src.%s AS s %s\nCROSS JOIN grow_clone AS k ON k.c = cc.c AND k.src = %s;\n' \
    "$table" "${columns[*]}" "${values[*]}" "$table" "$joins" "$client_expr"
}

# The new id of a row of `table` that the expression (a source id, possibly NULL) names.
new() { echo "$2 + k.c * ${max[$1]}"; }

# The plain secondary indexes of the cloned tables are dropped for the copy and built again after
# it (sorting once is faster than inserting millions of entries at random places); the UNIQUE
# ones stay, and receive their keys in ascending order.
cloned_tables="'client','client_identity','informal_carer','melding','onderzoek','trajectory','trajectory_member',
  'trajectory_transition','copm_goal','copm_rating','session','session_goal','signal','test_result','decision'"
drop_indexes=$(q "$target_db" "SELECT 'DROP INDEX \"' || name || '\";' FROM sqlite_master
                               WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ($cloned_tables)")
create_indexes=$(q "$target_db" "SELECT sql || ';' FROM sqlite_master
                                 WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ($cloned_tables)")

via_trajectory="CROSS JOIN src.trajectory AS t ON t.id = s.trajectory_id"

sql=$(cat <<EOF
PRAGMA foreign_keys = OFF;
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA cache_size = -1000000;
PRAGMA temp_store = MEMORY;
-- Every cloned row is a copy of a row that passed its CHECKs; only ids and BSNs are new, and
-- their CHECKs (digits, length) hold by construction. Evaluating the date() checks again for
-- millions of copies would take most of the time; BENCH_CHECK_DB=1 has integrity_check verify
-- every CHECK afterwards.
PRAGMA ignore_check_constraints = ON;
ATTACH DATABASE 'file:$source_db?mode=ro' AS src;
BEGIN;
$drop_indexes
CREATE TEMP TABLE grow_copy (c INTEGER PRIMARY KEY);
CREATE TEMP TABLE grow_clone (c INTEGER NOT NULL, src INTEGER NOT NULL, n INTEGER NOT NULL UNIQUE,
                              PRIMARY KEY (c, src)) WITHOUT ROWID;
CREATE TEMP TABLE grow_bsn (n INTEGER PRIMARY KEY, bsn TEXT NOT NULL);

WITH RECURSIVE copy (c) AS (SELECT 1 UNION ALL SELECT c + 1 FROM copy WHERE c < $copies)
INSERT INTO grow_copy SELECT c FROM copy;

-- Clone n (1-based) is copy ceil(n / sources) of the source client at rank n mod sources.
WITH ranked (src, r) AS (SELECT id, row_number() OVER (ORDER BY id) - 1 FROM src.client)
INSERT INTO grow_clone (c, src, n)
SELECT cc.c, ranked.src, (cc.c - 1) * $sources + ranked.r + 1
FROM grow_copy AS cc CROSS JOIN ranked
WHERE (cc.c - 1) * $sources + ranked.r + 1 <= $extra;

-- Fresh BSNs: 8 digits from 10000000 up, then the check digit of the elfproef
-- (9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 mod 11; prefixes whose check would be 10 are skipped),
-- leaving out every BSN the source already has.
WITH RECURSIVE prefix (p) AS (SELECT 10000000 UNION ALL SELECT p + 1 FROM prefix WHERE p < 10000000 + 2 * $extra + 1000),
checked (p, d) AS (
  SELECT p, (9 * (p / 10000000) + 8 * (p / 1000000 % 10) + 7 * (p / 100000 % 10) + 6 * (p / 10000 % 10)
             + 5 * (p / 1000 % 10) + 4 * (p / 100 % 10) + 3 * (p / 10 % 10) + 2 * (p % 10)) % 11
  FROM prefix),
fresh (bsn) AS (
  SELECT printf('%08d%d', p, d) FROM checked
  WHERE d < 10 AND printf('%08d%d', p, d) NOT IN (SELECT bsn FROM src.client_identity)
  ORDER BY p LIMIT $extra)
INSERT INTO grow_bsn (bsn) SELECT bsn FROM fresh;

$(clone client "" "s.id" "id=$(new client s.id)")
$(clone client_identity "" "s.client_id" "client_id=$(new client s.client_id)" \
    "bsn=(SELECT bsn FROM grow_bsn AS b WHERE b.n = k.n)")
$(clone informal_carer "" "s.client_id" "id=$(new informal_carer s.id)" "client_id=$(new client s.client_id)")
$(clone melding "" "s.client_id" "id=$(new melding s.id)" "client_id=$(new client s.client_id)")
$(clone onderzoek "" "s.client_id" "id=$(new onderzoek s.id)" "client_id=$(new client s.client_id)")
$(clone trajectory "" "s.client_id" "id=$(new trajectory s.id)" "client_id=$(new client s.client_id)" \
    "melding_id=$(new melding s.melding_id)")
$(clone trajectory_member "$via_trajectory" "t.client_id" "trajectory_id=$(new trajectory s.trajectory_id)")
$(clone trajectory_transition "$via_trajectory" "t.client_id" "id=$(new trajectory_transition s.id)" \
    "trajectory_id=$(new trajectory s.trajectory_id)")
$(clone copm_goal "$via_trajectory" "t.client_id" "id=$(new copm_goal s.id)" \
    "trajectory_id=$(new trajectory s.trajectory_id)")
$(clone copm_rating "CROSS JOIN src.copm_goal AS g ON g.id = s.goal_id CROSS JOIN src.trajectory AS t ON t.id = g.trajectory_id" \
    "t.client_id" "goal_id=$(new copm_goal s.goal_id)")
$(clone session "$via_trajectory" "t.client_id" "id=$(new session s.id)" \
    "trajectory_id=$(new trajectory s.trajectory_id)")
$(clone session_goal "CROSS JOIN src.session AS x ON x.id = s.session_id CROSS JOIN src.trajectory AS t ON t.id = x.trajectory_id" \
    "t.client_id" "session_id=$(new session s.session_id)" "goal_id=$(new copm_goal s.goal_id)")
$(clone signal "$via_trajectory" "t.client_id" "id=$(new signal s.id)" "trajectory_id=$(new trajectory s.trajectory_id)" \
    "session_id=$(new session s.session_id)")
$(clone test_result "$via_trajectory" "t.client_id" "id=$(new test_result s.id)" \
    "trajectory_id=$(new trajectory s.trajectory_id)")
$(clone decision "" "s.client_id" "id=$(new decision s.id)" "client_id=$(new client s.client_id)" \
    "melding_id=$(new melding s.melding_id)" "trajectory_id=$(new trajectory s.trajectory_id)")
$create_indexes
COMMIT;
DETACH DATABASE src;
EOF
)

if [ -n "${GROW_DB_PRINT_SQL:-}" ]; then printf '%s\n' "$sql"; fi
printf '%s\n' "$sql" | q "$target_db" >/dev/null

# The source's statistics (if it has any) describe 1/100 of the data: refresh them.
if [ "$(q "$target_db" "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")" -gt 0 ]; then
  q "$target_db" "ANALYZE"
fi
# Same journal mode as the source (the server opens it in WAL anyway).
q "$target_db" "PRAGMA journal_mode = $(q "$source_db" "PRAGMA journal_mode")" >/dev/null

if [ "${BENCH_CHECK_DB:-0}" = 1 ]; then
  fk=$(q "$target_db" "PRAGMA foreign_key_check" | head -5)
  integrity=$(q "$target_db" "PRAGMA integrity_check" | head -5)
  if [ -n "$fk" ] || [ "$integrity" != ok ]; then
    echo "grow_db: $target_db is not sound: foreign keys: ${fk:-ok}; integrity: $integrity" >&2
    exit 1
  fi
  echo "grow_db: foreign_key_check and integrity_check pass"
fi
q "$target_db" "SELECT 'grow_db: ' || (SELECT count(*) FROM client) || ' clients, ' || (SELECT count(*) FROM trajectory)
                || ' trajectories, ' || (SELECT count(*) FROM session) || ' sessions, '
                || (SELECT count(*) FROM test_result) || ' test results'"
