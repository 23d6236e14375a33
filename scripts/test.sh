#!/usr/bin/env bash
# Sets up, builds and runs every test: unit and integration tests on SQLite and
# on a throw-away local PostgreSQL 15 cluster, and the browser tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh

pg_dir=$(mktemp -d /tmp/apertura-pg-XXXXXX)
# The first free port from 55433 on, so a cluster left by another run is no obstacle.
pg_port=${APERTURA_TEST_PG_PORT:-}
if [ -z "$pg_port" ]; then
  for candidate in $(seq 55433 55532); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then pg_port=$candidate; break; fi
  done
fi
cleanup() { "$root/scripts/postgres-test-cluster.sh" stop "$pg_dir" || true; rm -rf "$pg_dir" || true; }
trap cleanup EXIT
APERTURA_TEST_POSTGRES_URL=$(scripts/postgres-test-cluster.sh start "$pg_dir" "$pg_port")
export APERTURA_TEST_POSTGRES_URL

cd build
ctest -j "$(nproc)" --output-on-failure --timeout 300 "$@"
