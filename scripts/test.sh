#!/usr/bin/env bash
# Sets up, builds and runs every test: unit and integration tests on SQLite and
# on a throw-away local PostgreSQL 15 cluster, and the browser tests.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh

pg_dir=$(mktemp -d /tmp/apertura-pg-XXXXXX)
pg_port=${APERTURA_TEST_PG_PORT:-55433}
cleanup() { "$root/scripts/postgres-test-cluster.sh" stop "$pg_dir" || true; rm -rf "$pg_dir" || true; }
trap cleanup EXIT
APERTURA_TEST_POSTGRES_URL=$(scripts/postgres-test-cluster.sh start "$pg_dir" "$pg_port")
export APERTURA_TEST_POSTGRES_URL

cd build
ctest -j "$(nproc)" --output-on-failure --timeout 300 "$@"
