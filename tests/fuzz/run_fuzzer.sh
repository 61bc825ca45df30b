#!/usr/bin/env bash
# Runs one libFuzzer harness from its committed seed corpus without changing it: new inputs go to a
# scratch corpus, crash reproducers to $PNEUMO_FUZZ_ARTIFACTS (default: the current folder).
#   run_fuzzer.sh HARNESS SEED_CORPUS [libFuzzer flags...]
#   e.g. run_fuzzer.sh build-asan/tests/fuzz/fuzz_scenario_csv tests/fuzz/corpus/fuzz_scenario_csv -max_total_time=600
# Exits with the harness's status: 0 when nothing was found.
set -u
harness="$1"; seeds="$2"; shift 2
[ -d "$seeds" ] || { echo "run_fuzzer.sh: no seed corpus at $seeds" >&2; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
artifacts="${PNEUMO_FUZZ_ARTIFACTS:-$PWD}/"
mkdir -p "$artifacts"
"$harness" "$work" "$seeds" -artifact_prefix="$artifacts" -print_final_stats=1 "$@"
