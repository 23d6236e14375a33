#!/usr/bin/env bash
# Information requests at volume: full-text search and a state's statistics
# over COUNT synthetic requests with their answers (default 1,000,000).
#   bench/requests.sh DATABASE_URL [COUNT]
# DATABASE_URL must name an empty database: sqlite:///tmp/requests.db, or a
# PostgreSQL database made for it (createdb). The demo's jurisdictions and
# institutions are loaded first, then the requests (apertura_requests_fill).
# The server runs without its page cache (--page-cache-mb 0), so every answer
# is computed: what the first reader after a change waits for.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
count=${2:-1000000}
port=${BENCH_REQUESTS_PORT:-18091}
command -v wrk >/dev/null || { echo "needs wrk (scripts/setup.sh)" >&2; exit 1; }
# BENCH_REQUESTS_FILLED=1 measures a database filled by an earlier run.
if [ -z "${BENCH_REQUESTS_FILLED:-}" ]; then
  build/apertura --db "$db" --log-level warn demo --contracts 0 >/dev/null
  started=$(date +%s)
  build/apertura_requests_fill "$db" "$count"
  echo "filled $count requests in $(( $(date +%s) - started )) s"
fi
build/apertura --db "$db" --log-level warn serve --port "$port" --access-log false --page-cache-mb 0 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

# Searches a citizen types: common and rare words, one to three of them, with
# and without a state.
paths=(
  "/api/v1/requests?q=vehiculos"
  "/api/v1/requests?q=contratos%20arrendamiento"
  "/api/v1/requests?q=medicamentos&jurisdiction=14"
  "/api/v1/requests?q=viaticos%20mandos%20superiores"
  "/api/v1/requests?q=padron%20beneficiarios&jurisdiction=20"
  "/api/v1/requests?q=fideicomisos"
  "/api/v1/requests?q=basura&page=3"
  "/api/v1/requests?q=hospital%20regional"
)
script=$(mktemp --suffix=.lua)
{
  echo "queries = {"
  printf '  "%s",\n' "${paths[@]}"
  echo "}"
  cat <<'LUA'
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
LUA
} >"$script"
wrk -t2 -c8 -d5s -s "$script" "http://127.0.0.1:$port" >/dev/null  # warm-up
out=$(wrk -t2 -c8 -d15s --latency -s "$script" "http://127.0.0.1:$port")
rm -f "$script"
total=$(curl -s "http://127.0.0.1:$port/api/v1/requests?per_page=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
echo "search over $total requests (wrk -t2 -c8 -d15s, 8 queries in rotation): $(awk '/Requests\/sec/ {print $2}' <<<"$out") requests/s," \
     "p50 $(awk '$1 == "50%" {print $2}' <<<"$out"), p99 $(awk '$1 == "99%" {print $2}' <<<"$out")"
# One reader at a time: the 8 searches 25 times each, sorted.
times=$(for _ in $(seq 25); do for path in "${paths[@]}"; do
  curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$port$path"; done; done | sort -n)
echo "one search at a time (200): median $(sed -n 100p <<<"$times") s, p99 $(sed -n 198p <<<"$times") s, max $(tail -1 <<<"$times") s"

# A state's statistics for a year, page and API: 30 in a row, sorted.
for path in "/solicitudes/estadisticas?jurisdiction=jalisco&year=2026" "/api/v1/requests/stats?jurisdiction=jalisco&year=2026" \
            "/solicitudes/estadisticas?year=2026"; do
  times=$(for _ in $(seq 30); do curl -s -o /dev/null -w "%{time_total}\n" "http://127.0.0.1:$port$path"; done | sort -n)
  echo "$path: median $(sed -n 15p <<<"$times") s, p99 (worst of 30) $(tail -1 <<<"$times") s"
done
echo "server memory after: $(( $(awk '/VmRSS/ {print $2}' /proc/$server/status) / 1024 )) MB"
