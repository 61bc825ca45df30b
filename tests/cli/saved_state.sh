#!/usr/bin/env bash
# pneumoplan run --save-state and --from-state on the small scenario with a package defined by --set: a run
# continued from a saved state writes the same datasets as the whole run (checked with h5py, every dataset),
# for the saved package and for a package acting from the state's year on, whether the state lies beside the
# results or elsewhere; the state file is sealed, readable by h5dump, and holds what docs/output-format.md
# says; states of other inputs, seeds, replicate counts, packages acting earlier, and files of other kinds are
# refused (exit 2 or 1) with a message naming the file, and nothing is written.
set -eu
bin="$1"; scenario="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
package=(
  --set intervention.dust.type=engineering_control --set intervention.dust.intensity=0.5
  --set intervention.dust.start_year=2021 --set "intervention.dust.source=assumed: test"
  --set intervention.dust.cost_per_unit_rmb=100 --set package.dust.interventions=dust
)
same() {  # every dataset of two results files equal, NaN for NaN
  /usr/bin/python3 - "$1" "$2" <<'PY'
import sys, h5py, numpy as np
a, b = h5py.File(sys.argv[1], "r"), h5py.File(sys.argv[2], "r")
names = []
a.visititems(lambda n, o: names.append(n) if isinstance(o, h5py.Dataset) else None)
other = []
b.visititems(lambda n, o: other.append(n) if isinstance(o, h5py.Dataset) else None)
assert sorted(names) == sorted(other), set(names) ^ set(other)
assert len(names) > 100, len(names)
for n in names:
    x, y = a[n][()], b[n][()]
    if isinstance(x, np.ndarray) and x.dtype.kind in "fiu":
        assert x.shape == y.shape and np.array_equal(x, y, equal_nan=True), n
    else:
        assert np.array_equal(x, y) if isinstance(x, np.ndarray) else x == y, n
PY
}

# Baseline: whole run saving 2015, continued from 2015.
"$bin" run "$scenario" -r 2 -q -o "$work/whole.h5" --save-state 2015 "$work/at2015.state.h5" "${package[@]}" >/dev/null
"$bin" run "$scenario" -q -o "$work/continued.h5" --from-state "$work/at2015.state.h5" "${package[@]}" >/dev/null
same "$work/whole.h5" "$work/continued.h5"
# A package acting from 2021 continues the baseline's state of 2015; the state may lie in another folder.
mkdir -p "$work/states" "$work/dust"
"$bin" run "$scenario" -r 2 -q -o "$work/dust/whole.h5" -p dust "${package[@]}" >/dev/null
"$bin" run "$scenario" -q -o "$work/dust/continued.h5" -p dust --from-state "$work/at2015.state.h5" "${package[@]}" \
  --save-state 2025 "$work/states/dust2025.state.h5" >/dev/null
same "$work/dust/whole.h5" "$work/dust/continued.h5"
"$bin" run "$scenario" -q -o "$work/dust/again.h5" -p dust --from-state "$work/states/dust2025.state.h5" "${package[@]}" >/dev/null
same "$work/dust/whole.h5" "$work/dust/again.h5"

# The file: sealed HDF5, self-described, every replicate's columns (h5dump and h5py read it).
h5dump -A "$work/at2015.state.h5" >"$work/dump.txt"
grep -q '"pneumoplan-state"' "$work/dump.txt"
/usr/bin/python3 - "$work/at2015.state.h5" <<'PY'
import sys, h5py
f = h5py.File(sys.argv[1], "r")
assert f.attrs["format"] == "pneumoplan-state" and f.attrs["year"] == 2015 and f.attrs["replicates"] == 2
assert f.attrs["package"] == "baseline" and len(f.attrs["fingerprint"]) == 16
for r in ("replicate_000000", "replicate_000001"):
    g = f[r]
    columns = [c.decode() if isinstance(c, bytes) else c for c in g["columns"][()]]
    assert "workers/rng_id" in columns and "results/new_diagnoses" in columns, columns[:5]
    assert g["workers/rng_id"].dtype == "uint64" and g["workers/stage"].dtype == "uint8"
    rows = g["workers/rng_id"].shape[0]
    assert rows > 0 and all(g["workers/" + c].shape[0] == rows for c in ("stage", "cum_dust_mg_m3_y", "birth_year"))
    assert g["next_year"][0] == 2015
PY

# Refusals: nothing is written, and the message names the state file.
refused() {  # expected exit code, then the command
  local code="$1"; shift
  set +e; "$@" >"$work/out.txt" 2>"$work/err.txt"; local got=$?; set -e
  if [ "$got" != "$code" ]; then echo "expected exit $code, got $got: $*"; cat "$work/err.txt"; exit 1; fi
  grep -q "state.h5\|whole.h5\|--save-state" "$work/err.txt" || { echo "no file named:"; cat "$work/err.txt"; exit 1; }
  [ ! -e "$work/refused.h5" ] || { echo "wrote output on refusal: $*"; exit 1; }
}
refused 2 "$bin" run "$scenario" -q -o "$work/refused.h5" --from-state "$work/at2015.state.h5" "${package[@]}" \
  --set exposure.ppe_reduction=0.5
grep -q "fingerprint" "$work/err.txt"
refused 2 "$bin" run "$scenario" -q -o "$work/refused.h5" --from-state "$work/at2015.state.h5" "${package[@]}" --seed 99
refused 2 "$bin" run "$scenario" -q -o "$work/refused.h5" --from-state "$work/at2015.state.h5" "${package[@]}" -r 5
refused 2 "$bin" run "$scenario" -q -o "$work/refused.h5" --from-state "$work/states/dust2025.state.h5" "${package[@]}"
grep -q "only 'dust' can continue it" "$work/err.txt"
refused 1 "$bin" run "$scenario" -q -o "$work/refused.h5" --from-state "$work/whole.h5" "${package[@]}"
grep -q "a results file of 'pneumoplan run', not a saved state" "$work/err.txt"
refused 2 "$bin" run "$scenario" -q -o "$work/refused.h5" --from-state "$work/at2015.state.h5" "${package[@]}" \
  --save-state 2010 "$work/refused.state.h5"
refused 2 "$bin" run "$scenario" -q -o "$work/refused.h5" --save-state 2015 "${package[@]}"
[ ! -e "$work/refused.state.h5" ]
# The seal: a damaged state is refused before HDF5 reads it.
cp "$work/at2015.state.h5" "$work/damaged.state.h5"
printf 'X' | dd of="$work/damaged.state.h5" bs=1 seek=5000 conv=notrunc status=none
set +e; "$bin" run "$scenario" -q -o "$work/refused.h5" --from-state "$work/damaged.state.h5" "${package[@]}" \
  2>"$work/err.txt"; code=$?; set -e
[ "$code" = 1 ] && grep -q "damaged.state.h5" "$work/err.txt" && [ ! -e "$work/refused.h5" ]
echo "saved states: continued runs identical, refusals named"
