#!/usr/bin/env bash
# Command-line conventions: the documented exit codes (0 success, 1 failure, 2 bad input or command line) for a
# bare call, help, bad options and files of the wrong sweep; `pneumoplan help COMMAND`; defaults in --help as the
# docs write them; -q printing exactly one line, the path, and nothing else; progress as plain lines in a log
# and never with -q unless asked; the default thread count following the affinity mask, SLURM_CPUS_PER_TASK and
# the MPI ranks of a node; and every reader naming the kind of file it was given.
set -u
bin="$1"; small="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $*"; failures=$((failures + 1)); }
expect_code() {  # expected code, name, command...
  local expected="$1" name="$2"; shift 2
  "$@" >"$work/out" 2>"$work/err"
  local code=$?
  [ "$code" -eq "$expected" ] || { fail "$name: exit code $code, expected $expected"; cat "$work/err"; }
}
one_line() {  # name, expected line: stdout must be exactly that one line and stderr empty
  local name="$1" expected="$2"
  [ "$(wc -l <"$work/out")" -eq 1 ] && [ "$(cat "$work/out")" = "$expected" ] \
    || { fail "$name -q printed:"; cat "$work/out"; }
  [ ! -s "$work/err" ] || { fail "$name -q wrote to stderr:"; cat "$work/err"; }
}

# Exit codes and help.
expect_code 2 "bare pneumoplan" "$bin"
[ ! -s "$work/out" ] && grep -q "Usage: pneumoplan COMMAND" "$work/err" || fail "bare pneumoplan: usage belongs on stderr"
expect_code 0 "pneumoplan help" "$bin" help
expect_code 0 "pneumoplan help run" "$bin" help run
"$bin" run --help >"$work/run-help"
cmp -s "$work/out" "$work/run-help" || fail "'pneumoplan help run' differs from 'pneumoplan run --help'"
expect_code 2 "pneumoplan help frobnicate" "$bin" help frobnicate
expect_code 2 "an unknown command" "$bin" frobnicate
expect_code 2 "--progress bogus" "$bin" run "$small" --progress bogus --out "$work/x.h5"
[ ! -e "$work/x.h5" ] || fail "--progress bogus wrote a file"
commands=$("$bin" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | grep -vx help)
for command in $commands; do
  "$bin" help "$command" >"$work/help" 2>&1 || fail "help $command: nonzero exit"
  # Defaults as written in the docs: 0.8, not 0.80000000000000004.
  if grep -E '\(=[-0-9]*\.[0-9]{6,}\)' "$work/help"; then fail "help $command prints a default in binary noise"; fi
done

# -q: one line, the path; nothing on stderr (not even progress) unless --progress always.
expect_code 0 "run -q" "$bin" run "$small" --replicates 2 --out "$work/r.h5" -q
one_line "run" "$work/r.h5"
[ -s "$work/r.scorecard.csv" ] || fail "run -q wrote no scorecard"
expect_code 0 "scorecard -q" "$bin" scorecard "$work/r.h5" -q
one_line "scorecard" "$work/r.scorecard.csv"
# Progress lines come every --progress-every seconds, so the runs that must show one are long enough to: 60
# replicates of the small city take about half a second here (2 took 0.02 s, under the first period when the
# machine was idle: the test failed now and then).
expect_code 0 "run -q --progress always" "$bin" run "$small" --replicates 60 --out "$work/p.h5" -q --progress always \
  --progress-every 0.01
[ "$(cat "$work/out")" = "$work/p.h5" ] || fail "run -q --progress always: stdout is not the path"
grep -q 'pneumoplan run small: .*replicate-years' "$work/err" || fail "--progress always: no progress on stderr"

# Progress in a log (stderr not a terminal): plain, timestamped lines, and the end.
"$bin" run "$small" --replicates 60 --out "$work/log.h5" --progress-every 0.01 >/dev/null 2>"$work/log"
grep -Eq '^[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9:]{8} pneumoplan run small: [0-9]+/[0-9]+ replicate-years' "$work/log" \
  || { fail "no plain progress line in a log"; cat "$work/log"; }
grep -q 'finished' "$work/log" || fail "the log does not show the end of the run"
grep -q $'\r' "$work/log" && fail "a log got terminal redraws"

# The default thread count: the affinity mask, SLURM_CPUS_PER_TASK, and a share of the node per MPI rank.
threads_of() { "$@" run "$small" --replicates 1 --out "$work/t.h5" | sed -n 's/.*, \([0-9]*\) threads, .*/\1/p'; }
[ "$(threads_of taskset -c 0 "$bin")" = 1 ] || fail "taskset -c 0: expected 1 thread"
[ "$(threads_of env SLURM_CPUS_PER_TASK=1 "$bin")" = 1 ] || fail "SLURM_CPUS_PER_TASK=1: expected 1 thread"
if [ "$(nproc)" -ge 2 ]; then
  two=$(threads_of taskset -c 0,1 "$bin")
  shared=$(threads_of taskset -c 0,1 env OMPI_COMM_WORLD_SIZE=2 OMPI_COMM_WORLD_LOCAL_SIZE=2 "$bin")
  [ "$two" = 2 ] && [ "$shared" = 1 ] || fail "2 CPUs: $two threads alone, $shared per rank of 2 (expected 2 and 1)"
