#!/usr/bin/env bash
# An OCDS file uploaded to a running portal through the API, as an official
# would: the time until the upload is answered (the file is on disk and its
# import queued), the time until the import job ends, and the server's peak
# memory. A fresh SQLite database in a temporary folder.
#   bench/upload.sh FILE [BINARY]   (BINARY defaults to build/apertura)
set -euo pipefail
cd "$(dirname "$0")/.."
file=$1
binary=${2:-build/apertura}
port=${BENCH_UPLOAD_PORT:-18091}
work=$(mktemp -d)
db="sqlite:$work/upload.db"
password=bench-upload-2026
"$binary" --db "$db" --log-level warn migrate >/dev/null
APERTURA_PASSWORD=$password "$binary" --db "$db" --log-level warn user add --email bench@example.mx --name Bench \
  --role admin >/dev/null
"$binary" --db "$db" --log-level warn serve --port "$port" --access-log false --upload-dir "$work" &
server=$!
trap 'kill $server 2>/dev/null; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT
url="http://127.0.0.1:$port"
for _ in $(seq 100); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.1; done
jar="$work/cookies"
curl -s -c "$jar" -b "$jar" "$url/" >/dev/null
csrf=$(awk '$6 == "apertura_csrf" {print $7}' "$jar")
curl -sf -c "$jar" -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d "{\"email\":\"bench@example.mx\",\"password\":\"$password\"}" "$url/api/v1/session" >/dev/null

start=$(date +%s.%N)
location=$(curl -sf -b "$jar" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/octet-stream' \
  -X POST -T "$file" -D - -o /dev/null "$url/api/v1/ocds/imports?name=$(basename "$file")" |
  awk 'tolower($1) == "location:" {print $2}' | tr -d '\r')
uploaded=$(date +%s.%N)
percents=""
while :; do
  job=$(curl -sf -b "$jar" "$url$location")
  status=$(sed -n 's/.*"status":"\([a-z]*\)".*/\1/p' <<<"$job")
  [ "$status" = done ] || [ "$status" = failed ] && break
  percent=$(sed -n 's/.*"percent":\([0-9]*\).*/\1/p' <<<"$job")
  [ -n "$percent" ] && percents="$percents $percent"
  sleep 1
done
ended=$(date +%s.%N)
peak=$(awk '/VmHWM/ {print $2}' "/proc/$server/status")
imported=$(sed -n 's/.*"imported":\([0-9]*\).*/\1/p' <<<"$job")
mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN {printf "%.0f", b / 1048576}')
awk -v s="$start" -v u="$uploaded" -v e="$ended" -v n="$imported" -v st="$status" -v mb="$mb" -v kb="$peak" 'BEGIN {
  printf "%s MB: upload answered in %.1f s, import %s %.1f s later (%d releases, %.0f releases/s from the upload)\n",
         mb, u - s, st, e - u, n, n / (e - s)
  printf "server peak RSS %.0f MB\n", kb / 1024
}'
echo "progress seen (percent read, once a second):$percents"
