#!/usr/bin/env bash
# Runs too large for the machine are refused before they start (exit code 2, the estimate in the message,
# nothing written): by --max-memory, by the memory available, and for absurd scenarios (a billion workers,
# sixty thousand townships whose distance table alone would need tens of GiB) before that table is built.
# Sweeps too: before any point runs. An allocation that fails anyway ends in one line and exit code 1, and
# --check of twenty thousand townships stays light (no distance table).
#   limits.sh PNEUMOPLAN SMALL_SCENARIO CITY_SCENARIO
set -u
bin="$1"; scenario="$2"; city="$3"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL $1"; failures=$((failures+1)); }

expect_refused() {  # label, message fragment, arguments of run...
  local label="$1" fragment="$2"; shift 2
  rm -rf "$work/out"; mkdir -p "$work/out"
  "$bin" run "$@" --out "$work/out/r.h5" >"$work/stdout" 2>"$work/stderr"
  local rc=$?
  [ "$rc" -eq 2 ] || fail "$label: exit code $rc, expected 2 ($(cat "$work/stderr"))"
  grep -qF -- "$fragment" "$work/stderr" || fail "$label: stderr lacks '$fragment': $(cat "$work/stderr")"
  grep -q "needs an estimated [0-9.]* [KMGTPE]iB (" "$work/stderr" || fail "$label: no estimate in: $(cat "$work/stderr")"
  [ -z "$(ls -A "$work/out")" ] || fail "$label: files were written: $(ls -A "$work/out")"
}

# A limit below what the small scenario needs; the same run fits without it.
expect_refused "small with --max-memory 10M" "more than the 10.0 MiB allowed by --max-memory" "$scenario" --max-memory 10M
"$bin" run "$scenario" --replicates 1 --max-memory 1G --out "$work/ok.h5" --quiet >/dev/null || fail "small with --max-memory 1G refused"

# Many replicates keep many results: 100000 replicates of the city need far more than 16 GiB.
expect_refused "100000 replicates" "allowed by --max-memory" "$city" --replicates 100000 --max-memory 16G

# Almost a billion workers (19 strata of 50 million), 16 at a time: terabytes. Refused by --max-memory, and,
# without it, by what this machine has (unless it has more than 1.5 TiB free).
mkdir -p "$work/huge" && cp -r "$scenario"/. "$work/huge/"
{
  echo "county_code,industry,size_class,enterprises,workers,dust_gm_mg_m3,dust_gsd,silica_fraction,share_migrant,share_dispatched,female_share"
  for industry in coal_mining metal_mining tin_mining tungsten_mining iron_copper_mining coking building_materials \
                  cement ceramics stone_processing foundry_metallurgy construction chemicals other; do
    echo "320305,$industry,large,1000,50000000,1.0,2.0,0.1,0.2,0.1,0.05"
  done
  for industry in coal_mining metal_mining tin_mining tungsten_mining iron_copper_mining; do
    echo "320381,$industry,large,1000,50000000,1.0,2.0,0.1,0.2,0.1,0.05"
  done
} >"$work/huge/strata.csv"
expect_refused "950 million workers, --max-memory" "allowed by --max-memory" "$work/huge" --threads 16 --replicates 16 --max-memory 64G
available_kib=$(awk '/^MemAvailable:/ {print $2}' /proc/meminfo)
if [ "${available_kib:-0}" -lt $((1536 * 1024 * 1024)) ]; then
  expect_refused "950 million workers, this machine" "available (" "$work/huge" --threads 16 --replicates 16
else
  echo "SKIP 950 million workers on this machine: it has more than 1.5 TiB available"
fi

# 60000 townships: the distance table alone is 60000^2 x 8 bytes = 27 GiB, refused before it is built (a
# run that tried would fail allocating it, with exit code 1, or be killed).
mkdir -p "$work/townships" && cp -r "$scenario"/. "$work/townships/"
rm -f "$work/townships/stations.csv"
awk 'BEGIN { print "township_code,county_code,name_zh,kind,lon,lat";
             for (i = 0; i < 30000; i++) printf "%d,320305,t%d,town,117.%05d,34.4\n", 320305000 + i, i, i;
             for (i = 0; i < 30000; i++) printf "%d,320381,t%d,town,118.%05d,34.3\n", 320381000 + i, i, i; }' \
  >"$work/townships/townships.csv"
