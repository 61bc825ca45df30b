#!/usr/bin/env bash
# Every shipped exposure-response profile reproduces the published table of its validation cohort
# (docs/validation.md): each cohort file with a [validation] published table is run through `pneumoplan cohort
# --fail-on-mismatch`, which exits 1 when a band with enough workers differs from the published cumulative risk
# by more than its tolerance (0.08 absolute, or 3.29 Greenwood standard errors where tighter).
# Usage: cohort_validation.sh PNEUMOPLAN COHORTS_DIR
set -eu
bin="$1"; cohorts=$(cd "$2" && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
checked=0
for file in "$cohorts"/*.ini; do
  grep -q '^published_table' "$file" || continue
  name=$(basename "$file" .ini)
  if ! "$bin" cohort "$file" --out "$work/$name.csv" --threads 2 --fail-on-mismatch >"$work/$name.txt"; then
    echo "FAIL: $name does not reproduce its published table:" >&2
    cat "$work/$name.txt" >&2
    exit 1
  fi
  grep 'validation:' "$work/$name.txt" | sed "s/^ */$name: /"
  checked=$((checked + 1))
done
[ "$checked" -ge 5 ] || { echo "FAIL: expected at least 5 validation cohorts, found $checked" >&2; exit 1; }
# The check can fail: a curve shifted by a fifth misses the tungsten table.
sed 's/^industry = tungsten_mining$/industry = tungsten_mining\nprofile = custom\ntolerance_family = weibull\ntolerance_median_mg_m3_y = 6.7\ntolerance_shape = 1.89/' \
  "$cohorts/tungsten_miners_chen2005.ini" | sed "s#published/#$cohorts/published/#" >"$work/shifted.ini"
status=0
"$bin" cohort "$work/shifted.ini" --out "$work/shifted.csv" --fail-on-mismatch >"$work/shifted.txt" 2>&1 || status=$?
if [ "$status" -ne 1 ] || ! grep -q 'OUTSIDE' "$work/shifted.txt"; then
  echo "FAIL: a shifted tolerance curve was not refused by the tungsten validation (exit $status)" >&2
  cat "$work/shifted.txt" >&2
  exit 1
fi
echo "cohort validations: $checked published tables reproduced; a shifted curve is caught"
