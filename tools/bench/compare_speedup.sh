#!/usr/bin/env bash
# Speed of `pneumoplan compare` against another build (docs/performance.md): the two binaries run the same
# comparison alternately, ROUNDS times each, on THREADS threads; prints each wall time, the median and range of
# each, their ratio, and checks that every dataset of every file they wrote is identical (h5py; the files differ
# only in their provenance attributes: program commit).
# usage: tools/bench/compare_speedup.sh OLD_BINARY NEW_BINARY [scenarios/xuzhou] [ROUNDS=5] [THREADS=2]
set -euo pipefail
old="$(realpath "$1")"; new="$(realpath "$2")"
scenario="$(realpath "${3:-scenarios/xuzhou}")"; rounds="${4:-5}"; threads="${5:-2}"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
declare -a old_times new_times
seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null; end=$(date +%s.%N); echo "$end - $start" | bc -l; }
for ((k = 1; k <= rounds; k++)); do
  rm -rf "$work/old" "$work/new"
  old_times+=("$(seconds "$old" compare "$scenario" --threads "$threads" -q -o "$work/old")")
  new_times+=("$(seconds "$new" compare "$scenario" --threads "$threads" -q -o "$work/new")")
  printf 'round %d: old %.2f s, new %.2f s\n' "$k" "${old_times[-1]}" "${new_times[-1]}"
done
/usr/bin/python3 - "$work/old" "$work/new" "${old_times[*]}" "${new_times[*]}" <<'PY'
import os, statistics, sys, h5py, numpy as np
old_dir, new_dir = sys.argv[1], sys.argv[2]
old = [float(x) for x in sys.argv[3].split()]
new = [float(x) for x in sys.argv[4].split()]
for name, times in (("old", old), ("new", new)):
    print(f"{name}: median {statistics.median(times):.2f} s, range {min(times):.2f}-{max(times):.2f} s")
print(f"speed-up (ratio of medians): {statistics.median(old) / statistics.median(new):.2f}x")
files = sorted(f for f in os.listdir(old_dir) if f.endswith(".h5"))
assert files == sorted(f for f in os.listdir(new_dir) if f.endswith(".h5")), "different files"
for f in files:
    a, b = h5py.File(os.path.join(old_dir, f), "r"), h5py.File(os.path.join(new_dir, f), "r")
    names = []
    a.visititems(lambda n, o: names.append(n) if isinstance(o, h5py.Dataset) else None)
    for n in names:
        x, y = a[n][()], b[n][()]
        same = (np.array_equal(x, y, equal_nan=x.dtype.kind == "f") if isinstance(x, np.ndarray) else x == y)
        assert same, f"{f}: {n} differs"
    print(f"{f}: {len(names)} datasets identical")
PY