expect_refused "60000 townships" "allowed by --max-memory" "$work/townships" --replicates 1 --threads 1 --max-memory 16G

# An allocation that fails anyway (the estimate overridden, the address space limited to 1 GiB): one line,
# exit code 1, nothing written.
# (A sanitizer build reserves terabytes of address space and cannot start under such a limit: skipped there.)
if (ulimit -v 1048576; exec "$bin" --version) >/dev/null 2>&1; then
  rm -rf "$work/out"; mkdir -p "$work/out"
  (ulimit -v 1048576; exec "$bin" run "$work/townships" --replicates 1 --threads 1 --max-memory 100G --out "$work/out/r.h5") \
    >/dev/null 2>"$work/stderr"
  rc=$?
  [ "$rc" -eq 1 ] || fail "allocation failure: exit code $rc, expected 1: $(cat "$work/stderr")"
  grep -q "^error: out of memory: " "$work/stderr" && [ "$(wc -l <"$work/stderr")" -eq 1 ] ||
    fail "allocation failure: expected one line 'error: out of memory: ...': $(cat "$work/stderr")"
  [ -z "$(ls -A "$work/out")" ] || fail "allocation failure: files were written: $(ls -A "$work/out")"
else
  echo "SKIP allocation failure under ulimit -v: this build cannot start under an address-space limit (sanitizers)"
fi

# --check stays light: 20000 townships are checked without their distance table (3 GiB).
mkdir -p "$work/check" && cp -r "$scenario"/. "$work/check/"
rm -f "$work/check/stations.csv"
awk 'BEGIN { print "township_code,county_code,name_zh,kind,lon,lat";
             for (i = 0; i < 10000; i++) printf "%d,320305,t%d,town,117.%05d,34.4\n", 320305000 + i, i, i;
             for (i = 0; i < 10000; i++) printf "%d,320381,t%d,town,118.%05d,34.3\n", 320381000 + i, i, i; }' \
  >"$work/check/townships.csv"
/usr/bin/time -f %M -o "$work/rss" "$bin" run "$work/check" --check --max-memory 64G >"$work/stdout" 2>&1 ||
  fail "--check of 20000 townships failed: $(cat "$work/stdout")"
[ "$(tail -1 "$work/rss")" -lt 400000 ] || fail "--check of 20000 townships used $(tail -1 "$work/rss") KiB"

# A sweep that cannot fit is refused before any point runs: no journal, no result.
mkdir -p "$work/sweep"
cat >"$work/sweep/big.ini" <<SPEC
[sweep]
scenario = $(cd "$city" && pwd)
design = lhs
points = 8
replicates = 100000
outputs = new_diagnoses

[parameter.attendance]
key = surveillance.attendance
min = 0.3
max = 1.0
SPEC
"$bin" sweep "$work/sweep/big.ini" --out "$work/sweep/big.h5" --threads 2 --max-memory 8G >/dev/null 2>"$work/stderr"
rc=$?
[ "$rc" -eq 2 ] || fail "sweep of 100000 replicates: exit code $rc, expected 2: $(cat "$work/stderr")"
grep -q "big.ini: expected a sweep that fits in memory: it needs an estimated [0-9.]* [KMGTPE]iB (" "$work/stderr" ||
  fail "sweep of 100000 replicates: $(cat "$work/stderr")"
[ ! -e "$work/sweep/big.h5" ] && [ ! -e "$work/sweep/big.h5.parts" ] || fail "a refused sweep left files"

# --check reports the estimate; a malformed --max-memory is a usage error.
"$bin" run "$city" --check --threads 2 --replicates 4 >"$work/stdout" 2>&1 || fail "--check failed: $(cat "$work/stdout")"
grep -q "^estimated peak memory: [0-9.]* MiB (2 simulations at a time x [0-9.]* MiB each for worker rows of up to " "$work/stdout" || fail "--check: $(cat "$work/stdout")"
"$bin" run "$scenario" --max-memory lots --out "$work/x.h5" >/dev/null 2>"$work/stderr"
[ $? -eq 2 ] && grep -q -- "--max-memory: expected a size such as 8G" "$work/stderr" || fail "--max-memory lots: $(cat "$work/stderr")"

[ "$failures" -eq 0 ] && echo "all oversized runs refused before starting"
exit "$failures"
