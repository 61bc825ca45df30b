#!/usr/bin/env bash
# One sweep file, four ways to run it, one result: threads (1 and 2), `mpirun -np 2` (OpenMPI), three shards
# joined by `merge` — byte-identical files. A sweep killed with SIGKILL resumes and ends identical to an
# uninterrupted run; injected point failures are recorded with their error and recomputed by --retry-failed;
# a bad sweep file is refused with file:line; the Slurm array script is written; calibration refuses sweeps on
# common random numbers and Morris designs, and runs on a sweep with independent random numbers.
set -eu
bin="$1"; small="$2"; here=$(dirname "$0")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
spec="$work/sweep.ini"
cat >"$spec" <<SPEC
# a small Latin hypercube over two parameters of the test scenario
[sweep]
scenario = $small
design = lhs
points = 9
replicates = 2
seed = 5
sampling_seed = 3
end_year = 2024
outputs = new_diagnoses, new_cases_true, indicator_hazard_declaration_rate

[parameter.attendance]
key = surveillance.attendance
min = 0.3
max = 1.0

[parameter.ppe]
key = exposure.ppe_reduction
min = 0.2
max = 0.9
SPEC
"$bin" sweep "$spec" --threads 2 --out "$work/threads2.h5" --quiet >/dev/null
"$bin" sweep "$spec" --threads 1 --out "$work/threads1.h5" --quiet >/dev/null
cmp "$work/threads1.h5" "$work/threads2.h5"
[ ! -e "$work/threads2.h5.parts" ] || { echo "journal left behind after a complete sweep"; exit 1; }

# OpenMPI, two ranks (as root it needs the two variables; more ranks than cores needs --oversubscribe).
command -v mpirun >/dev/null || { echo "mpirun is missing (tools/install_dependencies.sh installs openmpi-bin)"; exit 1; }
# Under AddressSanitizer (tools/test_sanitizers.sh) OpenMPI's own allocations, never freed by MPI_Finalize,
# would count as leaks of this program: leak checking is off for this one command (the threaded runs keep it).
OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_plm_rsh_agent= \
  ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0" mpirun -np 2 --oversubscribe "$bin" sweep "$spec" --threads 1 --out "$work/mpi.h5" --quiet >/dev/null
cmp "$work/threads1.h5" "$work/mpi.h5"

# Shards and merge.
for k in 0 1 2; do "$bin" sweep "$spec" --shard "$k/3" --threads 1 --out "$work/shard-$k.h5" --quiet >/dev/null; done
"$bin" merge "$work"/shard-*.h5 --out "$work/merged.h5" --quiet >/dev/null
cmp "$work/threads1.h5" "$work/merged.h5"
set +e; "$bin" merge "$work/shard-0.h5" "$work/shard-2.h5" --out "$work/partial.h5" >/dev/null 2>"$work/err.txt"; code=$?; set -e
[ "$code" -eq 1 ] && grep -q "in no shard" "$work/err.txt" || { echo "a merge with a missing shard must say so (exit $code)"; exit 1; }

# The Slurm job array script.
"$bin" sweep "$spec" --slurm-array "$work/array" --tasks 3 >/dev/null
grep -q '^#SBATCH --array=0-2$' "$work/array/sweep.sbatch"
grep -q -- '--shard "${SLURM_ARRAY_TASK_ID}/3"' "$work/array/sweep.sbatch"

# Kill and resume: a longer sweep killed with SIGKILL once a few points are journalled.
sed -e 's/^points = 9/points = 40/' -e 's/^replicates = 2/replicates = 1/' "$spec" >"$work/long.ini"
"$bin" sweep "$work/long.ini" --threads 2 --out "$work/long-whole.h5" --quiet >/dev/null
"$bin" sweep "$work/long.ini" --threads 1 --out "$work/long.h5" --quiet >/dev/null &
pid=$!
for _ in $(seq 1 600); do
  [ "$(ls "$work/long.h5.parts" 2>/dev/null | grep -c '^point-')" -ge 3 ] && break
  sleep 0.05
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
recorded=$(ls "$work/long.h5.parts" 2>/dev/null | grep -c '^point-' || true)
if [ -e "$work/long.h5" ]; then
  echo "note: the sweep finished before it could be killed; resume is still checked below"
