#!/usr/bin/env bash
# pneumoplan plot and report with the real gnuplot: every figure of a run and of a comparison is a valid
# file of its size holding the results file's numbers and, looked at as an image, its expected elements
# (check_figures.py, h5py, Pillow); Chinese SVG and PDF render, and Chinese figures and reports hold no English
# label (check_chinese.py); PDFs are reproducible; a missing gnuplot is exit code 1 and bad input exit code 2,
# both writing nothing; reports carry provenance, the package and its interventions, assumptions, verdicts,
# cases averted and their date, the HTML embeds its figures, and pandoc (where installed) writes report.docx.
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

# The city's display names, as a pack's [city] section gives them (here on the command line).
names=(--set "city.name_zh=测试市" --set "city.name_en=Test City")
"$bin" run "$scenario" --out "$work/r.h5" --replicates 3 --quiet "${names[@]}" >/dev/null

# Every figure of a run, with its scripts, checked against the results file.
"$bin" plot "$work/r.h5" --out "$work/figs" --scripts >/dev/null
for name in new_cases prevalence deaths scorecard township_map indicator_hazard_declaration_rate; do
  [ -s "$work/figs/$name.png" ] || { echo "FAIL: no $name.png"; exit 1; }
done
$py "$here/check_figures.py" run "$work/r.h5" "$work/figs" 2025

# Chinese: every figure of the run holds no English word in what gnuplot shows.
"$bin" plot "$work/r.h5" --out "$work/zhall" --lang zh --scripts >"$work/zhall.txt"
$py "$here/check_chinese.py" "$work/zhall.txt" "$work/zhall"/*.gp

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
expect_exit 1 "it is missing" "$bin" plot "$work/missing.h5" --out "$work/none"
echo "text" >"$work/text.h5"
expect_exit 1 "does not start with the pneumoplan seal" "$bin" plot "$work/text.h5" --out "$work/none"
# Another program's HDF5 file is refused by its missing seal, before the HDF5 library parses it.
$py -c 'import h5py, sys; h5py.File(sys.argv[1], "w").attrs["format"] = "other"' "$work/other.h5"
expect_exit 1 "without pneumoplan's seal" "$bin" plot "$work/other.h5" --out "$work/none"
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
# The HTML page stands alone: its figures are embedded, not linked.
grep -q '<img src="data:image/png;base64,iVBORw0KGgo' "$work/report/report.html"
! grep -q '<img src="figures/' "$work/report/report.html" || { echo "FAIL: report.html links a figure"; exit 1; }
grep -q '| Report date | [0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\} |' "$md"
grep -q '| Package simulated | Baseline (no new measures) (`baseline`) |' "$md"
grep -q 'None: the baseline runs no new measures' "$md"
# The date can be fixed for reproducible reports.
SOURCE_DATE_EPOCH=1700000000 "$bin" report "$work/r.h5" --out "$work/report_dated" --figures new_cases >/dev/null
grep -q '| Report date | 2023-11-14 |' "$work/report_dated/report.md"
# Word, where pandoc is installed (tools/install_dependencies.sh --for-tests installs it); else a note.
if command -v pandoc >/dev/null; then
  $py - "$work/report/report.docx" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    document = z.read("word/document.xml").decode("utf-8")
    media = [n for n in z.namelist() if n.startswith("word/media/")]
assert "Provenance" in document and "Scorecard" in document, "report.docx lacks the report's sections"
assert len(media) == 2, "report.docx should hold the report's two figures, found %s" % media
print("report.docx ok")
PY
else
  [ ! -e "$work/report/report.docx" ]
  "$bin" report "$work/r.h5" --out "$work/report_nodocx" --figures new_cases | grep -q "pandoc is not installed"
fi

# A comparison of two packages by 'pneumoplan compare': bars and verdicts checked against its comparison
# file, and a report linking each package's own run report.
"$bin" compare "$scenario" --replicates 3 --out "$work/cmp" --packages baseline,low_threshold --quiet "${names[@]}" \
  --set intervention.stations_10.type=rehab_threshold --set intervention.stations_10.intensity=10 \
  --set intervention.stations_10.start_year=2019 --set "intervention.stations_10.source=assumed: test" \
  --set "intervention.stations_10.description_zh=患者达10人的乡镇设站" \
  --set package.low_threshold.interventions=stations_10 --set "package.low_threshold.label_zh=低门槛设站" >/dev/null
"$bin" plot "$work/cmp/comparison.h5" --out "$work/cmpfigs" --scripts >/dev/null
$py "$here/check_figures.py" comparison "$work/cmp/comparison.h5" "$work/cmpfigs"
"$bin" report "$work/cmp/comparison.h5" --out "$work/cmprep" --figures verdicts,new_cases --lang zh >/dev/null
grep -q '方案比较报告' "$work/cmprep/report.md"
# Chinese comparison report and the run reports of its packages: no English label, unit or package name.
$py "$here/check_chinese.py" "$work/cmprep/report.md" "$work/cmprep/packages"/*/report.md
# The package's run report names the package and lists the interventions it runs.
grep -q '`stations_10`' "$work/cmprep/packages/low_threshold/report.md"
grep -q '健康收益与费用' "$work/cmprep/report.md"
grep -q '(packages/low_threshold/report.md)' "$work/cmprep/report.md"
grep -q 'href="packages/low_threshold/report.html"' "$work/cmprep/report.html"
[ -s "$work/cmprep/packages/low_threshold/figures/new_cases.png" ]
[ -s "$work/cmprep/packages/baseline/report.html" ]
rm "$work/cmp/small-low_threshold.h5"
expect_exit 0 "small-low_threshold.h5 not found" "$bin" report "$work/cmp/comparison.h5" --out "$work/cmprep2" --figures verdicts
grep -q 'results file small-low_threshold.h5 not found' "$work/cmprep2/report.md"
echo "plot and report ok"
