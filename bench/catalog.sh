#!/usr/bin/env bash
# The catalog at volume (issue 23, item 10): CKAN's package_search over COUNT
# synthetic published datasets (default 100,000), as harvesters and CKAN
# clients call it: words, filters, facets, sorts and deep pages.
#   bench/catalog.sh DATABASE_URL [COUNT]
# DATABASE_URL must name an empty database (sqlite:/tmp/catalog.db, or a
# PostgreSQL database made for it). The server runs without its page cache
# (--page-cache-mb 0): every answer is computed.
set -euo pipefail
cd "$(dirname "$0")/.."
db=$1
count=${2:-100000}
port=${BENCH_CATALOG_PORT:-18094}
command -v wrk >/dev/null || { echo "needs wrk (scripts/setup.sh)" >&2; exit 1; }
build/apertura --db "$db" --log-level warn demo --contracts 0 >/dev/null
build/apertura_catalog_fill "$db" "$count"
build/apertura --db "$db" --log-level warn serve --port "$port" --access-log false --page-cache-mb 0 &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true' EXIT
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
facets='facet.field=%5B%22organization%22%2C%22groups%22%2C%22tags%22%2C%22res_format%22%2C%22license_id%22%5D'
base="/api/3/action/package_search"
for query in "?rows=10" \
             "?q=presupuesto&rows=10" \
             "?q=calidad%20agua&$facets" \
             "?fq=tags:salud%20res_format:CSV&rows=20" \
             "?$facets&rows=0" \
             "?sort=metadata_modified%20desc&rows=100&start=50000" \
             "?q=nomina%20municipal&fq=license_id:Libre-Uso-MX&$facets"; do
  wrk -t1 -c2 -d5s --latency "http://127.0.0.1:$port$base$query" |
    awk -v q="$query" '/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} END {printf "%-70s %8s r/s  p99 %s\n", substr(q, 1, 70), rps, p99}'
done
