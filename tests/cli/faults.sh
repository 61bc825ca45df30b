#!/usr/bin/env bash
# Faults while writing and reading results (docs/reliability.md): a full disk, an unwritable output
# folder, a run killed while it writes, and damaged results files given to the commands that read them.
# Each must give a clear error, leave earlier results byte for byte as they were, and leave no
# half-written file under a final name. Works as root (CI): nothing here relies on folder permissions.
#   faults.sh PNEUMOPLAN SMALL_SCENARIO CITY_SCENARIO
set -u
bin="$1"; scenario="$2"; city="$3"
work=$(mktemp -d)
mounted=()
cleanup() { local m; for m in "${mounted[@]}"; do umount "$m" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL $1"; failures=$((failures+1)); }
same() { cmp -s "$1" "$2"; }
temporaries() { find "$1" -mindepth 1 \( -name '.*.tmp-*' -o -name '.pneumoplan-set-*' \) -prune; }

# The commands that read a results file, as "ARGS" with {FILE} for the results file and {DIR} for a folder
# for their outputs. A new reader is one more line here.
readers=(
  "scorecard {FILE} --quiet"
  "stations {FILE} --csv {DIR}/stations.csv"
  "plot {FILE} --out {DIR}/figures --figures scorecard"
  "report {FILE} --out {DIR}/report --figures scorecard"
)

# Two complete results of the small scenario: "earlier" (seed 1) is what a failed run must leave alone,
# "new" (seed 2) what a successful one writes.
mkdir -p "$work/ref/earlier" "$work/ref/new"
"$bin" run "$scenario" --replicates 1 --seed 1 --out "$work/ref/earlier/r.h5" --quiet >/dev/null || exit 1
"$bin" run "$scenario" --replicates 1 --seed 2 --out "$work/ref/new/r.h5" --quiet >/dev/null || exit 1
size_kb=$(( ($(stat -c %s "$work/ref/new/r.h5") + 1023) / 1024 ))

# Checks folder $1 after a failed write: each results or scorecard file is the earlier or the new one,
# complete, and no temporary is left.
check_outcome() {
  local label="$1" dir="$2" f
  for f in r.h5 r.scorecard.csv r.scorecard.md; do
    if [ -e "$dir/$f" ] && ! same "$dir/$f" "$work/ref/earlier/$f" && ! same "$dir/$f" "$work/ref/new/$f"; then
      fail "$label: $f is neither the earlier nor the new complete file"
    fi
  done
  [ -z "$(temporaries "$dir")" ] || fail "$label: temporaries left: $(temporaries "$dir")"
}

# 1. Disk full, simulated with a file-size limit (ulimit -f, in KiB): writes past it fail with EFBIG.
#    Every limit below the file's size, then around its end (where the file is closed and sealed).
limits=$(seq 1 37 "$size_kb"; seq $((size_kb - 6)) $((size_kb + 20)))
full_runs=0
for limit in $limits; do
  [ "$limit" -ge 1 ] || continue
  dir="$work/full"; rm -rf "$dir"; cp -r "$work/ref/earlier" "$dir"
  (ulimit -f "$limit"; exec "$bin" run "$scenario" --replicates 1 --seed 2 --out "$dir/r.h5" --quiet) \
    >/dev/null 2>"$work/stderr"
  rc=$?
  full_runs=$((full_runs+1))
  if [ "$rc" -ne 0 ]; then
    [ "$rc" -eq 1 ] || fail "file-size limit $limit KiB: exit code $rc, expected 1"
    grep -q "^error: cannot write $dir/r\.\(h5\|scorecard\.csv\|scorecard\.md\)" "$work/stderr" ||
      fail "file-size limit $limit KiB: message: $(cat "$work/stderr")"
  elif ! same "$dir/r.h5" "$work/ref/new/r.h5"; then
    fail "file-size limit $limit KiB: exit code 0 without the complete new file"
  fi
  check_outcome "file-size limit $limit KiB" "$dir"
done
echo "disk full (file-size limit): $full_runs limits from 1 to $((size_kb + 20)) KiB checked"

# 2. A really full file system and a read-only one: small tmpfs mounts, where mounting is allowed.
if mkdir -p "$work/tmpfs" && mount -t tmpfs -o size=$((size_kb + size_kb / 2))k tmpfs "$work/tmpfs" 2>/dev/null; then
  mounted+=("$work/tmpfs")
  cp "$work/ref/earlier/"* "$work/tmpfs/"
  # Room for the earlier file and half a new one: an atomic replacement cannot fit.
  "$bin" run "$scenario" --replicates 1 --seed 2 --out "$work/tmpfs/r.h5" --quiet >/dev/null 2>"$work/stderr"
  rc=$?
  [ "$rc" -eq 1 ] || fail "full tmpfs: exit code $rc, expected 1"
  grep -q "^error: cannot write $work/tmpfs/r.h5" "$work/stderr" || fail "full tmpfs: message: $(cat "$work/stderr")"
  same "$work/tmpfs/r.h5" "$work/ref/earlier/r.h5" || fail "full tmpfs: the earlier result changed"
  check_outcome "full tmpfs" "$work/tmpfs"
  mkdir -p "$work/readonly" && mount -t tmpfs -o ro,size=64k tmpfs "$work/readonly" && mounted+=("$work/readonly")
  "$bin" run "$scenario" --replicates 1 --out "$work/readonly/r.h5" --quiet >/dev/null 2>"$work/stderr"
  rc=$?
  [ "$rc" -eq 1 ] || fail "read-only file system: exit code $rc, expected 1"
  grep -q "^error: cannot write in the folder of $work/readonly/r.h5: Read-only file system" "$work/stderr" ||
    fail "read-only file system: message: $(cat "$work/stderr")"
  # A figure on a full disk: gnuplot does not report its failed write; the message says why the file is cut.
  mkdir -p "$work/tiny" && mount -t tmpfs -o size=16k tmpfs "$work/tiny" && mounted+=("$work/tiny")
  "$bin" plot "$work/ref/earlier/r.h5" --out "$work/tiny/figures" --figures new_cases >/dev/null 2>"$work/stderr"
  rc=$?
  [ "$rc" -eq 1 ] || fail "figure on a full disk: exit code $rc, expected 1"
  grep -q "^error: cannot write figure new_cases (.*): the disk is full" "$work/stderr" ||
    fail "figure on a full disk: message: $(cat "$work/stderr")"
  [ -z "$(ls -A "$work/tiny")" ] || fail "figure on a full disk: left $(ls -A "$work/tiny")"
  echo "disk full (tmpfs) and read-only file system: checked"
else
  echo "SKIP full and read-only tmpfs: mounting is not allowed here (needs root with CAP_SYS_ADMIN)"
fi

# 3. Unwritable output locations that stop root too: a file where a folder is expected, and /proc.
touch "$work/a_file"
"$bin" run "$scenario" --replicates 1 --out "$work/a_file/r.h5" --quiet >/dev/null 2>"$work/stderr"
rc=$?
[ "$rc" -eq 1 ] || fail "file as folder: exit code $rc, expected 1"
grep -q "^error: cannot create output folder $work/a_file" "$work/stderr" || fail "file as folder: $(cat "$work/stderr")"
"$bin" run "$scenario" --replicates 1 --out /proc/pneumoplan-r.h5 --quiet >/dev/null 2>"$work/stderr"
rc=$?
[ "$rc" -eq 1 ] || fail "/proc: exit code $rc, expected 1"
grep -q "^error: cannot write in the folder of /proc/pneumoplan-r.h5" "$work/stderr" || fail "/proc: $(cat "$work/stderr")"
echo "unwritable output folders: checked"

# 4. Killed while writing: SIGKILL once the temporary holds data. The final name keeps the earlier complete
#    file; the temporary left is named as one; the next write of that name removes it and succeeds.
killed=0
for attempt in 1 2 3 4 5 6 7 8; do
  dir="$work/killed"; rm -rf "$dir"; mkdir -p "$dir"; cp "$work/ref/earlier/r.h5" "$dir/r.h5"
  "$bin" run "$city" --replicates 8 --out "$dir/r.h5" --quiet >/dev/null 2>&1 &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ -z "$(find "$dir" -name '.r.h5.tmp-*' -size +64k 2>/dev/null)" ]; do sleep 0.002; done
  kill -KILL "$pid" 2>/dev/null && killed_mid_write=1 || killed_mid_write=0
  wait "$pid" 2>/dev/null
  same "$dir/r.h5" "$work/ref/earlier/r.h5" || {
    # Finished before the kill: then the file must be the complete new result.
    "$bin" scorecard "$dir/r.h5" --quiet >/dev/null 2>&1 || fail "kill attempt $attempt: r.h5 is neither the earlier nor a complete result"
    continue
  }
  [ "$killed_mid_write" -eq 1 ] || continue
  # The run's outputs are written in a staging folder (a set, tests/cli/output_sets.sh): one is left, with
  # the temporary of the results file in it.
  left=$(temporaries "$dir")
  [[ "$(basename "$left")" =~ ^\.pneumoplan-set-[A-Za-z0-9_-]+-[0-9]+-[0-9]+$ ]] ||
    fail "kill: expected one staging folder named .pneumoplan-set-HOST-PID-N, found '$left'"
  inside=$(find "$left" -name '.r.h5.tmp-*')
  [[ "$(basename "$inside")" =~ ^\.r\.h5\.tmp-[A-Za-z0-9_-]+-[0-9]+-[0-9]+$ ]] ||
    fail "kill: expected one temporary named .r.h5.tmp-HOST-PID-N in the staging folder, found '$inside'"
  "$bin" run "$scenario" --replicates 1 --seed 2 --out "$dir/r.h5" --quiet >/dev/null 2>"$work/stderr" ||
    fail "kill: the next run failed: $(cat "$work/stderr")"
  same "$dir/r.h5" "$work/ref/new/r.h5" || fail "kill: the next run did not write the complete new result"
  [ -z "$(temporaries "$dir")" ] || fail "kill: the next run left the killed run's temporary: $(temporaries "$dir")"
  killed=1
  break
