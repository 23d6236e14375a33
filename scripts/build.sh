#!/usr/bin/env bash
# Configures and builds Apertura and its tests in ./build (Release with debug info).
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAPERTURA_WERROR=ON >/dev/null
# Two compile jobs per core would need more memory than they save time here.
ninja -C build -j "$(nproc)"
