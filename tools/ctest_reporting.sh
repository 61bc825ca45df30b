#!/usr/bin/env bash
# Runs a build folder's whole test suite in parallel (tools/test.sh, tools/test_sanitizers.sh). When tests
# fail, it runs the failed ones once more, alone, and prints what they printed last: a CI log is often read
# from its end, and a failure that does not come back alone is a timing or load problem to look for. The exit
# code is ctest's first one either way: a failure that passes on its second try still fails the suite.
#   ctest_reporting.sh BUILD_FOLDER
set -uo pipefail
build="$1"
ctest --test-dir "$build" --output-on-failure -j "$(nproc)"
rc=$?
[ "$rc" -eq 0 ] && exit 0
echo
echo "=== the failed tests of $build once more, one at a time (the suite fails whatever they do now) ==="
ctest --test-dir "$build" --rerun-failed --output-on-failure -j 1 2>&1 | tail -n 80
echo "=== $build: the suite failed (ctest exit code $rc) ==="
exit "$rc"