done
[ "$killed" -eq 1 ] && echo "killed while writing: checked (attempt $attempt)" || fail "kill: never caught a run while it was writing"

# 4b. Interrupted: SIGTERM and SIGINT while a city run simulates end it with 143 and 130, one line on stderr,
#     the earlier set untouched, no temporary and no staging folder left. A sweep interrupted the same way
#     keeps its journal (it resumes) but no temporary.
for signal in TERM INT; do
  dir="$work/interrupted"; rm -rf "$dir"; cp -r "$work/ref/earlier" "$dir"
  "$bin" run "$city" --replicates 8 --out "$dir/r.h5" --quiet >/dev/null 2>"$work/stderr" &
  pid=$!
  while kill -0 "$pid" 2>/dev/null && [ -z "$(find "$dir" -name '.pneumoplan-set-*' 2>/dev/null)" ]; do sleep 0.005; done
  sleep 0.2
  kill -"$signal" "$pid" 2>/dev/null
  wait "$pid"
  rc=$?
  expected=143; [ "$signal" = INT ] && expected=130
  [ "$rc" -eq "$expected" ] || fail "SIG$signal: exit code $rc, expected $expected"
  grep -q "^pneumoplan: interrupted by SIG$signal; temporary files removed" "$work/stderr" ||
    fail "SIG$signal: message: $(cat "$work/stderr")"
  for f in r.h5 r.scorecard.csv r.scorecard.md; do same "$dir/$f" "$work/ref/earlier/$f" || fail "SIG$signal: $f changed"; done
  [ -z "$(temporaries "$dir")" ] || fail "SIG$signal: left $(temporaries "$dir")"
