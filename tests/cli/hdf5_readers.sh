#!/usr/bin/env bash
# A results file is readable by h5dump and by h5py (system python), with the documented layout; results,
# comparison and sweep files name every dimension (HDF5 dimension scales, as xarray and netCDF tools read
# them) and give units and a description for every dataset (check_dimensions.py).
set -eu
bin="$1"; scenario="$2"; checker="$3"
dimensions="$(dirname "$checker")/check_dimensions.py"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" run "$scenario" --out "$work/r.h5" --quiet >/dev/null
h5dump -H "$work/r.h5" >"$work/header.txt"
grep -q 'ATTRIBUTE "git_commit"' "$work/header.txt"
grep -q 'DATASET "new_cases_true"' "$work/header.txt"
grep -q 'ATTRIBUTE "DIMENSION_LIST"' "$work/header.txt"
grep -q 'ATTRIBUTE "units"' "$work/header.txt"
h5dump -a /scenario_name "$work/r.h5" | grep -q '"small"'
/usr/bin/python3 "$checker" "$work/r.h5"
/usr/bin/python3 "$dimensions" "$work/r.h5" 320300

# A --set run keeps its overrides under a plain identifier.
"$bin" run "$scenario" --out "$work/set.h5" --replicates 1 --set rehab.station_threshold_patients=50 --quiet >/dev/null
/usr/bin/python3 - "$work/set.h5" <<'PY'
import sys, h5py
with h5py.File(sys.argv[1], "r") as f:
    overrides = f["scenario/inputs/command_line_overrides"]
    assert overrides.asstr()[()] == "rehab.station_threshold_patients=50\n", overrides[()]
PY
/usr/bin/python3 "$dimensions" "$work/set.h5" 320300

# The comparison and sweep files.
"$bin" compare "$scenario" --replicates 2 --packages baseline,dust --out "$work/compare" --quiet \
  --set intervention.dust.type=engineering_control --set intervention.dust.intensity=0.5 \
  --set intervention.dust.start_year=2021 --set "intervention.dust.source=assumed: test" \
  --set package.dust.interventions=dust >/dev/null
/usr/bin/python3 "$dimensions" "$work/compare/comparison.h5"
cat >"$work/sweep.ini" <<SPEC
[sweep]
scenario = $scenario
design = saltelli
second_order = true
points = 2
end_year = 2022
outputs = new_diagnoses, intervention_cost_rmb
[parameter.attendance]
key = surveillance.attendance
min = 0.4
max = 1.0
[parameter.ppe]
key = exposure.ppe_reduction
min = 0.2
max = 0.9
SPEC
"$bin" sweep "$work/sweep.ini" --out "$work/sweep.h5" --quiet >/dev/null
/usr/bin/python3 "$dimensions" "$work/sweep.h5"
# netCDF's own reader, where netcdf-bin is installed: every dimension named, none left anonymous.
if command -v ncdump >/dev/null; then
  for file in "$work/r.h5" "$work/compare/comparison.h5" "$work/sweep.h5"; do
    ncdump -h "$file" >"$work/ncdump.txt" || { echo "ncdump cannot read $file"; exit 1; }
    ! grep -q phony_dim "$work/ncdump.txt" || { echo "ncdump sees anonymous dimensions in $file"; exit 1; }
  done
  ncdump -h "$work/r.h5" | grep -q 'double mean(year, region, stage)' || { echo "ncdump: no named dimensions"; exit 1; }
fi
echo "results, comparison and sweep files: named dimensions, units and descriptions"
