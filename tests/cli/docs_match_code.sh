#!/usr/bin/env bash
# The documentation lists exactly what the code has: every scenario parameter (docs/scenario-format.md is
# generated from the parameter table), every output dataset (docs/output-format.md), every command (README),
# and every option and figure of plot and report (docs/figures.md).
set -eu
bin="$1"; root="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" params --markdown >"$work/params.md"
"$bin" params --cohort --markdown >"$work/cohort.md"
# The generated tables must appear verbatim in the documents.
python_check='
import sys
doc = open(sys.argv[1], encoding="utf-8").read()
table = open(sys.argv[2], encoding="utf-8").read().strip()
if table not in doc:
    sys.exit(sys.argv[1] + " is out of date: regenerate its parameter tables with `pneumoplan params " + sys.argv[3] + "--markdown`")
'
/usr/bin/python3 -c "$python_check" "$root/docs/scenario-format.md" "$work/params.md" ""
/usr/bin/python3 -c "$python_check" "$root/docs/cohort-format.md" "$work/cohort.md" "--cohort "
for name in $(grep -o '{"[a-z0-9_]*", "' "$root/engine/outputs/output_catalogue.cpp" | sed 's/{"\([a-z0-9_]*\)", "/\1/'); do
  grep -q "\`$name\`" "$root/docs/output-format.md" || { echo "docs/output-format.md lacks output $name"; exit 1; }
done
commands=$("$bin" --help | sed -n '/^Commands:/,/^$/p' | awk 'NR > 1 && NF { print $1 }')
[ -n "$commands" ]
for command in $commands; do
  grep -q "pneumoplan $command" "$root/README.md" || { echo "README.md lacks command $command"; exit 1; }
done
for command in plot report; do
  for option in $("$bin" "$command" --help | grep -o '^  --[a-z-]*' | sed 's/^ *//'); do
    if [ "$option" = "--results" ] || [ "$option" = "--help" ]; then continue; fi
    grep -q -- "\`$option" "$root/docs/figures.md" || { echo "docs/figures.md lacks option $option of $command"; exit 1; }
  done
done
for figure in $(grep -o '{FigureKind::[A-Za-z]*, "[a-z_]*"}' "$root/engine/report/figure_set.cpp" | sed 's/.*"\([a-z_]*\)"}/\1/'); do
  grep -q "\`$figure\`" "$root/docs/figures.md" || { echo "docs/figures.md lacks figure $figure"; exit 1; }
done
echo "docs match the code"