done
spec="$work/sweep.ini"
printf '[sweep]\nscenario = %s\ndesign = lhs\npoints = 6\nreplicates = 1\nend_year = 2022\noutputs = new_diagnoses\n[parameter.a]\nkey = surveillance.attendance\nmin = 0.3\nmax = 1.0\n' \
  "$(cd "$scenario" && pwd)" >"$spec"
dir="$work/sweep"; rm -rf "$dir"; mkdir -p "$dir"
"$bin" sweep "$spec" --threads 1 --out "$dir/s.h5" --quiet >/dev/null 2>&1 &
pid=$!
while kill -0 "$pid" 2>/dev/null && [ -z "$(ls "$dir/s.h5.parts"/point-* 2>/dev/null)" ]; do sleep 0.005; done
kill -TERM "$pid" 2>/dev/null; wait "$pid"; rc=$?
if [ "$rc" -eq 143 ]; then
  [ -e "$dir/s.h5.parts/fingerprint" ] || fail "SIGTERM: the sweep's journal is gone"
  [ -z "$(temporaries "$dir")" ] || fail "SIGTERM: the sweep left $(temporaries "$dir")"
  "$bin" sweep "$spec" --threads 1 --out "$dir/s.h5" --quiet >/dev/null || fail "SIGTERM: the sweep does not resume"
else
  [ "$rc" -eq 0 ] || fail "SIGTERM of a sweep: exit code $rc"  # finished first
fi
echo "SIGTERM and SIGINT: checked"

# 5. Damaged results files given to every reader: a clear error naming the file (exit code 1), and
#    nothing written or changed next to it, not even the outputs of an earlier good read.
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
checked=0
for reader in "${readers[@]}"; do
  for kind in truncated_half truncated_after_seal byte_flipped seal_removed empty not_hdf5; do
    dir="$work/read"; rm -rf "$dir"; mkdir -p "$dir"; cp "$work/ref/new/r.h5" "$dir/r.h5"
    command=${reader//\{FILE\}/$dir/r.h5}; command=${command//\{DIR\}/$dir}
    # shellcheck disable=SC2086  # the reader's arguments are words
    "$bin" $command >/dev/null 2>&1 || fail "$reader: fails on a good file"
    (cd "$dir" && md5sum -- * 2>/dev/null | grep -v ' r.h5$') >"$work/before"
    damage "$kind" "$work/ref/new/r.h5" "$dir/r.h5"
    # shellcheck disable=SC2086
    "$bin" $command >/dev/null 2>"$work/stderr"
    rc=$?
    label="$(echo "$reader" | cut -d' ' -f1) on a $kind file"
    [ "$rc" -eq 1 ] || fail "$label: exit code $rc, expected 1"
    grep -q "^error: $dir/r.h5: " "$work/stderr" || fail "$label: message does not start with the file: $(cat "$work/stderr")"
    [ "$(wc -l <"$work/stderr")" -eq 1 ] || fail "$label: expected one line: $(cat "$work/stderr")"
    (cd "$dir" && md5sum -- * 2>/dev/null | grep -v ' r.h5$') >"$work/after"
    cmp -s "$work/before" "$work/after" || fail "$label: files next to it changed: $(diff "$work/before" "$work/after")"
    [ -z "$(temporaries "$dir")" ] || fail "$label: temporaries left"
    checked=$((checked+1))
  done
done
echo "damaged results files: $checked reader x damage combinations checked"

[ "$failures" -eq 0 ] && echo "all faults handled"
exit "$failures"
