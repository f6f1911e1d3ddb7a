#!/usr/bin/env bash
# Export benchmark (on demand): export_bench.sh BUILD_DIR
#
# Builds a cohort of BENCH_CLIENTS (default 100,000) synthetic clients whose trajectories have run
# their whole course (the 14-week training and the two-year follow-up): a seeded cohort of 500,
# grown by cloning (tests/bench/http/grow_db.sh). Then compares
#   baseline  sqlite3 -csv dumping the long file's joined rows (the same query, no pseudonyms)
#   reable    `reable export outcomes` (long file, wide file and codebook, with pseudonyms)
# with the database in the page cache for both, in wall time (GNU time, 10 ms resolution) and
# peak resident memory (KiB, converted to MiB), at a tenth of the
# cohort and at the whole cohort, so that flat memory shows as equal peaks. Goals: export time
# ≤ 2 × the baseline; peak RSS ≤ 200 MB.
set -euo pipefail

build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
clients=${BENCH_CLIENTS:-100000}
work="$build/bench-export"
reable="$build/cli/reable"
mkdir -p "$work"

seed_db="$work/seed-500.db"
if [ ! -f "$seed_db" ]; then
  "$reable" --db "$seed_db" db migrate >/dev/null
  "$reable" --db "$seed_db" --today 2026-11-23 demo seed --clients 500 --seed 5 --complete >/dev/null
fi

# The long file's rows as the export reads them, with the client id where the export writes a pseudonym.
read -r -d '' query <<'SQL' || true
SELECT t.client_id, t.id, r.occasion, CAST(julianday(r.tested_on) - julianday(t.start_date) AS INTEGER),
       r.instrument_id, r.instrument_version, r.discipline, CASE p.part WHEN 0 THEN 'item' ELSE 'score' END,
       v.key, tr.key + 1,
       CASE WHEN coalesce(tr.type, v.type) IN ('integer', 'real') THEN coalesce(tr.atom, v.atom) END,
       CASE WHEN coalesce(tr.type, v.type) = 'text' THEN coalesce(tr.atom, v.atom) END
  FROM trajectory t JOIN client c ON c.id = t.client_id
  JOIN test_result r ON r.trajectory_id = t.id
  JOIN (SELECT 0 AS part UNION ALL SELECT 1 AS part) p
  JOIN json_each(CASE p.part WHEN 0 THEN r.inputs_json ELSE r.scores_json END,
                 CASE p.part WHEN 0 THEN '$.items' ELSE '$.scores' END) v
  LEFT JOIN json_each(CASE WHEN v.type = 'array' THEN v.value END) tr
 ORDER BY t.id, r.occasion, r.instrument_id;
SQL

measure() {  # measure OUTPUT COMMAND... → "seconds peak_kib"; the command's output goes to OUTPUT
  local output=$1; shift
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >"$output"
  read -r seconds kib <"$work/time.txt"
  echo "$seconds $kib"
}

warm() {  # both runs read the database from the page cache, not one from disk and one from memory
  cat "$1" >/dev/null
  sync
}

printf '%-10s %10s %12s %10s %12s %12s %8s\n' clients rows baseline_s base_MiB export_s export_MiB ratio
for n in $((clients / 10)) "$clients"; do
  db="$work/cohort-$n.db"
  [ -f "$db" ] || "$here/../http/grow_db.sh" "$seed_db" "$db" "$n" >/dev/null
  key="$work/bench.key"
  rm -rf "$work/out-$n" "$work/baseline-$n.csv"
  warm "$db"
  read -r base_s base_kib < <(measure /dev/null sqlite3 -csv "$db" "$query" -cmd ".output $work/baseline-$n.csv")
  warm "$db"
  read -r exp_s exp_kib < <(measure "$work/export-$n.txt" "$reable" --db "$db" --today 2026-11-23 export outcomes \
                                    --out "$work/out-$n" --key-file "$key" --quiet)
  rows=$(($(wc -l <"$work/out-$n/outcomes_long.csv") - 1))
  base_rows=$(wc -l <"$work/baseline-$n.csv")
  [ "$rows" -eq "$base_rows" ] || { echo "row counts differ: export $rows, baseline $base_rows" >&2; exit 1; }
  ratio=$(awk -v a="$exp_s" -v b="$base_s" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }')
  printf '%-10s %10s %12s %10s %12s %12s %8s\n' "$n" "$rows" "$base_s" "$(awk -v k="$base_kib" 'BEGIN { printf "%.1f", k / 1024 }')" \
    "$exp_s" "$(awk -v k="$exp_kib" 'BEGIN { printf "%.1f", k / 1024 }')" "$ratio"
  grep -E "outcomes_(long|wide)" "$work/export-$n.txt" | sed 's/, sha256.*//; s/^ */    /'
  rm -rf "$work/out-$n" "$work/baseline-$n.csv" "$work/export-$n.txt"
done
