#!/usr/bin/env bash
# Sets up, builds, loads the demo data into ./apertura.db and serves the portal
# on http://localhost:8080 (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
db=${APERTURA_DB:-sqlite:apertura.db}
build/apertura --db "$db" demo
echo "Starting Apertura (http://localhost:8080 unless --port or APERTURA_PORT says otherwise; demo accounts in README.md)"
exec build/apertura --db "$db" serve "$@"
