#!/usr/bin/env bash
# The real executable refuses bad input with exit code 2, a file:line message and no output file, and
# refuses a bad command line the same way.
set -u
bin="$1"; scenario="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0

expect_refusal() {  # name, expected message fragment, command...
  local name="$1" fragment="$2"; shift 2
  local out="$work/$name.h5"
  "$@" --out "$out" >"$work/stdout" 2>"$work/stderr"
  local rc=$?
  if [ "$rc" -ne 2 ]; then echo "FAIL $name: exit code $rc, expected 2"; failures=$((failures+1)); fi
  if ! grep -qF -- "$fragment" "$work/stderr"; then
    echo "FAIL $name: stderr lacks '$fragment':"; cat "$work/stderr"; failures=$((failures+1))
  fi
  if ls "$work"/*.h5* "$work"/.*.h5* >/dev/null 2>&1; then
    echo "FAIL $name: an output file was written"; ls -la "$work"; failures=$((failures+1))
  fi
}

broken() {  # copy the scenario and apply a sed expression to one file
  local file="$1" expr="$2"
  rm -rf "$work/s"; cp -r "$scenario" "$work/s"
  sed -i "$expr" "$work/s/$file"
}

broken scenario.ini 's/seed = 7/seed = 7\nsead = 3/'
expect_refusal unknown_key "s/scenario.ini:8: unknown key 'simulation.sead'" "$bin" run "$work/s"
broken strata.csv 's/320381,stone_processing/320399,stone_processing/'
expect_refusal unknown_county "s/strata.csv:5: column 'county_code': expected a county listed in counties.csv" "$bin" run "$work/s"
broken strata.csv 's/female_share$/female/'
expect_refusal missing_column "s/strata.csv:1: unknown column 'female'" "$bin" run "$work/s"
broken townships.csv 's/,0,0$/,0,-1/'
expect_refusal negative_weight "s/townships.csv:7: column 'weight': expected a number in [0," "$bin" run "$work/s"
expect_refusal missing_folder "expected a scenario folder" "$bin" run "$work/does-not-exist"
expect_refusal bad_replicates "--replicates: expected a whole number" "$bin" run "$scenario" --replicates 0
expect_refusal unknown_option "unrecognised option '--replicas'" "$bin" run "$scenario" --replicas 3
# Found before the simulation, not after it.
expect_refusal scorecard_year "--scorecard-years: 1800 is outside the simulated years 1990-2030" "$bin" run "$scenario" --scorecard-years 1800
# An optional table that is a loop of symbolic links is named as such (not an internal error).
rm -rf "$work/s"; cp -r "$scenario" "$work/s"; rm "$work/s/institutions.csv"
ln -s loop.csv "$work/s/institutions.csv"; ln -s institutions.csv "$work/s/loop.csv"
expect_refusal symlink_loop "s/institutions.csv: expected a readable file; it is a loop of symbolic links" "$bin" run "$work/s"

# A folder given as the output file is a bad command line (exit 2), refused before any simulating
# (tests/cli/output_paths.sh checks every command and every kind of path).
mkdir -p "$work/folder.h5"
"$bin" run "$scenario" --out "$work/folder.h5" >/dev/null 2>"$work/stderr"
rc=$?
[ "$rc" -eq 2 ] || { echo "FAIL output folder: exit code $rc, expected 2"; failures=$((failures+1)); }
grep -q "expected a file to write, found a folder" "$work/stderr" || { echo "FAIL output folder: message"; cat "$work/stderr"; failures=$((failures+1)); }
rmdir "$work/folder.h5"

# Formula injection: text cells of a CSV that start with = + - @ are written as text ('=...), numbers as numbers.
rm -rf "$work/s"; cp -r "$scenario" "$work/s"
sed -i 's/^320305,贾汪区,Jiawang Qu,/320305,"=HYPERLINK(""http:\/\/x"",""y"")",=1+1,/' "$work/s/counties.csv"
"$bin" run "$work/s" --replicates 1 --out "$work/inj/r.h5" --quiet >/dev/null 2>"$work/stderr" || { echo "FAIL injection run: $(cat "$work/stderr")"; failures=$((failures+1)); }
# The scorecard names each region in the language of --lang: the English name here, the Chinese one with zh.
grep -q "^320305,\"'=1+1\"," "$work/inj/r.scorecard.csv" ||
  { echo "FAIL injection: names not neutralised:"; grep -m1 '^320305' "$work/inj/r.scorecard.csv"; failures=$((failures+1)); }
"$bin" scorecard "$work/inj/r.h5" --lang zh --quiet >/dev/null 2>"$work/stderr" || { echo "FAIL injection scorecard zh: $(cat "$work/stderr")"; failures=$((failures+1)); }
grep -q "^320305,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"," "$work/inj/r.scorecard.csv" ||
  { echo "FAIL injection (zh): names not neutralised:"; grep -m1 '^320305' "$work/inj/r.scorecard.csv"; failures=$((failures+1)); }
rm -rf "$work/inj"
# ... and --sbatch-options cannot add a line of shell to a job script.
spec="$work/sweep.ini"
printf '[sweep]\nscenario = %s\npoints = 2\noutputs = new_diagnoses\n[parameter.a]\nkey = surveillance.attendance\nmin = 0.3\nmax = 1.0\n' \
  "$(cd "$scenario" && pwd)" >"$spec"
for options in $'--time=1\nrm -rf /' '--time=1; rm -rf /' '--comment=$(reboot)' '--comment=`id`'; do
  "$bin" sweep "$spec" --slurm-array "$work/jobs" --sbatch-options "$options" >/dev/null 2>"$work/stderr"
  rc=$?
  [ "$rc" -eq 2 ] && grep -q -- "--sbatch-options: expected sbatch options" "$work/stderr" ||
    { echo "FAIL --sbatch-options '$options': exit code $rc: $(cat "$work/stderr")"; failures=$((failures+1)); }
  [ ! -e "$work/jobs" ] || { echo "FAIL --sbatch-options '$options': a job script was written"; failures=$((failures+1)); rm -rf "$work/jobs"; }
done

# --check validates without writing.
"$bin" run "$scenario" --check >"$work/stdout" 2>&1 || { echo "FAIL check: nonzero exit"; failures=$((failures+1)); }
grep -q "is valid" "$work/stdout" || { echo "FAIL check: no confirmation"; failures=$((failures+1)); }

"$bin" frobnicate >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL unknown command: exit code not 2"; failures=$((failures+1)); }
"$bin" run --help | grep -q -- "--threads" || { echo "FAIL help: no --threads"; failures=$((failures+1)); }

[ "$failures" -eq 0 ] && echo "all refusals correct"
exit "$failures"
