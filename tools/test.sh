#!/usr/bin/env bash
# Second command of the README (and what CI runs): installs what is missing, builds everything in
# Release and runs the whole test suite, then runs it again under sanitizers with the fuzz harnesses
# (tools/test_sanitizers.sh). Exits non-zero on any failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tools/install_dependencies.sh --for-tests
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DPNEUMO_BUILD_TESTS=ON -DPNEUMO_REQUIRE_MAN_PAGES=ON
cmake --build build -j "$(nproc)"
tools/ctest_reporting.sh build
tools/test_sanitizers.sh
