#!/usr/bin/env bash
# Every shipped cohort file runs and writes a life table with the documented columns (and the
# published comparison's columns where the file names a published table).
set -eu
bin="$1"; cohorts="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for file in "$cohorts"/*.ini; do
  name=$(basename "$file" .ini)
  "$bin" cohort "$file" --out "$work/$name.csv" >"$work/$name.txt"
  head -1 "$work/$name.csv" | grep -q $'^\xEF\xBB\xBF''band_lower_mg_m3_y,band_upper_mg_m3_y,entering,cases,withdrawals,conditional_risk,cumulative_risk,cumulative_risk_se,profile_risk_at_upper\(,published_risk_at_lower,simulated_risk_at_lower,difference_at_lower,tolerance,judged\)\{0,1\}$'
  [ "$(wc -l <"$work/$name.csv")" -gt 2 ]
  grep -q "onset after exposure ended" "$work/$name.txt"
  echo "$name: $(sed -n 2p "$work/$name.txt")"
done
"$bin" cohort "$cohorts/does-not-exist.ini" --out "$work/x.csv" 2>/dev/null && exit 1
[ ! -e "$work/x.csv" ]
echo "cohort files ok"
