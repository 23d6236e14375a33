#!/usr/bin/env bash
# Sets up, builds and runs every test: unit and integration tests on SQLite and
# on a throw-away local PostgreSQL 15 cluster, and the browser tests; then the
# same tests under the sanitizers and the fuzz targets (scripts/sanitize.sh;
# APERTURA_SKIP_SANITIZERS=1 leaves them out). Arguments go to the first ctest
# only, and skip the sanitizer part.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
scripts/build.sh

# The conformance suites read the real public data in ../shared/data beside
# the repository. A clone made elsewhere from a local checkout finds it beside
# the checkout it was cloned from.
if [ -z "${APERTURA_SHARED_DATA:-}" ] && [ ! -d "$root/../shared/data" ]; then
  origin=$(git -C "$root" remote get-url origin 2>/dev/null || true)
  if [ -n "$origin" ] && [ -d "$origin/../shared/data" ]; then
    APERTURA_SHARED_DATA=$(cd "$origin/../shared/data" && pwd)
    export APERTURA_SHARED_DATA
  else
    echo "warning: ../shared/data not found; the OCDS and red-flag conformance tests will fail." >&2
    echo "         Put the shared data beside the repository or set APERTURA_SHARED_DATA." >&2
  fi
fi

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

(cd build && ctest -j "$(nproc)" --output-on-failure --timeout 300 "$@")

# AddressSanitizer + UndefinedBehaviorSanitizer over every test, the fuzz
# targets, ThreadSanitizer over the concurrency tests (scripts/sanitize.sh).
if [ "${APERTURA_SKIP_SANITIZERS:-0}" != 1 ] && [ $# -eq 0 ]; then
  scripts/sanitize.sh
fi
