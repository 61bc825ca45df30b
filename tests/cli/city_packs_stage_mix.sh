#!/usr/bin/env bash
# Every shipped city pack with calibration targets (fit_targets.csv) keeps the stage mix it was calibrated to:
# the share of stage I among diagnoses in the years of its stage1_share row (2006-2020) lies in 72-83 %
# (Chinese reporting 75-80 %, references.md §2), within 3 standard errors of the estimate
# (tools/pack_fit_summary.py --check: the binomial error over the diagnoses pooled or the spread between
# replicates, whichever is larger). The run stops at the row's last year; the replicate count is set so that
# about 1,500 diagnoses are expected from the pack's first count target (4 to 12 replicates: at least
# four, so that the spread between replicates is estimated), so the tolerance is a few points in every pack.
set -euo pipefail
bin="$1"; scenarios="$2"; tool="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
count=0
for dir in "$scenarios"/*/; do
  [ -f "$dir/fit_targets.csv" ] || continue
  name=$(basename "$dir")
  read -r replicates last_year < <(/usr/bin/python3 - "$dir/fit_targets.csv" <<'EOF'
import csv, math, sys
rows = [r for r in csv.DictReader(l for l in open(sys.argv[1], encoding="utf-8") if not l.startswith("#"))]
per_year = next(float(r["target"]) for r in rows if r["quantity"] == "new_diagnoses_per_year")
stage = next(r for r in rows if r["quantity"] == "stage1_share")
years = int(stage["last_year"]) - int(stage["first_year"]) + 1
print(min(12, max(4, math.ceil(1500 / (per_year * years)))), stage["last_year"])
EOF
)
  "$bin" run "$dir" --replicates "$replicates" --threads 2 --set "simulation.end_year=$last_year" \
    --out "$work/$name.h5" --quiet >/dev/null
  /usr/bin/python3 "$tool" "$work/$name.h5" --targets "$dir/fit_targets.csv" --check stage1_share | grep '^check' |
    sed "s/^/$name ($replicates replicates): /"
  count=$((count + 1))
done
[ "$count" -ge 5 ] || { echo "FAIL: expected the five city packs with fit_targets.csv, found $count"; exit 1; }
echo "$count city packs keep their stage mix"
