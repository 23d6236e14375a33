#!/usr/bin/env bash
# Search latency through the HTTP API under wrk: eight one- and two-word
# searches in rotation, with and without filters, 8 connections for 15 s.
#   bench/search.sh DATABASE [BINARY]   (BINARY defaults to build/apertura)
# bench/ocds.sh runs it on the database it imported; run it alone to compare
# two builds on the same database.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
binary=${2:-build/apertura}
port=${BENCH_SEARCH_PORT:-18090}
command -v wrk >/dev/null || { echo "needs wrk (scripts/setup.sh)" >&2; exit 1; }
"$binary" --db "$db" --log-level warn serve --port "$port" --access-log false &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
script=$(mktemp --suffix=.lua)
cat >"$script" <<'LUA'
local queries = {
  "/api/v1/processes?q=medicamentos",
  "/api/v1/processes?q=patrullas&method=direct",
  "/api/v1/processes?q=construccion%20aulas",
  "/api/v1/processes?q=servicio%20limpieza&sort=amount_desc",
  "/api/v1/processes?q=uniformes&min=100000",
  "/api/v1/processes?q=constructora%20bajio",
  "/api/v1/processes?q=pozos&from=2024-01-01&to=2024-12-31",
  "/api/v1/processes?q=papeleria&page=3",
}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", queries[(i % #queries) + 1])
end
LUA
# A portal runs for days: warm the server's caches before measuring.
wrk -t2 -c8 -d5s -s "$script" "http://127.0.0.1:$port" >/dev/null
processes=$(curl -s "http://127.0.0.1:$port/api/v1/processes?per_page=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
out=$(wrk -t2 -c8 -d15s --latency -s "$script" "http://127.0.0.1:$port")
rm -f "$script"
rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
p50=$(awk '$1 == "50%" {print $2}' <<<"$out")
echo "search over $processes processes (wrk -t2 -c8 -d15s, 8 queries in rotation, after a 5 s warm-up): $rps requests/s, p50 $p50, p99 $p99"
