#!/usr/bin/env bash
# Every city pack under scenarios/ validates and runs a short simulation (one replicate) that ends with a
# scorecard covering every row of the city's indicator table, and gets a report with the city's own
# scorecard table and township map (the figures that depend on the pack's geography and plan); every pack
# with targets ships at least two policy packages, and `compare` runs them all (one replicate) and judges
# every target for each.
set -eu
bin="$1"; scenarios="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
count=0
for dir in "$scenarios"/*/; do
  [ -f "$dir/scenario.ini" ] || continue
  name=$(basename "$dir")
  "$bin" run "$dir" --check >/dev/null
  "$bin" run "$dir" --replicates 1 --out "$work/$name.h5" --quiet >/dev/null
  [ -s "$work/$name.h5" ]
  if [ -f "$dir/targets.csv" ]; then
    rows=$(grep -cv '^\(#\|indicator_no\|$\)' "$dir/targets.csv")
    # city rows of the scorecard: the city's own code (its counties' first four digits, then 00), two evaluation
    # years per indicator
    city=$(grep -v '^#' "$dir/counties.csv" | awk -F, 'NR > 1 { print substr($1, 1, 4) "00"; exit }')
    scored=$(grep -c "^$city," "$work/$name.scorecard.csv")
    if [ "$scored" -ne $((2 * rows)) ]; then
      echo "FAIL $name: scorecard has $scored city rows, expected $((2 * rows))"; exit 1
    fi
  fi
  "$bin" report "$work/$name.h5" --out "$work/$name-report" --figures scorecard,map >/dev/null
  for figure in township_map $([ -f "$dir/targets.csv" ] && echo scorecard); do
    grep -q "](figures/$figure.png)" "$work/$name-report/report.md" || { echo "FAIL $name: report lacks $figure"; exit 1; }
    [ -s "$work/$name-report/figures/$figure.png" ]
  done
  if [ -f "$dir/targets.csv" ]; then
    packages=$("$bin" run "$dir" --check | sed -n 's/.* \([0-9]*\) packages$/\1/p')
    [ "${packages:-0}" -ge 2 ] || { echo "FAIL $name: expected at least two policy packages, found ${packages:-none}"; exit 1; }
    "$bin" compare "$dir" --replicates 1 --out "$work/$name-compare" --quiet >/dev/null
    verdicts=$(/usr/bin/python3 -c 'import h5py,sys; f=h5py.File(sys.argv[1],"r"); v=f["verdicts/verdict"]; print(v.shape[0], v.shape[1])' "$work/$name-compare/comparison.h5")
    [ "$verdicts" = "$((packages + 1)) $rows" ] || { echo "FAIL $name: verdicts $verdicts, expected $((packages + 1)) $rows"; exit 1; }
  fi
  echo "$name: ok"
  count=$((count + 1))
done
[ "$count" -ge 1 ]
echo "$count city packs ok"
