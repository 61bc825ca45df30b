#!/usr/bin/env bash
# The bad-scenario corpus (tests/bad_scenarios, format in its README.md): every case is the test scenario
# with one thing broken, and must be refused by `pneumoplan run` with exit code 2, one line on stderr naming
# the file and the line ("FILE:LINE: ...") and containing the case's expectation, and nothing written: no
# results file, no temporary. The accepted variants (tests/valid_scenarios: Windows line endings, byte-order
# marks, ...) must run and give a results file byte-identical to the unchanged scenario's.
#   scenario_corpus.sh PNEUMOPLAN SCENARIO BAD_CASES VALID_CASES
set -u
bin="$1"; scenario="$2"; bad_cases="$3"; valid_cases="$4"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0; refused=0; accepted=0
fail() { echo "FAIL $1: $2"; failures=$((failures+1)); }

# Copies the scenario to $work/case/s and applies case folder $1: files named like the scenario's replace
# them, `edit` holds "FILE SED-EXPRESSION" lines, `args` extra arguments for `run`, one a line.
prepare() {
  local case_dir="$1"
  rm -rf "$work/case"; mkdir -p "$work/case/out"; cp -r "$scenario" "$work/case/s"
  local f
  for f in "$case_dir"/*; do
    case "$(basename "$f")" in
      expect|edit|args|README.md) ;;
      *) cp "$f" "$work/case/s/$(basename "$f")" ;;
    esac
  done
  if [ -f "$case_dir/edit" ]; then
    local file expression
    while IFS= read -r line; do
      case "$line" in ''|'#'*) continue ;; esac
      file="${line%% *}"; expression="${line#* }"
      sed -i -e "$expression" "$work/case/s/$file" || { fail "$(basename "$case_dir")" "sed failed: $line"; return 1; }
    done <"$case_dir/edit"
  fi
  extra=()
  if [ -f "$case_dir/args" ]; then mapfile -t extra <"$case_dir/args"; fi
}

run_case() {  # runs the prepared case; output in $work/case/out
  "$bin" run "$work/case/s" --replicates 1 --out "$work/case/out/r.h5" "${extra[@]}" \
    >"$work/case/stdout" 2>"$work/case/stderr"
}

for case_dir in "$bad_cases"/*/; do
  case_dir="${case_dir%/}"; name=$(basename "$case_dir")
  [ -f "$case_dir/expect" ] || { fail "$name" "no expect file"; continue; }
  expected=$(grep -v '^#' "$case_dir/expect" | head -1)
  if ! [[ "$expected" =~ ^[A-Za-z0-9_.-]+:[1-9][0-9]*:\ . ]]; then
    fail "$name" "expect must read 'FILE:LINE: expectation', found '$expected'"; continue
  fi
  prepare "$case_dir" || continue
  failures_before=$failures
  run_case; rc=$?
  # Messages name scenario files by their path in the scenario folder; --set overrides by "--set".
  if [[ "$expected" == --set:* ]]; then fragment="$expected"; else fragment="$work/case/s/$expected"; fi
  [ "$rc" -eq 2 ] || fail "$name" "exit code $rc, expected 2"
  grep -qF -- "$fragment" "$work/case/stderr" || fail "$name" "stderr lacks '$expected': $(cat "$work/case/stderr")"
  [ "$(wc -l <"$work/case/stderr")" -eq 1 ] || fail "$name" "expected one line on stderr: $(cat "$work/case/stderr")"
  leftovers=$(find "$work/case/out" "$work/case/s" -name '*.h5*' -o -name '.*tmp*' -o -name '*.scorecard.*')
  [ -z "$leftovers" ] || fail "$name" "files were written: $leftovers"
  [ "$failures" -eq "$failures_before" ] && refused=$((refused+1))
done

# The unchanged scenario, run the same way, is what every accepted variant must reproduce bit for bit.
rm -rf "$work/case"; mkdir -p "$work/case/out"; cp -r "$scenario" "$work/case/s"; extra=()
run_case || { echo "FAIL: the unchanged scenario does not run: $(cat "$work/case/stderr")"; exit 1; }
cp "$work/case/out/r.h5" "$work/reference.h5"
for case_dir in "$valid_cases"/*/; do
  case_dir="${case_dir%/}"; name=$(basename "$case_dir")
  prepare "$case_dir" || continue
  if ! run_case; then fail "$name" "refused: $(cat "$work/case/stderr")"; continue; fi
  if cmp -s "$work/case/out/r.h5" "$work/reference.h5"; then accepted=$((accepted+1))
  else fail "$name" "results differ from the unchanged scenario's"; fi
done

echo "$refused bad scenarios refused, $accepted accepted variants identical, $failures failures"
[ "$failures" -eq 0 ]
