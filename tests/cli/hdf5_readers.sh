#!/usr/bin/env bash
# A results file is readable by h5dump and by h5py (system python), with the documented layout.
set -eu
bin="$1"; scenario="$2"; checker="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" run "$scenario" --out "$work/r.h5" --quiet >/dev/null
h5dump -H "$work/r.h5" >"$work/header.txt"
grep -q 'ATTRIBUTE "git_commit"' "$work/header.txt"
grep -q 'DATASET "new_cases_true"' "$work/header.txt"
h5dump -a /scenario_name "$work/r.h5" | grep -q '"small"'
/usr/bin/python3 "$checker" "$work/r.h5"
