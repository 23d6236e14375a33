#!/usr/bin/env bash
# Retakes the README's pictures (docs/screenshots/) from the demo with
# Debian's Chromium: home, a plan, a commitment, a process, red flags and the
# money trail, at 1280 and 360 px.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x build/apertura ] || scripts/build.sh
[ -d tests/e2e/node_modules/playwright-core ] || (cd tests/e2e && npm ci --no-audit --no-fund --loglevel=error)
APERTURA_BINARY="$PWD/build/apertura" node tests/e2e/screenshots.mjs docs/screenshots
