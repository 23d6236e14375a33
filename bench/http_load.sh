#!/usr/bin/env bash
# HTTP load benchmark on loopback: wrk against Apertura's home page and
# /api/v1/jurisdictions (SQLite, demo data), and against nginx serving a static
# file of the same size as the home page, in the same run on the same machine.
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
"$binary" --db "$db" --log-level warn demo >/dev/null
"$binary" --db "$db" --log-level warn serve --port "$app_port" --access-log false &
pids+=($!)
app_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$app_port/healthz" >/dev/null && break; sleep 0.1; done
idle_rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")

# nginx serves a copy of the home page as a static file: same bytes, no work.
mkdir -p "$work/www"
curl -sf "http://127.0.0.1:$app_port/" -o "$work/www/index.html"
chmod 644 "$work/www/index.html"
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
    location / { try_files \$uri /index.html; }
  }
}
CONF
nginx -c "$work/nginx.conf" -g 'daemon off;' &
pids+=($!)
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$nginx_port/" >/dev/null && break; sleep 0.1; done

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

bytes=$(stat -c %s "$work/www/index.html")
echo "Apertura HTTP benchmark: $(nproc) cores, wrk -t2 -c$connections -d${duration}s, loopback, page of $bytes bytes"
read -r nginx_rps nginx_p99 < <(run_wrk "http://127.0.0.1:$nginx_port/index.html")
read -r home_rps home_p99 < <(run_wrk "http://127.0.0.1:$app_port/")
read -r api_rps api_p99 < <(run_wrk "http://127.0.0.1:$app_port/api/v1/jurisdictions")
loaded_rss_kb=$(awk '/VmRSS/ {print $2}' "/proc/$app_pid/status")

printf '%-34s %12s %10s %14s\n' "target" "requests/s" "p99 (ms)" "vs nginx"
printf '%-34s %12.0f %10.2f %14s\n' "nginx static file (same size)" "$nginx_rps" "$nginx_p99" "1.00"
printf '%-34s %12.0f %10.2f %14.2f\n' "apertura GET /" "$home_rps" "$home_p99" "$(awk -v a="$home_rps" -v b="$nginx_rps" 'BEGIN {print a/b}')"
printf '%-34s %12.0f %10.2f %14.2f\n' "apertura GET /api/v1/jurisdictions" "$api_rps" "$api_p99" "$(awk -v a="$api_rps" -v b="$nginx_rps" 'BEGIN {print a/b}')"
echo "apertura memory: idle $((idle_rss_kb / 1024)) MB RSS, after the load $((loaded_rss_kb / 1024)) MB RSS"
