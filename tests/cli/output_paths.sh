#!/usr/bin/env bash
# No command writes over its own input or over a device (docs/reliability.md): every output path is checked
# before any work. For every command that writes a file, the output is given as one of its inputs (by the
# same path, another spelling, a symbolic and a hard link), as a character device, a FIFO, a folder, an empty
# path and a path ending in '/'; each must be refused with exit code 2, naming the output and (for an input)
# the input, and leave every file, the device and the FIFO as they were.
#   output_paths.sh PNEUMOPLAN SMALL_SCENARIO COHORT_FILE
set -u
bin="$1"; scenario="$2"; cohort="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir "$work/t" && cd "$work/t" || exit 1
failures=0
fail() { echo "FAIL $1"; failures=$((failures+1)); }

# Inputs of every kind: a scenario, a results file, a sweep file and its two shards, observations, a
# cohort file.
cp -r "$scenario" s
cp "$cohort" cohort.ini
quick=(--replicates 1 --set simulation.start_year=2019 --set simulation.end_year=2025 --quiet)
"$bin" run s "${quick[@]}" --out r.h5 >/dev/null || exit 1
cat >sweep.ini <<SPEC
[sweep]
scenario = s
design = lhs
points = 2
replicates = 1
end_year = 2022
outputs = new_diagnoses

[parameter.attendance]
key = surveillance.attendance
min = 0.3
max = 1.0
SPEC
"$bin" sweep sweep.ini --out sw.h5 --quiet >/dev/null || exit 1
"$bin" sweep sweep.ini --shard 0/2 --out shard0.h5 --quiet >/dev/null || exit 1
"$bin" sweep sweep.ini --shard 1/2 --out shard1.h5 --quiet >/dev/null || exit 1
printf 'first_year,last_year,value\n2010,2015,50\n' >obs.csv
mkfifo fifo
mkdir folder
ln -s s/strata.csv strata_link.csv
ln s/townships.csv townships_hard_link.csv
mkdir figures && cp r.h5 figures/new_cases.png

snapshot() { find . -type f -print0 | sort -z | xargs -0 md5sum 2>/dev/null; find . \( -type p -o -type l \) | sort; ls -la; }
snapshot >"$work/before.txt" 2>/dev/null

refused() {  # refused LABEL EXPECTED_FRAGMENT [SECOND_FRAGMENT] -- COMMAND...
  local label="$1" fragment="$2" second=""
  shift 2
  if [ "$1" != "--" ]; then second="$1"; shift; fi
  shift
  "$bin" "$@" >/dev/null 2>"$work/stderr"
  local rc=$?
  [ "$rc" -eq 2 ] || fail "$label: exit code $rc, expected 2: $(cat "$work/stderr")"
  grep -qF -- "$fragment" "$work/stderr" || fail "$label: message lacks '$fragment': $(cat "$work/stderr")"
  [ -z "$second" ] || grep -qF -- "$second" "$work/stderr" || fail "$label: message lacks '$second': $(cat "$work/stderr")"
  snapshot >"$work/after.txt" 2>/dev/null
  cmp -s "$work/before.txt" "$work/after.txt" || { fail "$label: files changed: $(diff "$work/before.txt" "$work/after.txt" | head -5)"; snapshot >"$work/before.txt" 2>/dev/null; }
  [ -c /dev/null ] || fail "$label: /dev/null is no longer a device"
  checked=$((checked+1))
}
checked=0

# An input as the output: by its own path, another spelling, a symbolic link and a hard link.
refused "run --out counties.csv" "--out s/counties.csv: is the input s/counties.csv" -- run s --out s/counties.csv
refused "run --out scenario.ini" "is the input s/scenario.ini" -- run s --out s/scenario.ini
refused "run --out ./s/../s/life_table.csv" "is the input s/life_table.csv" -- run s --out ./s/../s/life_table.csv
refused "run --out a symbolic link" "--out strata_link.csv: is the input s/strata.csv" -- run s --out strata_link.csv
refused "run --out a hard link" "is the input s/townships.csv" -- run s --out townships_hard_link.csv
refused "run --check --out an input" "is the input s/targets.csv" -- run s --check --out s/targets.csv
refused "stations --csv its results" "--csv r.h5: is the input r.h5" -- stations r.h5 --csv r.h5
refused "sensitivity --out its sweep" "--out sw.h5: is the input sw.h5" -- sensitivity sw.h5 --output new_diagnoses --out sw.h5
refused "calibrate --out its observations" "--out obs.csv: is the input obs.csv" -- calibrate sw.h5 --observed obs.csv --out obs.csv
refused "calibrate --out its sweep" "--out sw.h5: is the input sw.h5" -- calibrate sw.h5 --observed obs.csv --out sw.h5
refused "sweep --out its sweep file" "--out sweep.ini: is the input sweep.ini" -- sweep sweep.ini --out sweep.ini
refused "sweep --out its scenario" "is the input s/strata.csv" -- sweep sweep.ini --out s/strata.csv
refused "merge --out a shard" "--out shard1.h5: is the input shard1.h5" -- merge shard0.h5 shard1.h5 --out shard1.h5
refused "cohort --out its file" "--out cohort.ini: is the input cohort.ini" -- cohort cohort.ini --out cohort.ini
refused "target --out its scenario" "is the input s/targets.csv" -- target s --intervention none --indicator hazard_declaration_rate --out s/targets.csv
refused "plot over its input" "is the input figures/new_cases.png" -- plot figures/new_cases.png --out figures --figures new_cases

# Devices, FIFOs, folders, empty paths and paths ending in '/'.
refused "run --out /dev/null" "--out /dev/null: expected a file to write, found a character device" -- run s --out /dev/null
refused "stations --csv /dev/null" "found a character device" -- stations r.h5 --csv /dev/null
refused "cohort --out /dev/null" "found a character device" -- cohort cohort.ini --out /dev/null
refused "sensitivity --out /dev/null" "found a character device" -- sensitivity sw.h5 --output new_diagnoses --out /dev/null
refused "run --out FIFO" "--out fifo: expected a file to write, found a FIFO" -- run s --out fifo
refused "calibrate --out FIFO" "found a FIFO" -- calibrate sw.h5 --observed obs.csv --out fifo
refused "merge --out FIFO" "found a FIFO" -- merge shard0.h5 shard1.h5 --out fifo
refused "run --out folder" "--out folder: expected a file to write, found a folder" -- run s --out folder
refused "cohort --out folder" "found a folder" -- cohort cohort.ini --out folder
refused "sweep --out folder" "found a folder" -- sweep sweep.ini --out folder
refused "run --out ''" "expected a path, found an empty one" -- run s --out ""
refused "merge --out ''" "expected a path, found an empty one" -- merge shard0.h5 shard1.h5 --out ""
refused "run --out new.h5/" "--out new.h5/: expected a file name, found a folder path" -- run s --out new.h5/
refused "plot --out a file" "--out r.h5: expected a folder for the outputs, found a file" -- plot r.h5 --out r.h5
refused "report --out a device" "expected a folder for the outputs, found a character device" -- report r.h5 --out /dev/null
refused "compare --out a file" "expected a folder for the outputs, found a file" -- compare s --out s/counties.csv
refused "sweep --slurm-array a file" "expected a folder for the outputs, found a file" -- sweep sweep.ini --slurm-array obs.csv
[ ! -e new.h5 ] || fail "a refused run created new.h5"

echo "output paths: $checked refusals checked"
[ "$failures" -eq 0 ] && echo "no command wrote over an input or a device"
exit "$failures"