else
  [ "$recorded" -ge 1 ] || { echo "no point was journalled before the kill"; exit 1; }
  [ "$recorded" -lt 40 ] || { echo "every point was journalled before the kill"; exit 1; }
fi
"$bin" sweep "$work/long.ini" --threads 2 --out "$work/long.h5" >"$work/resume.txt"
cmp "$work/long-whole.h5" "$work/long.h5"
echo "killed after $recorded of 40 points; resumed to an identical file"

# Failed points: recorded with the error, exit 1; --retry-failed recomputes only them.
set +e
PNEUMO_INJECT_POINT_FAILURE=1,4 "$bin" sweep "$spec" --threads 2 --out "$work/failing.h5" >/dev/null 2>"$work/fail.txt"
code=$?
set -e
[ "$code" -eq 1 ] || { echo "failed points: expected exit 1, got $code"; exit 1; }
grep -q "point 1 failed: surveillance.attendance=" "$work/fail.txt"
/usr/bin/python3 - "$work/failing.h5" <<'PY'
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r") as f:
    status = f["status"][()]
    assert list(np.where(status == -1)[0]) == [1, 4], status
    error = f["error"][1]
    error = error.decode() if isinstance(error, bytes) else error
    assert "injected failure" in error, error
    assert np.all(np.isnan(f["outputs/new_diagnoses"][1])), "a failed point has no values"
    assert f["design/value"].shape == (9, 2)
PY
set +e; "$bin" sweep "$spec" --threads 2 --out "$work/failing.h5" --quiet >/dev/null 2>&1; code=$?; set -e  # kept failed
[ "$code" -eq 1 ] || { echo "a sweep still holding failed points: expected exit 1, got $code"; exit 1; }
/usr/bin/python3 -c 'import sys,h5py; s=h5py.File(sys.argv[1],"r")["status"][()]; assert (s==-1).sum()==2, s' "$work/failing.h5" \
  || { echo "failed points must stay failed until --retry-failed"; exit 1; }
"$bin" sweep "$spec" --threads 2 --out "$work/failing.h5" --retry-failed --quiet >/dev/null
cmp "$work/threads1.h5" "$work/failing.h5"

# A bad sweep file: refused with file:line, exit 2, nothing written.
sed 's/^design = lhs/design = lhs\ncolour = red/' "$spec" >"$work/bad.ini"
set +e; "$bin" sweep "$work/bad.ini" --out "$work/bad.h5" 2>"$work/bad.txt"; code=$?; set -e
[ "$code" -eq 2 ] && grep -q "bad.ini:5: unknown key .sweep.colour. (see docs/research.md" "$work/bad.txt" || { echo "bad sweep file: exit $code"; cat "$work/bad.txt"; exit 1; }
[ ! -e "$work/bad.h5" ] && [ ! -e "$work/bad.h5.parts" ]

# Calibration needs points that sample the prior on independent random numbers: a sweep with common random
# numbers (the default) and a Morris design are refused with exit 2, nothing written.
printf 'first_year,last_year,value,source\n2015,2024,60,test\n2020,2020,7,test\n' >"$work/observed.csv"
"$bin" calibrate --help | tr -s ' \n' ' ' | grep -q "morris and saltelli are refused" || { echo "calibrate --help must say which designs it takes"; exit 1; }
set +e; "$bin" calibrate "$work/threads1.h5" --observed "$work/observed.csv" --out "$work/refused.csv" >/dev/null 2>"$work/crn.txt"; code=$?; set -e
[ "$code" -eq 2 ] && grep -q "common_random_numbers = false" "$work/crn.txt" || { echo "calibrate on common random numbers: exit $code"; cat "$work/crn.txt"; exit 1; }
sed -e 's/^design = lhs/design = morris\nlevels = 4/' -e 's/^points = 9/points = 3/' -e 's/^replicates = 2/replicates = 1/' "$spec" >"$work/morris.ini"
"$bin" sweep "$work/morris.ini" --threads 2 --out "$work/morris.h5" --quiet >/dev/null
set +e; "$bin" calibrate "$work/morris.h5" --observed "$work/observed.csv" --out "$work/refused.csv" >/dev/null 2>"$work/morris.txt"; code=$?; set -e
[ "$code" -eq 2 ] && grep -q "design lhs, sobol or grid); this sweep's design is 'morris'" "$work/morris.txt" || { echo "calibrate on a Morris sweep: exit $code"; cat "$work/morris.txt"; exit 1; }
[ ! -e "$work/refused.csv" ]

