#!/usr/bin/env bash
# --threads 1 and --threads 2 write byte-identical HDF5 files (and identical datasets by h5diff when
# hdf5-tools is installed). The small scenario fits in one task per replicate; the larger city (third
# argument) has several blocks of rows per year, so its annual pass, layoffs and hiring run in parallel.
set -eu
bin="$1"; scenario="$2"; city="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" run "$scenario" --threads 1 --out "$work/t1.h5" --quiet >/dev/null
"$bin" run "$scenario" --threads 2 --out "$work/t2.h5" --quiet >/dev/null
"$bin" run "$scenario" --threads 3 --replicates 3 --out "$work/t3.h5" --quiet >/dev/null
cmp "$work/t1.h5" "$work/t2.h5"
cmp "$work/t1.h5" "$work/t3.h5"
if command -v h5diff >/dev/null; then h5diff "$work/t1.h5" "$work/t2.h5"; fi
"$bin" run "$city" --threads 1 --replicates 2 --out "$work/c1.h5" --quiet >/dev/null
"$bin" run "$city" --threads 2 --replicates 2 --out "$work/c2.h5" --quiet >/dev/null
cmp "$work/c1.h5" "$work/c2.h5"
cmp "$work/c1.scorecard.csv" "$work/c2.scorecard.csv"
echo "identical for 1, 2 and 3 threads (small) and 1 and 2 threads (city)"
