#!/usr/bin/env bash
# Damaged comparison, sweep, shard and merged sweep files and journal records given to the real commands that
# read them (results files: faults.sh). Each damage — cut in half, cut after the seal, a byte changed, the seal
# removed, an empty file, a CSV in its place — must end in exit code 1 and one line "error: FILE: ...", leave
# every file next to it as it was, and leave no temporary. The in-process campaign over every reader is
# DamagedFiles.* (tests/results/test_damaged_files.cpp).
#   damaged_files.sh PNEUMOPLAN SMALL_SCENARIO
set -u
bin="$1"; scenario="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $1"; failures=$((failures+1)); }
cd "$work" || exit 1
cp -r "$scenario" s

set -e
packages=(--set intervention.dust.type=engineering_control --set intervention.dust.intensity=0.5
          --set intervention.dust.start_year=2021 --set "intervention.dust.source=assumed: test"
          --set package.dust.interventions=dust --set simulation.start_year=2019 --set simulation.end_year=2025)
"$bin" compare s --replicates 1 --out good/compare --quiet "${packages[@]}" >/dev/null
cat >sweep.ini <<SPEC
[sweep]
scenario = s
design = saltelli
points = 2
replicates = 1
end_year = 2022
outputs = new_diagnoses

[parameter.attendance]
key = surveillance.attendance
min = 0.3
max = 1.0
SPEC
"$bin" sweep sweep.ini --out good/sweep.h5 --quiet >/dev/null
"$bin" sweep sweep.ini --shard 0/2 --out good/shard-0.h5 --quiet >/dev/null
"$bin" sweep sweep.ini --shard 1/2 --out good/shard-1.h5 --quiet >/dev/null
"$bin" merge good/shard-0.h5 good/shard-1.h5 --out good/merged.h5 --quiet >/dev/null
printf 'first_year,last_year,value\n2016,2020,50\n' >obs.csv
set +e

damage() {  # damage KIND GOOD OUT
  case "$1" in
    truncated_half) head -c $(( $(stat -c %s "$2") / 2 )) "$2" >"$3" ;;
    truncated_after_seal) head -c 600 "$2" >"$3" ;;
    byte_flipped) cp "$2" "$3"; printf '\x5a' | dd of="$3" bs=1 seek=$(( $(stat -c %s "$2") / 3 )) conv=notrunc 2>/dev/null ;;
    seal_removed) tail -c +513 "$2" >"$3" ;;
    empty) : >"$3" ;;
    not_hdf5) printf 'county_code,name_zh\n320305,贾汪区\n' >"$3" ;;
  esac
}
kinds=(truncated_half truncated_after_seal byte_flipped seal_removed empty not_hdf5)

# check LABEL DIR DAMAGED_FILE COMMAND...: the command on the damaged file must fail cleanly.
check() {
  local label="$1" dir="$2" file="$3"; shift 3
  (cd "$dir" && find . -type f ! -name "$(basename "$file")" -print0 | sort -z | xargs -0 md5sum) >"$work/before"
  "$bin" "$@" >/dev/null 2>"$work/stderr"
  local rc=$?
  [ "$rc" -eq 1 ] || fail "$label: exit code $rc, expected 1: $(head -c 300 "$work/stderr")"
  grep -q "^error: $file: " "$work/stderr" || fail "$label: message does not start with the file: $(head -c 300 "$work/stderr")"
  [ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "$label: expected one line: $(cat "$work/stderr")"
  (cd "$dir" && find . -type f ! -name "$(basename "$file")" -print0 | sort -z | xargs -0 md5sum) >"$work/after"
  cmp -s "$work/before" "$work/after" || fail "$label: files next to it changed"
  [ -z "$(find "$dir" \( -name '.*.tmp-*' -o -name '.pneumoplan-set-*' \))" ] || fail "$label: temporaries left"
  checked=$((checked+1))
}
checked=0

for kind in "${kinds[@]}"; do
  # A comparison file, read by plot and report.
  rm -rf c; cp -r good/compare c
  damage "$kind" good/compare/comparison.h5 c/comparison.h5
  check "plot, $kind comparison" c c/comparison.h5 plot c/comparison.h5 --out figures --figures outcomes
  check "report, $kind comparison" c c/comparison.h5 report c/comparison.h5 --out report --figures outcomes
  [ ! -e figures ] && [ ! -e report ] || fail "$kind comparison: an output folder was made"
  # A whole sweep, read by sensitivity and calibrate; a merged one; a shard, read by merge.
  rm -rf w; mkdir w
  damage "$kind" good/sweep.h5 w/sweep.h5
  check "sensitivity, $kind sweep" w w/sweep.h5 sensitivity w/sweep.h5 --output new_diagnoses --out w/indices.csv
  check "calibrate, $kind sweep" w w/sweep.h5 calibrate w/sweep.h5 --observed obs.csv --out w/fit.csv
  damage "$kind" good/merged.h5 w/merged.h5
  check "calibrate, $kind merged sweep" w w/merged.h5 calibrate w/merged.h5 --observed obs.csv
  cp good/shard-1.h5 w/shard-1.h5
  damage "$kind" good/shard-0.h5 w/shard-0.h5
  check "merge, $kind shard" w w/shard-0.h5 merge w/shard-0.h5 w/shard-1.h5 --out w/joined.h5
  [ ! -e w/joined.h5 ] || fail "merge, $kind shard: wrote the joined file"
done

# A journal record: a sweep killed after its first points resumes from its journal; a damaged record stops
# it, naming the record, and the journal stays for another try.
rm -rf j; mkdir j
"$bin" sweep sweep.ini --threads 1 --out j/sweep.h5 --quiet >/dev/null 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null && [ -z "$(ls j/sweep.h5.parts/point-* 2>/dev/null)" ]; do sleep 0.01; done
kill -KILL "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
# What the killed sweep was writing when it died, if anything: the next command removes such a stale temporary
# (tested in faults.sh), which would count here as a file next to the record changing. Whether there is one
# depends on when the kill lands; removing it first makes every run check the same thing.
find j -name '.*.tmp-*' -delete
record=$(ls j/sweep.h5.parts/point-* 2>/dev/null | head -1)
if [ -z "$record" ]; then
  echo "SKIP journal records: the sweep finished before it could be killed"
else
  cp "$record" "$work/record"
  for kind in truncated_half byte_flipped empty not_hdf5; do
    damage "$kind" "$work/record" "$record"
    check "sweep resume, $kind journal record" j/sweep.h5.parts "$record" sweep sweep.ini --out j/sweep.h5 --quiet
  done
fi

echo "damaged files: $checked command x damage combinations checked"
[ "$failures" -eq 0 ] && echo "every damaged file refused cleanly"
exit "$failures"
