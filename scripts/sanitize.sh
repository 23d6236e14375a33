#!/usr/bin/env bash
# The sanitizer and fuzzing part of the test suite (scripts/test.sh runs it
# after the normal build's tests, with the same PostgreSQL cluster):
#
# 1. clang with AddressSanitizer + UndefinedBehaviorSanitizer (build-asan/):
#    every test on SQLite and PostgreSQL, then each libFuzzer target of fuzz/
#    for APERTURA_FUZZ_SECONDS (60 by default), two at a time, seeded from
#    fuzz/corpus/ and the real publications of the shared data;
# 2. clang with ThreadSanitizer (build-tsan/): the server's and the import
#    pipeline's concurrency tests.
#
# One build at a time, each through ccache, with line tables only (every
# report still names file and line; full debug information builds and links
# slower). A fuzz run that finds a crash fails, leaving the input in
# build-asan/fuzz-findings/<target>/; copy it to fuzz/regressions/<target>/
# with the fix.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
fuzz_seconds=${APERTURA_FUZZ_SECONDS:-60}
jobs=$(nproc)
shared=${APERTURA_SHARED_DATA:-$root/../shared/data}
targets=(budget_csv flag_settings forms http_request markdown ocds_stream table_reader turtle)

configure() {  # folder, sanitizers, extra options...
  local folder=$1 sanitizers=$2
  shift 2
  CC=clang CXX=clang++ cmake -S . -B "$folder" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DAPERTURA_SANITIZE="$sanitizers" "$@" >/dev/null
}

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: build"
configure build-asan address,undefined -DAPERTURA_FUZZ=ON
ninja -C build-asan -j "$jobs" apertura_tests $(printf 'fuzz_%s ' "${targets[@]}")

echo "== AddressSanitizer + UndefinedBehaviorSanitizer: every test, the fuzz seeds and regressions"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest -j "$jobs" --output-on-failure --timeout 900 -E e2e_browser)

echo "== fuzzing, ${fuzz_seconds} s per target"
fuzz() {  # target
  local target=$1 findings="build-asan/fuzz-findings/$1" grown="build-asan/fuzz-corpus/$1"
  mkdir -p "$findings" "$grown"
  local seeds=("fuzz/corpus/$target")
  [ -d "fuzz/regressions/$target" ] && seeds+=("fuzz/regressions/$target")
  if [ "$target" = ocds_stream ] && [ -d "$shared" ]; then
    seeds+=("$shared/ocds-real" "$shared/ocds-sample" "$shared/cardinal-fixtures/indicators")
  fi
  "build-asan/fuzz/fuzz_$target" -max_total_time="$fuzz_seconds" -max_len=262144 -timeout=20 -rss_limit_mb=3072 \
    -artifact_prefix="$findings/" -print_final_stats=1 "$grown" "${seeds[@]}" >"build-asan/fuzz-$target.log" 2>&1 || {
    echo "fuzz_$target FAILED; its input is in $findings/:"
    tail -40 "build-asan/fuzz-$target.log"
    return 1
  }
  echo "fuzz_$target: $(grep -E '^stat::number_of_executed_units' "build-asan/fuzz-$target.log" | awk '{print $2}') runs," \
    "$(grep -E '^stat::new_units_added' "build-asan/fuzz-$target.log" | awk '{print $2}') new inputs"
}
failed=0
running=()
for target in "${targets[@]}"; do
  fuzz "$target" &
  running+=($!)
  if [ ${#running[@]} -ge "$jobs" ]; then
    wait "${running[0]}" || failed=1
    running=("${running[@]:1}")
  fi
done
for pid in "${running[@]}"; do wait "$pid" || failed=1; done
[ "$failed" = 0 ]

echo "== ThreadSanitizer: build"
configure build-tsan thread
ninja -C build-tsan -j "$jobs" apertura_tests

echo "== ThreadSanitizer: the server's and the import pipeline's concurrency tests"
export TSAN_OPTIONS=halt_on_error=1:second_deadlock_stack=1
build-tsan/tests/apertura_tests --gtest_brief=1 \
  --gtest_filter='Server.*:Backends/HttpTest.*:Backends/ImportJobHttpTest.*:Backends/OcdsImportTest.*:Backends/EncodingImportTest.*:Backends/DeliveryTest.*:DeliveryHttp.*'
