#!/usr/bin/env bash
# pneumoplan locate: reaches the published optimum of pmed1 (heuristic and CBC), refuses a malformed file
# with file:line and exit code 2, and bad options with exit code 2.
set -eu
bin="$1"; orlib="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
expect_exit() {  # expected code, then the command
  local expected="$1"; shift
  local code=0
  "$@" >"$work/out" 2>"$work/err" || code=$?
  [ "$code" -eq "$expected" ] || { echo "exit $code, expected $expected: $*"; cat "$work/out" "$work/err"; exit 1; }
}
expect_exit 0 "$bin" locate --orlib "$orlib/pmed1.txt" --exact
grep -q '^pneumoplan locate pmed1: n = 100, p = 5$' "$work/out"
grep -q 'heuristic: *objective 5819 in' "$work/out"
grep -q 'published optimum: 5819 (Beasley 1990); heuristic gap 0.000 %' "$work/out"
grep -q 'exact (CBC): *objective 5819, bound 5819, proven optimal' "$work/out"

printf ' 3 2 1\n1 2 5\n2 x 5\n' >"$work/bad.txt"
expect_exit 2 "$bin" locate --orlib "$work/bad.txt"
grep -q "$work/bad.txt:3: expected an edge 'i j cost'" "$work/err"
expect_exit 2 "$bin" locate --orlib "$work/missing.txt"
expect_exit 2 "$bin" locate
expect_exit 2 "$bin" locate --orlib "$orlib/pmed1.txt" --time-limit 0
expect_exit 2 "$bin" locate --orlib "$orlib/pmed1.txt" --rounds -1
expect_exit 2 "$bin" locate --orlib "$orlib/pmed1.txt" --frobnicate
expect_exit 0 "$bin" locate --help
grep -q -- '--time-limit' "$work/out"
echo "locate ok"
