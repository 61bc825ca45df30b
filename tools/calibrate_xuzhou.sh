#!/usr/bin/env bash
# Re-runs the shipped calibration of Xuzhou's reported cases (docs/research.md, "Calibration"): the sweep over
# the prior (scenarios/sweeps/xuzhou_calibration.ini, 256 points x 4 replicates, about 7 minutes on one core
# per 1,000 replicate runs), then `pneumoplan calibrate` with its leave-one-out coverage check. Run it again
# after any change to the Xuzhou pack; the posterior and fit go to output/sweeps/xuzhou_calibration.csv.
#   tools/calibrate_xuzhou.sh [--threads T]     (build first: cmake --build build --target pneumoplan)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bin="${PNEUMOPLAN:-build/tools/pneumoplan}"
[ -x "$bin" ] || { echo "build pneumoplan first (cmake --build build --target pneumoplan), or set PNEUMOPLAN" >&2; exit 2; }
threads=()
if [ "${1:-}" = "--threads" ] && [ -n "${2:-}" ]; then threads=(--threads "$2"); fi
mkdir -p output/sweeps
# The sweep resumes from its journal (output/sweeps/xuzhou_calibration.h5.parts) if it was interrupted.
"$bin" sweep scenarios/sweeps/xuzhou_calibration.ini --out output/sweeps/xuzhou_calibration.h5 "${threads[@]}"
"$bin" calibrate output/sweeps/xuzhou_calibration.h5 --observed scenarios/xuzhou/observed_new_diagnoses.csv \
  --output new_diagnoses --coverage --out output/sweeps/xuzhou_calibration.csv
