#!/usr/bin/env bash
# --threads 1 and --threads 2 write byte-identical HDF5 files (and identical datasets by h5diff when
# hdf5-tools is installed).
set -eu
bin="$1"; scenario="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" run "$scenario" --threads 1 --out "$work/t1.h5" --quiet >/dev/null
"$bin" run "$scenario" --threads 2 --out "$work/t2.h5" --quiet >/dev/null
"$bin" run "$scenario" --threads 3 --replicates 3 --out "$work/t3.h5" --quiet >/dev/null
cmp "$work/t1.h5" "$work/t2.h5"
cmp "$work/t1.h5" "$work/t3.h5"
if command -v h5diff >/dev/null; then h5diff "$work/t1.h5" "$work/t2.h5"; fi
echo "identical for 1, 2 and 3 threads"
