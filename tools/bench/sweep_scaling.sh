#!/usr/bin/env bash
# Sweep overhead and scaling (docs/performance.md): the time per point of a 16-point sweep against the time per
# replicate of a plain run of the same scenario, both on one thread; and the same sweep on 1 and 2 MPI ranks of
# one thread each, and on 1 and 2 threads. Each measurement is the median of three runs.
# usage: tools/bench/sweep_scaling.sh [build/tools/pneumoplan] [scenarios/xuzhou]
set -euo pipefail
bin="$(realpath "${1:-build/tools/pneumoplan}")"
scenario="$(realpath "${2:-scenarios/xuzhou}")"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
cat >"$work/sweep.ini" <<SPEC
[sweep]
scenario = $scenario
design = lhs
points = 16
replicates = 1
end_year = 2025
outputs = new_diagnoses, new_cases_true
[parameter.attendance]
key = surveillance.attendance
min = 0.85
max = 0.95
SPEC
median_seconds() {  # median wall time of three runs of "$@"
  local times=()
  for _ in 1 2 3; do
    rm -rf "$work"/out*
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
  done
  printf '%s\n' "${times[@]}" | sort -g | sed -n 2p
}
run=$(median_seconds "$bin" run "$scenario" --replicates 16 --threads 1 --set simulation.end_year=2025 --out "$work/out.h5" --quiet)
sweep=$(median_seconds "$bin" sweep "$work/sweep.ini" --threads 1 --out "$work/out.h5" --quiet)
threads2=$(median_seconds "$bin" sweep "$work/sweep.ini" --threads 2 --out "$work/out.h5" --quiet)
mpi1=$(median_seconds mpirun -np 1 "$bin" sweep "$work/sweep.ini" --threads 1 --out "$work/out.h5" --quiet)
mpi2=$(median_seconds mpirun -np 2 --oversubscribe "$bin" sweep "$work/sweep.ini" --threads 1 --out "$work/out.h5" --quiet)
printf 'plain run, 16 replicates, 1 thread:  %6.2f s  (%.3f s per replicate)\n' "$run" "$(echo "$run / 16" | bc -l)"
printf 'sweep, 16 points x 1, 1 thread:     %6.2f s  (%.3f s per point; overhead %+.3f s per point)\n' "$sweep" \
  "$(echo "$sweep / 16" | bc -l)" "$(echo "($sweep - $run) / 16" | bc -l)"
printf 'sweep, 2 threads:                   %6.2f s  (speed-up %.2f)\n' "$threads2" "$(echo "$sweep / $threads2" | bc -l)"
printf 'sweep, mpirun -np 1 (1 thread):     %6.2f s\n' "$mpi1"
printf 'sweep, mpirun -np 2 (1 thread each): %6.2f s  (speed-up %.2f over 1 rank)\n' "$mpi2" "$(echo "$mpi1 / $mpi2" | bc -l)"
