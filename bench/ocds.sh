#!/usr/bin/env bash
# The OCDS data path at volume: writes N synthetic releases once (apertura demo
# --output), then measures on the same file
#   1. simdjson parsing alone (the floor), and the import's reader alone,
#   2. parsing + merging alone (no database),
#   3. import + merge + per-process red flags into SQLite (on disk) and into
#      PostgreSQL 15 (a throw-away cluster, as the tests use: fsync off),
#      with releases/s, MB/s and peak memory,
#   4. `apertura flags` over every process in the SQLite store,
#   5. full-text search p99 through the HTTP API under wrk.
#   bench/ocds.sh [RELEASES] [WORK_DIR]      (default 1000000, /tmp/apertura-ocds-bench)
# BENCH_SKIP_POSTGRES=1 leaves out the PostgreSQL import (the slowest part).
set -euo pipefail
cd "$(dirname "$0")/.."
releases=${1:-1000000}
work=${2:-/tmp/apertura-ocds-bench}
binary=build/apertura
bench=build/apertura_bench
[ -x "$binary" ] && [ -x "$bench" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
command -v wrk >/dev/null || { echo "needs wrk (scripts/setup.sh)" >&2; exit 1; }
mkdir -p "$work"
chmod 755 "$work"
file="$work/releases-$releases.jsonl"
pg_dir="$work/pg"
pg_port=55499
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  scripts/postgres-test-cluster.sh stop "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# The generator writes 3.13 releases per process on average.
if [ ! -f "$file" ]; then
  "$binary" demo --contracts $(( releases * 100 / 313 )) --seed 7 --output "$file"
fi
count=$(wc -l <"$file")
megabytes=$(( $(stat -c %s "$file") / 1000000 ))
echo "file: $count releases, $megabytes MB ($(nproc) cores)"

"$bench" parse "$file"
"$bench" read "$file"
"$bench" merge "$file"

# Runs an import under /usr/bin/time and prints releases/s, MB/s and peak memory.
timed_import() {
  local label=$1 db=$2
  local log="$work/import-$label.log"
  /usr/bin/time -v "$binary" --db "$db" --log-level warn import ocds --ocds-version 1.1 "$file" >"$log" 2>&1
  local seconds rss
  seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ {print int($2/1024)}' "$log")
  awk -v l="$label" -v n="$count" -v mb="$megabytes" -v s="$seconds" -v r="$rss" \
    'BEGIN { printf "import into %s: %.1f s, %.0f releases/s, %.1f MB/s, peak memory %d MB\n", l, s, n/s, mb/s, r }'
}

rm -f "$work"/bench.db*
timed_import sqlite "sqlite:$work/bench.db"
if [ -z "${BENCH_SKIP_POSTGRES:-}" ]; then
  pg_url=$(scripts/postgres-test-cluster.sh start "$pg_dir" "$pg_port")
  psql_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/psql
  as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  as_postgres "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "DROP DATABASE IF EXISTS apertura_bench" 2>/dev/null
  as_postgres "$psql_bin" -h 127.0.0.1 -p "$pg_port" -U postgres -qc "CREATE DATABASE apertura_bench"
  timed_import postgresql "${pg_url%/*}/apertura_bench"
  scripts/postgres-test-cluster.sh stop "$pg_dir"
fi

processes=$(sqlite3 "$work/bench.db" "SELECT COUNT(*) FROM contracting_processes")
/usr/bin/time -v "$binary" --db "sqlite:$work/bench.db" --log-level warn flags >"$work/flags.log" 2>&1
awk -F': ' -v p="$processes" '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]}
  /Maximum resident set size/ {m=int($2/1024)}
  END {printf "red flags over %d processes: %.1f s (%.0f processes/s), peak memory %d MB\n", p, s, p/s, m}' "$work/flags.log"

# Search: a rotation of one- and two-word queries, with and without filters.
bench/search.sh "sqlite:$work/bench.db" "$binary"
