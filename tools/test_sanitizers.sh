#!/usr/bin/env bash
# The whole test suite again, built with clang under AddressSanitizer and UndefinedBehaviorSanitizer (any
# report fails the test that triggers it), together with the libFuzzer harnesses, each run from its seed
# corpus for a fixed number of executions (docs/reliability.md). tools/test.sh runs it after the Release
# suite; run it alone after tools/install_dependencies.sh. Build folder: build-asan.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DPNEUMO_SANITIZE=address,undefined -DPNEUMO_BUILD_FUZZERS=ON \
  -DPNEUMO_BUILD_TESTS=ON -DPNEUMO_BUILD_BENCHMARKS=OFF
cmake --build build-asan -j "$(nproc)"
# Readable stacks in reports; the symbolizer comes with llvm-14.
if [ -x /usr/lib/llvm-14/bin/llvm-symbolizer ]; then export ASAN_SYMBOLIZER_PATH=/usr/lib/llvm-14/bin/llvm-symbolizer; fi
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1}"
"$root/tools/ctest_reporting.sh" build-asan