fi

# Sweeps: -q, the resume notice, and files of another sweep (exit 2).
cat >"$work/a.ini" <<SPEC
[sweep]
scenario = $small
design = lhs
points = 4
end_year = 2022
outputs = new_diagnoses
[parameter.attendance]
key = surveillance.attendance
min = 0.4
max = 1.0
SPEC
sed 's/points = 4/points = 5/' "$work/a.ini" >"$work/b.ini"
expect_code 0 "sweep -q" "$bin" sweep "$work/a.ini" --out "$work/a.h5" --threads 1 -q
one_line "sweep" "$work/a.h5"
expect_code 0 "sweep --slurm-array -q" "$bin" sweep "$work/a.ini" --slurm-array "$work/jobs" -q
one_line "sweep --slurm-array" "$work/jobs/sweep.sbatch"
expect_code 2 "sweep --time bogus" "$bin" sweep "$work/a.ini" --slurm-array "$work/jobs2" --time soon
for k in 0 1; do "$bin" sweep "$work/a.ini" --shard "$k/2" --out "$work/a-$k.h5" --threads 1 -q >/dev/null; done
"$bin" sweep "$work/b.ini" --shard 1/2 --out "$work/b-1.h5" --threads 1 -q >/dev/null
expect_code 2 "merge of another sweep's shard" "$bin" merge "$work/a-0.h5" "$work/b-1.h5" --out "$work/m.h5"
grep -q "belongs to another sweep" "$work/err" || fail "merge: no word of the other sweep"
expect_code 0 "merge -q" "$bin" merge "$work/a-0.h5" "$work/a-1.h5" --out "$work/m.h5" -q
one_line "merge" "$work/m.h5"
mkdir "$work/c.h5.parts" && echo 0123456789abcdef >"$work/c.h5.parts/fingerprint"
expect_code 2 "a journal of another sweep" "$bin" sweep "$work/a.ini" --out "$work/c.h5" --threads 1
grep -q "journal of another sweep" "$work/err" || fail "journal: no word of the other sweep"
# A resumed sweep says what it found: two points already recorded (a finished result of the same sweep counts as
# recorded, here shard 0's), two to compute.
cp "$work/a-0.h5" "$work/resume.h5"
"$bin" sweep "$work/a.ini" --out "$work/resume.h5" --threads 1 >/dev/null 2>"$work/err" || fail "resume: nonzero exit"
grep -q "resuming .*found 2 done and 0 failed of the 4 points.*computing 2" "$work/err" \
  || { fail "a resumed sweep does not say what it found:"; cat "$work/err"; }
cmp -s "$work/resume.h5" "$work/a.h5" || fail "the resumed sweep differs from the whole one"

# Every reader names the kind of file it was given.
"$bin" compare "$small" --replicates 1 --packages baseline,dust --out "$work/cmp" -q \
  --set intervention.dust.type=engineering_control --set intervention.dust.intensity=0.5 \
  --set intervention.dust.start_year=2021 --set "intervention.dust.source=assumed: test" \
  --set package.dust.interventions=dust >/dev/null || fail "compare failed"
names_kind() {  # command..., then the expected words are in $work/err
  local words="$1"; shift
  "$@" >/dev/null 2>"$work/err" && fail "$*: accepted a file of the wrong kind"
  grep -q "$words" "$work/err" || { fail "$*: does not say '$words':"; cat "$work/err"; }
}
names_kind "a comparison file of 'pneumoplan compare', not a results file" "$bin" scorecard "$work/cmp/comparison.h5"
names_kind "a comparison file of 'pneumoplan compare', not a results file" "$bin" stations "$work/cmp/comparison.h5"
names_kind "a sweep file of 'pneumoplan sweep', not a results file" "$bin" scorecard "$work/a.h5"
names_kind "a results file of 'pneumoplan run', not a sweep file" "$bin" sensitivity "$work/r.h5" --output new_diagnoses
names_kind "a results file of 'pneumoplan run', not a sweep file" "$bin" merge "$work/r.h5" --out "$work/m2.h5"
# plot draws a sweep's figures (issue 14); report writes none for a sweep and says what the file is.
names_kind "a sweep file of 'pneumoplan sweep', not" "$bin" report "$work/a.h5" --out "$work/fig"

[ "$failures" -eq 0 ] && echo "command-line conventions hold"
exit "$failures"