# Independent random numbers: replicate r of point n is stream n*R + r, so the file is again the same for any
# thread count; it records the choice, and calibration (with its leave-one-out coverage check) runs on it.
sed -e 's/^design = lhs/design = lhs\ncommon_random_numbers = false/' -e 's/^points = 9/points = 16/' "$spec" >"$work/independent.ini"
"$bin" sweep "$work/independent.ini" --threads 2 --out "$work/independent.h5" --quiet >/dev/null
"$bin" sweep "$work/independent.ini" --threads 1 --out "$work/independent1.h5" --quiet >/dev/null
cmp "$work/independent.h5" "$work/independent1.h5"
/usr/bin/python3 - "$work/independent.h5" "$work/threads1.h5" <<'PY'
import sys, h5py, numpy as np
with h5py.File(sys.argv[1], "r") as f, h5py.File(sys.argv[2], "r") as g:
    assert f.attrs["common_random_numbers"] == 0
    assert "common_random_numbers" not in g.attrs, "a sweep with common random numbers keeps its old attributes"
    x = f["outputs/new_diagnoses"][()]
    assert not np.array_equal(x[1], x[2]), "two points ran the same streams"
PY
set +e
"$bin" calibrate "$work/independent.h5" --observed "$work/observed.csv" --coverage --out "$work/posterior.csv" >"$work/cal.txt" 2>"$work/cal_err.txt"
code=$?
set -e
# Exit 1 only when the coverage check says the intervals are off (possible with 16 points); never a crash.
if [ "$code" -eq 1 ]; then grep -q "do not hold the truth in a share compatible" "$work/cal_err.txt"; else [ "$code" -eq 0 ]; fi
grep -q '^parameter,attendance,surveillance.attendance,' "$work/posterior.csv"
grep -q '^fit,.*,2020,2020,7,0.9,' "$work/posterior.csv"
grep -q '^coverage,ppe,' "$work/posterior.csv"
grep -q "effective points" "$work/cal.txt"
grep -q "Coverage (leave one out: 16 truths" "$work/cal.txt"

# Figures of sweeps: the response and the calibration posterior of the sweep on independent random numbers (the
# one calibration takes); Sobol indices of a small Saltelli design and Morris effects of a small Morris design —
# each checked as files, data and images. On common random numbers the posterior is refused as by calibrate.
"$bin" plot "$work/independent.h5" --out "$work/figs" --observed "$work/observed.csv" --level 0.8 --scripts >/dev/null
set +e; "$bin" plot "$work/threads1.h5" --out "$work/crn_figs" --observed "$work/observed.csv" >/dev/null 2>"$work/crn_plot.txt"; code=$?; set -e
[ "$code" -eq 2 ] && grep -q "common_random_numbers = false" "$work/crn_plot.txt" || { echo "plot --observed on common random numbers: exit $code"; cat "$work/crn_plot.txt"; exit 1; }
for design in saltelli morris; do
  sed "s/^design = lhs/design = $design/; s/^points = 9/points = 4/; s/^replicates = 2/replicates = 1/" "$spec" >"$work/$design.ini"
  "$bin" sweep "$work/$design.ini" --threads 2 --out "$work/$design.h5" --quiet >/dev/null
  "$bin" plot "$work/$design.h5" --out "$work/figs" --scripts --period 2020-2024 --output new_diagnoses >/dev/null
done
for figure in sweep_response_new_diagnoses sweep_posterior sweep_sobol_new_diagnoses sweep_morris_new_diagnoses; do
  [ -s "$work/figs/$figure.png" ] || { echo "FAIL: no $figure.png"; exit 1; }
done
/usr/bin/python3 "$here/check_figures.py" sweep "$work/saltelli.h5" "$work/figs"
# A report is for runs and comparisons: a sweep is refused with what to do instead.
set +e; "$bin" report "$work/saltelli.h5" --out "$work/report" 2>"$work/report.txt"; code=$?; set -e
[ "$code" -eq 2 ] && grep -q "'pneumoplan plot' draws its figures" "$work/report.txt"
echo "sweeps ok"
