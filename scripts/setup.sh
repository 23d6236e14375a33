#!/usr/bin/env bash
# Installs what Apertura needs on Debian 12: the C++ toolchain and -dev
# libraries, PostgreSQL (for its tests), Chromium and the npm packages of the
# browser tests, and wrk/nginx for the benchmarks. Safe to run again: it only
# installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build pkg-config ccache git
  libboost-dev libsqlite3-dev libpq-dev libsimdjson-dev nlohmann-json3-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev libsodium-dev
  libspdlog-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev libzstd-dev libjemalloc-dev
  libcurl4-openssl-dev libserd-dev libuchardet-dev
  clang libclang-rt-14-dev
  sqlite3 postgresql chromium wrk nginx-light curl
)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  echo "Installing: ${missing[*]}"
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian starts a PostgreSQL cluster on install; the project never uses it.
fi

# The portal's scripts (the money-trail chart: ECharts, bundled by esbuild when the project builds).
if [ ! -d frontend/node_modules/echarts ] || [ frontend/package-lock.json -nt frontend/node_modules ]; then
  (cd frontend && npm ci --no-audit --no-fund --loglevel=error)
fi

# Browser-test dependencies (playwright-core drives Debian's Chromium; no browser download).
if [ ! -d tests/e2e/node_modules/playwright-core ] || [ tests/e2e/package-lock.json -nt tests/e2e/node_modules ]; then
  (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
fi
