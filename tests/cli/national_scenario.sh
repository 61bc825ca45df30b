#!/usr/bin/env bash
# tools/make_national_scenario.py at small scale: the scenario it writes loads and runs, employs the workers asked
# for in every county it wrote, is the same bytes for the same seed, and the tool never replaces a folder it did not
# write (nor one it wrote that someone changed), refuses bad options with exit code 2 and leaves nothing behind.
set -eu
bin="$1"; tool="$2"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
python=/usr/bin/python3
expect_exit() {  # expected code, then the command
  local expected="$1"; shift
  local code=0
  "$@" >"$work/out" 2>"$work/err" || code=$?
  [ "$code" -eq "$expected" ] || { echo "exit $code, expected $expected: $*"; cat "$work/out" "$work/err"; exit 1; }
}
workers=20000; counties=30
expect_exit 0 "$python" "$tool" -o "$work/nat" --workers $workers --counties $counties --first-year 2018 \
  --last-year 2021 --seed 7
"$bin" run "$work/nat" --check >"$work/check.txt"
grep -q "$counties counties, $counties townships, .* $workers dust workers in 2020, years 2018-2021" "$work/check.txt" ||
  { cat "$work/check.txt"; echo "the scenario does not hold what was asked"; exit 1; }
grep -q 'estimated peak memory' "$work/check.txt"
"$bin" run "$work/nat" --replicates 1 --threads 2 --out "$work/nat.h5" --quiet >/dev/null

# Employed workers against the workers asked, every year, for the whole and county by county. Two things move them:
# deaths in service (a worker who dies during the year is not counted; the life table's death rate at the oldest
# working ages, men of 55-59, is below 1 % a year: at most 1 % of the count, plus three binomial standard
# deviations) and jobs rounded to whole workers in each enterprise (at most half a worker each way per enterprise).
"$python" - "$work/nat.h5" "$work/nat/strata.csv" $workers $counties <<'PY'
import csv, math, sys, h5py
path, strata, asked, counties = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
rows = list(csv.DictReader(line for line in open(strata, encoding="utf-8") if not line.startswith("#")))
workers, enterprises = {}, {}
for r in rows:
    code = int(r["county_code"])
    workers[code] = workers.get(code, 0) + int(r["workers"])
    enterprises[code] = enterprises.get(code, 0) + int(r["enterprises"])
assert sum(workers.values()) == asked, (sum(workers.values()), asked)
with h5py.File(path, "r") as f:
    employed = f["replicates/workers_employed"][0]      # year × region (counties, then the whole); townships: theirs, then "outside"
    codes = list(f["axes/region_code"][:])
    assert employed.shape[1] == counties + 1 and len(f["axes/township_code"]) == counties + 1, (employed.shape, len(f["axes/township_code"]))
def tolerance(n, e):
    return 0.01 * n + 3.0 * math.sqrt(0.01 * n) + 0.5 * e
regions = [(code, workers.get(code, 0), enterprises.get(code, 0), i) for i, code in enumerate(codes[:-1])]
regions.append(("all", asked, sum(enterprises.values()), counties))
assert sum(1 for _, n, _, _ in regions[:-1] if n > 0) == len(workers), "a county of strata.csv is not a region"
for code, n, e, i in regions:
    for year, got in enumerate(employed[:, i]):
        assert abs(got - n) <= tolerance(n, e), f"county {code}, year {year}: {got} employed, {n} asked"
print(f"employed {int(employed[0, -1])} of {asked} (tolerance {tolerance(asked, regions[-1][2]):.0f})")
PY

# Deterministic: the same options write the same bytes.
expect_exit 0 "$python" "$tool" -o "$work/again" --workers $workers --counties $counties --first-year 2018 \
  --last-year 2021 --seed 7
diff -r "$work/nat" "$work/again" >/dev/null || { echo "the same seed wrote different scenarios"; exit 1; }

# Its own unchanged folder is replaced as a whole; a folder it did not write, or one with a file added, is not.
expect_exit 0 "$python" "$tool" -o "$work/again" --workers 10000 --counties 12 --first-year 2018 --last-year 2021
grep -q '^# China, national synthetic scenario (12 counties, 10000 dust-exposed workers)' "$work/again/scenario.ini"
mkdir "$work/mine"; echo keep >"$work/mine/notes.txt"
expect_exit 2 "$python" "$tool" -o "$work/mine" --workers $workers --counties $counties
grep -q "$work/mine:0: expected a path that does not exist" "$work/err"
[ "$(cat "$work/mine/notes.txt")" = keep ] && [ "$(ls -A "$work/mine")" = notes.txt ] ||
  { echo "a folder the tool did not write was changed"; exit 1; }
echo note >"$work/again/my_notes.txt"
expect_exit 2 "$python" "$tool" -o "$work/again" --workers $workers --counties $counties
[ -f "$work/again/my_notes.txt" ] && grep -q '(12 counties' "$work/again/scenario.ini" ||
  { echo "a changed folder of the tool was replaced"; exit 1; }
echo data >"$work/file"
expect_exit 2 "$python" "$tool" -o "$work/file" --workers $workers --counties $counties
[ "$(cat "$work/file")" = data ]

# Bad options and a bad county table: exit code 2, file:line or option named, nothing written, no temporaries.
expect_exit 2 "$python" "$tool" -o "$work/bad" --workers 0
grep -q -- '--workers:0: expected' "$work/err"
expect_exit 2 "$python" "$tool" -o "$work/bad" --first-year 2030 --last-year 2020
expect_exit 2 "$python" "$tool" -o "$work/bad" --base-year 2040 --last-year 2035
printf '# a county table\ncounty_code,name_zh,name_en,province_code,seat_lon,seat_lat,townships,workers,coal_mining\n' \
  >"$work/table.csv"
printf '320302,鼓楼区,Gulou Qu,32,117.19,34.27,3,5000,1\n320303,云龙区,Yunlong Qu,32,117.2,34.25,2,lots,1\n' \
  >>"$work/table.csv"
expect_exit 2 "$python" "$tool" -o "$work/bad" --county-table "$work/table.csv"
grep -q "$work/table.csv:4: column 'workers': expected an integer" "$work/err"
[ ! -e "$work/bad" ] && [ -z "$(ls -A "$work" | grep '^\.')" ] || { ls -A "$work"; echo "left output behind"; exit 1; }

# A county table given: its counties, workers and townships (up to --townships-per-county) are used as they are.
sed -i 's/,lots,/,3000,/' "$work/table.csv"
expect_exit 0 "$python" "$tool" -o "$work/table" --county-table "$work/table.csv" --townships-per-county 2 \
  --first-year 2019 --last-year 2020
"$bin" run "$work/table" --check >"$work/check.txt"
grep -q '2 counties, 4 townships, .* 8000 dust workers in 2020' "$work/check.txt" || { cat "$work/check.txt"; exit 1; }

expect_exit 0 "$python" "$tool" --help
for option in --workers --counties --first-year --last-year --base-year --seed --townships-per-county --county-table \
  --provinces --known-counties --strata-template --life-table --out; do
  grep -q -- "$option" "$work/out" || { echo "--help does not explain $option"; exit 1; }
done
echo "national scenario ok"
