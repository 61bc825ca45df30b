#!/usr/bin/env bash
# The layering check (tools/check_layering.py) passes on the tree and fails, naming file and line, when a
# lower layer includes a higher one, when the model includes HDF5, or when a file sits outside a subsystem.
# Usage: layering.sh SOURCE_ROOT
set -euo pipefail
root="$1"
checker="$root/tools/check_layering.py"
python3 "$checker" "$root"

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fresh_copy() {
  rm -rf "$scratch/tree"
  mkdir -p "$scratch/tree/include"
  cp -r "$root/engine" "$scratch/tree/engine"
  cp -r "$root/include/pneumoplan" "$scratch/tree/include/pneumoplan"
}
expect_refusal() {  # what, expected text
  if python3 "$checker" "$scratch/tree" 2>"$scratch/err"; then
    echo "FAIL: the check accepted $1" >&2
    exit 1
  fi
  if ! grep -qF -- "$2" "$scratch/err"; then
    echo "FAIL: $1: expected '$2' in:" >&2
    cat "$scratch/err" >&2
    exit 1
  fi
  echo "ok: $1 refused"
}

fresh_copy
printf '#include "pneumoplan/report/figure.hpp"\n' >>"$scratch/tree/engine/model/simulation.cpp"
line=$(wc -l <"$scratch/tree/engine/model/simulation.cpp")
expect_refusal "the model including a figure header" "engine/model/simulation.cpp:$line: model may not include pneumoplan/report/figure.hpp"

fresh_copy
sed -i '1i #include "pneumoplan/model/simulation.hpp"' "$scratch/tree/include/pneumoplan/scenario/scenario.hpp"
expect_refusal "the scenario header including the model" "include/pneumoplan/scenario/scenario.hpp:1: scenario may not include"

fresh_copy
printf '#include <hdf5.h>\n' >>"$scratch/tree/engine/model/disease_course.cpp"
expect_refusal "the model including HDF5" "model may not include <hdf5.h>"

fresh_copy
printf '#include "pneumoplan/model/simulation.hpp"\n' >>"$scratch/tree/engine/report/figure.cpp"
expect_refusal "a figure reading model internals" "report may not include pneumoplan/model/simulation.hpp"

fresh_copy
touch "$scratch/tree/engine/loose_file.cpp"
expect_refusal "a source file outside a subsystem folder" "engine/loose_file.cpp: engine/ holds only subsystem folders"
echo "layering: all checks passed"
