#!/usr/bin/env bash
# pneumoplan plot and report with the real gnuplot: every figure of a run and of a comparison is a valid
# file of its size holding the results file's numbers (check_figures.py, h5py); Chinese SVG and PDF render;
# PDFs are reproducible; a missing gnuplot is exit code 1 and bad input exit code 2, both writing nothing;
# reports link their figures and carry provenance, assumptions and verdicts.
set -eu
bin="$1"; scenario="$2"; here="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3
expect_exit() {  # expect_exit CODE MESSAGE-PART COMMAND...
  local code="$1" part="$2"; shift 2
  set +e; "$@" >"$work/out.txt" 2>&1; local rc=$?; set -e
  if [ "$rc" -ne "$code" ] || ! grep -q -- "$part" "$work/out.txt"; then
    echo "FAIL: '$*' gave exit $rc (expected $code with '$part'):"; cat "$work/out.txt"; exit 1
  fi
}

"$bin" run "$scenario" --out "$work/r.h5" --replicates 3 --quiet >/dev/null

# Every figure of a run, with its scripts, checked against the results file.
"$bin" plot "$work/r.h5" --out "$work/figs" --scripts >/dev/null
for name in new_cases prevalence deaths scorecard township_map indicator_hazard_declaration_rate; do
  [ -s "$work/figs/$name.png" ] || { echo "FAIL: no $name.png"; exit 1; }
done
$py "$here/check_figures.py" run "$work/r.h5" "$work/figs" 2025

# Chinese SVG and PDF; the PDF is the same bytes when drawn again.
"$bin" plot "$work/r.h5" --out "$work/zh" --lang zh --format svg --figures new_cases --scripts >/dev/null
grep -q '全市每年尘肺病新发病例' "$work/zh/new_cases.svg"
grep -q 'Noto Sans CJK SC' "$work/zh/new_cases.svg"
$py "$here/check_figures.py" run "$work/r.h5" "$work/zh" 2025 2>/dev/null && { echo "FAIL: a partial folder passed"; exit 1; }
"$bin" plot "$work/r.h5" --out "$work/pdf" --format pdf --figures scorecard --scripts --from 2010 --to 2030 >/dev/null
cp "$work/pdf/scorecard.pdf" "$work/first.pdf"
"$bin" plot "$work/r.h5" --out "$work/pdf" --format pdf --figures scorecard >/dev/null
cmp -s "$work/first.pdf" "$work/pdf/scorecard.pdf" || { echo "FAIL: PDF differs when drawn again"; exit 1; }
head -c 5 "$work/pdf/scorecard.pdf" | grep -q '%PDF-'

# No gnuplot: exit code 1 with a message, nothing written. Bad input: exit code 2, nothing written.
expect_exit 1 "gnuplot not found" env PATH=/nonexistent "$bin" plot "$work/r.h5" --out "$work/none"
expect_exit 2 "expected en or zh" "$bin" plot "$work/r.h5" --out "$work/none" --lang fr
expect_exit 2 "expected png, svg or pdf" "$bin" plot "$work/r.h5" --out "$work/none" --format jpg
expect_exit 2 "outside the simulated years" "$bin" plot "$work/r.h5" --out "$work/none" --from 1800
expect_exit 2 "unknown figure 'maps'" "$bin" plot "$work/r.h5" --out "$work/none" --figures maps
expect_exit 1 "no such file" "$bin" plot "$work/missing.h5" --out "$work/none"
echo "text" >"$work/text.h5"
expect_exit 1 "this is not HDF5" "$bin" plot "$work/text.h5" --out "$work/none"
$py -c 'import h5py, sys; h5py.File(sys.argv[1], "w").attrs["format"] = "other"' "$work/other.h5"
expect_exit 1 "format 'other'" "$bin" plot "$work/other.h5" --out "$work/none"
expect_exit 2 "png or svg" "$bin" report "$work/r.h5" --out "$work/none" --format pdf
[ ! -e "$work/none" ] || { echo "FAIL: a refused command wrote $work/none"; exit 1; }

# The run report: Markdown and HTML, figures linked and present, provenance and the scorecard's verdicts.
"$bin" report "$work/r.h5" --out "$work/report" --figures new_cases,scorecard >/dev/null
md="$work/report/report.md"
commit=$($py -c 'import h5py, sys; print(h5py.File(sys.argv[1])["/"].attrs["git_commit"])' "$work/r.h5")
grep -q "$commit" "$md"
grep -q '| Seed | 7 |' "$md"
grep -q '## Key assumptions' "$md"
grep -q '`surveillance.followup_years_after_exit` | 3 | 5 |' "$md"
grep -q '| Hazard declaration rate of industrial enterprises | 2025 |' "$md"
for link in $(grep -o '](figures/[^)]*)' "$md" | sed 's/](\(.*\))/\1/'); do
  [ -s "$work/report/$link" ] || { echo "FAIL: report links missing $link"; exit 1; }
done
[ "$(grep -c '](figures/' "$md")" -eq 2 ]
grep -q '<img src="figures/scorecard.png"' "$work/report/report.html"

# A comparison of two packages by 'pneumoplan compare': bars and verdicts checked against its comparison
# file, and a report linking each package's own run report.
"$bin" compare "$scenario" --replicates 3 --out "$work/cmp" --packages baseline,low_threshold --quiet \
  --set intervention.stations_10.type=rehab_threshold --set intervention.stations_10.intensity=10 \
  --set intervention.stations_10.start_year=2019 --set "intervention.stations_10.source=assumed: test" \
  --set package.low_threshold.interventions=stations_10 >/dev/null
"$bin" plot "$work/cmp/comparison.h5" --out "$work/cmpfigs" --scripts >/dev/null
$py "$here/check_figures.py" comparison "$work/cmp/comparison.h5" "$work/cmpfigs"
"$bin" report "$work/cmp/comparison.h5" --out "$work/cmprep" --figures verdicts,new_cases --lang zh >/dev/null
grep -q '方案比较报告' "$work/cmprep/report.md"
grep -q '(packages/low_threshold/report.md)' "$work/cmprep/report.md"
grep -q 'href="packages/low_threshold/report.html"' "$work/cmprep/report.html"
[ -s "$work/cmprep/packages/low_threshold/figures/new_cases.png" ]
[ -s "$work/cmprep/packages/baseline/report.html" ]
rm "$work/cmp/small-low_threshold.h5"
expect_exit 0 "small-low_threshold.h5 not found" "$bin" report "$work/cmp/comparison.h5" --out "$work/cmprep2" --figures verdicts
grep -q 'results file small-low_threshold.h5 not found' "$work/cmprep2/report.md"
echo "plot and report ok"
