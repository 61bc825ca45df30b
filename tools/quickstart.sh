#!/usr/bin/env bash
# First command of the README: installs what is missing, builds pneumoplan in Release, installs it (to
# /usr/local: the program on the PATH, its manual pages, bash completion and the scenario packs) and runs the
# default scenario (Xuzhou), printing where the results are.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
tools/install_dependencies.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release
cmake --build build --target pneumoplan man_pages -j "$(nproc)"
cmake --install build
hash -r
pneumoplan run scenarios/xuzhou
