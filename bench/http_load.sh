#!/usr/bin/env bash
# HTTP load benchmark on loopback: wrk against the pages a citizen reads most
# (home, a jurisdiction, a search of contracts, a process, the process API;
# SQLite, demo data), each beside nginx serving the very same bytes as a static
# file, in the same run on the same machine. Apertura runs twice: with its page
# cache (web/page_cache.h, the default) and with it off (--page-cache-mb 0:
# every answer built, as for the first visitor after a write).
# Prints requests/s, p99 latency, the ratio to nginx, and Apertura's memory.
#   bench/http_load.sh [DURATION_SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
connections=${2:-64}
binary=build/apertura
[ -x "$binary" ] || { echo "build first: scripts/build.sh" >&2; exit 1; }
command -v wrk >/dev/null && command -v nginx >/dev/null || { echo "needs wrk and nginx (scripts/setup.sh)" >&2; exit 1; }

work=$(mktemp -d /tmp/apertura-bench-XXXXXX)
chmod 755 "$work"
app_port=18080
nginx_port=18081
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

db="sqlite:$work/bench.db"
cold_port=18082
"$binary" --db "$db" --log-level warn demo >/dev/null
"$binary" --db "$db" --log-level warn serve --port "$app_port" --access-log false &
pids+=($!)
app_pid=$!
"$binary" --db "$db" --log-level warn serve --port "$cold_port" --access-log false --page-cache-mb 0 &
pids+=($!)
for port in "$app_port" "$cold_port"; do
  for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
done
idle_rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")

ocid=$(curl -sf "http://127.0.0.1:$app_port/api/v1/processes?per_page=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["ocid"])')
names=(home jurisdiction search process api)
paths=("/" "/jurisdicciones/jalisco" "/contrataciones?q=medicamentos" "/contrataciones/$ocid"
       "/api/v1/processes?per_page=50")

# nginx serves a copy of each answer as a static file: same bytes, no work.
mkdir -p "$work/www"
for i in "${!names[@]}"; do
  curl -sf "http://127.0.0.1:$app_port${paths[$i]}" -o "$work/www/${names[$i]}.html"
done
chmod 644 "$work"/www/*
cat >"$work/nginx.conf" <<CONF
worker_processes auto;
error_log $work/nginx-error.log;
pid $work/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/www;
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/home.html" >/dev/null && break; sleep 0.1; done

# wrk --latency prints "99%  <value><unit>"; normalise to milliseconds.
run_wrk() {
  local url=$1
  local out
  out=$(wrk -t2 -c"$connections" -d"${duration}s" --latency "$url")
  local rps p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  p99=$(awk -v v="$p99" 'BEGIN { if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v+0} else if (v ~ /s$/) {sub(/s$/,"",v); print v*1000} }')
  local errors
  errors=$(awk '/Non-2xx|Socket errors/ {print}' <<<"$out")
  [ -z "$errors" ] || echo "  warning for $url: $errors" >&2
  echo "$rps $p99"
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a/b}'; }

echo "Apertura HTTP benchmark: $(nproc) cores, wrk -t2 -c$connections -d${duration}s, loopback; p99 in ms; x = ratio to nginx"
printf '%-34s %7s | %9s %6s | %9s %6s %5s | %9s %6s %5s\n' "target" "bytes" "nginx r/s" "p99" "cached" "p99" "x" "cold" "p99" "x"
for i in "${!names[@]}"; do
  bytes=$(stat -c %s "$work/www/${names[$i]}.html")
  read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/${names[$i]}.html")
  read -r warm_rps warm_p99 < <(run_wrk "http://127.0.0.1:$app_port${paths[$i]}")
  read -r cold_rps cold_p99 < <(run_wrk "http://127.0.0.1:$cold_port${paths[$i]}")
  printf '%-34s %7d | %9.0f %6.2f | %9.0f %6.2f %5s | %9.0f %6.2f %5s\n' "${paths[$i]:0:34}" "$bytes" \
    "$nginx_rps" "$nginx_p99" "$warm_rps" "$warm_p99" "$(ratio "$warm_rps" "$nginx_rps")" \
    "$cold_rps" "$cold_p99" "$(ratio "$cold_rps" "$nginx_rps")"
done
loaded_rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")
echo "apertura (cached) memory: idle $((idle_rss_kb / 1024)) MB RSS, after the load $((loaded_rss_kb / 1024)) MB RSS"
