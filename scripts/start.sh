#!/usr/bin/env bash
# Sets up, builds, loads the demo data into ./apertura.db and serves the portal
# on http://localhost:8080 (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
db=${APERTURA_DB:-sqlite:apertura.db}
build/apertura --db "$db" demo
echo "Apertura: http://localhost:${APERTURA_PORT:-8080}  (demo accounts are listed in README.md)"
exec build/apertura --db "$db" serve "$@"
