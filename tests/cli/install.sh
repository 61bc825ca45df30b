#!/usr/bin/env bash
# `cmake --install` into a fresh prefix gives a pneumoplan that runs from any folder: the program on the
# prefix's bin/, the shipped packs found by name ('pneumoplan run xuzhou') from a folder that has none, results
# written under the current folder, the manual pages (when help2man was found: CI requires it), the bash
# completion answering for commands and options, and the licences beside the README.
set -eu
build="$1"; man_pages="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
prefix="$work/prefix"
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
bin="$prefix/bin/pneumoplan"
for file in bin/pneumoplan share/pneumoplan/scenarios/xuzhou/scenario.ini share/pneumoplan/scenarios/jinan/strata.csv \
            share/pneumoplan/scenarios/cohorts share/pneumoplan/scenarios/sweeps/xuzhou_sobol.ini \
            share/doc/pneumoplan/LICENSE share/doc/pneumoplan/DATA-LICENSES.md share/doc/pneumoplan/README.md \
            share/doc/pneumoplan/docs/output-format.md share/bash-completion/completions/pneumoplan; do
  [ -e "$prefix/$file" ] || { echo "not installed: $file"; exit 1; }
done

# The installed program finds its own packs, not the source tree's.
[ "$("$bin" --data-dir)" = "$prefix/share/pneumoplan" ] || { echo "--data-dir: $("$bin" --data-dir)"; exit 1; }

# From a folder without scenarios: the pack by name, the results under ./output.
mkdir "$work/elsewhere"
cd "$work/elsewhere"
"$bin" run xuzhou --check | grep -q "scenario xuzhou is valid"
out=$("$bin" run xuzhou --replicates 1 --set simulation.start_year=2000 --set simulation.end_year=2012 \
      --set simulation.base_year=2010 -q)
[ "$out" = "output/xuzhou/xuzhou.h5" ] || { echo "run -q printed '$out'"; exit 1; }
[ -s "$work/elsewhere/output/xuzhou/xuzhou.h5" ] || { echo "no results under the current folder"; exit 1; }
# The README's spelling works too: scenarios/NAME, and a shipped cohort file.
"$bin" run scenarios/jiaxing --check | grep -q "scenario jiaxing is valid"
"$bin" cohort cohorts/tin_miners_chen2001.ini --out tin.csv --threads 1 >/dev/null
[ -s tin.csv ]

# Manual pages: one for the program and one per command, from --help.
if [ "$man_pages" = "ON" ]; then
  commands=$("$bin" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p' | grep -vx help)
  for page in pneumoplan $(for c in $commands; do echo "pneumoplan-$c"; done); do
    file="$prefix/share/man/man1/$page.1.gz"
    [ -s "$file" ] || { echo "no manual page $page.1.gz"; exit 1; }
    zcat "$file" | grep -q '^\.SH' || { echo "$page.1.gz is not a manual page"; exit 1; }
  done
  zcat "$prefix/share/man/man1/pneumoplan-run.1.gz" | grep -q 'replicates' || { echo "pneumoplan-run.1 lacks --replicates"; exit 1; }
  if command -v man >/dev/null; then
    MANPATH="$prefix/share/man" man -P cat pneumoplan-sweep 2>/dev/null | grep -q 'slurm' \
      || { echo "man pneumoplan-sweep does not show the sweep's options"; exit 1; }
  fi
else
  echo "note: built without help2man, manual pages not checked"
fi

# Bash completion: commands, a command's options, and the shipped packs by name.
complete_words() {  # the words bash would offer for the command line "$*" (the last word being completed)
  PATH="$prefix/bin:$PATH" bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
    _pneumoplan; printf "%s\n" "${COMPREPLY[@]}"' _ "$prefix/share/bash-completion/completions/pneumoplan" "$@"
}
complete_words pneumoplan sw | grep -qx sweep || { echo "completion: no 'sweep' for 'sw'"; exit 1; }
complete_words pneumoplan run --rep | grep -qx -- --replicates || { echo "completion: no --replicates"; exit 1; }
complete_words pneumoplan run --progress a | grep -qx always || { echo "completion: no --progress values"; exit 1; }
complete_words pneumoplan run xu | grep -qx xuzhou || { echo "completion: no shipped pack 'xuzhou'"; exit 1; }
complete_words pneumoplan help sc | grep -qx scorecard || { echo "completion: no 'help scorecard'"; exit 1; }
echo "installed to a prefix: runs the shipped packs from any folder; man pages $man_pages; completion works"
