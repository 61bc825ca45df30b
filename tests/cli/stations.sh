#!/usr/bin/env bash
# pneumoplan stations: two layouts of one scenario side by side (served and all-patients views), a site table
# per file as CSV (byte-order mark) and GeoJSON that parses back and places Xuzhou's stations inside Xuzhou in
# WGS-84; files of different seeds are refused unless --allow-different; with --lang zh no English label.
set -eu
bin="$1"; small="$2"; xuzhou="$3"; here=$(dirname "$0")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
py=/usr/bin/python3

# Xuzhou, one replicate: every township a feature, every station inside the city's extent. With the natural
# history of issue 12 no township reaches the default 100 diagnosed patients in one replicate, so the rule's
# threshold is lowered to 50: stations open, and their rows are what this test checks.
"$bin" run "$xuzhou" --replicates 1 --threads 2 --out "$work/xuzhou.h5" --quiet \
  --set rehab.station_threshold_patients=50 >/dev/null
"$bin" stations "$work/xuzhou.h5" --years 2025 >"$work/xuzhou.txt"
grep -q "Every counted patient's distance to the nearest station" "$work/xuzhou.txt"
$py - "$work/xuzhou.stations.geojson" "$work/xuzhou.stations.csv" <<'PY'
import csv, json, math, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
assert d["type"] == "FeatureCollection" and d["crs"]["properties"]["name"] == "urn:ogc:def:crs:OGC:1.3:CRS84"
features = d["features"]
assert len(features) == 186, len(features)  # Xuzhou's townships
# Xuzhou's extent in WGS-84: 116°22'–118°40' E, 33°43'–34°58' N.
for f in features:
    lon, lat = f["geometry"]["coordinates"]
    assert 116.36 <= lon <= 118.67 and 33.71 <= lat <= 34.97, (f["properties"]["name_zh"], lon, lat)
    # WGS-84 lies a few hundred metres from GCJ-02 (west of it here).
    p = f["properties"]
    dx = (p["lon_gcj02"] - lon) * 111320 * math.cos(math.radians(lat))
    dy = (p["lat_gcj02"] - lat) * 110574
    assert dx > 0 and 100 < math.hypot(dx, dy) < 1000, (p["name_zh"], dx, dy)
stations = [f for f in features if f["properties"]["share_open"] > 0]
assert stations, "no station open in Xuzhou in 2025"
for f in stations:
    p = f["properties"]
    assert p["served_patients"] is not None and 0 < p["served_patients"] <= p["capacity_patients"], p
    assert p["opening_year_median"] <= 2025
rows = list(csv.DictReader(open(sys.argv[2], encoding="utf-8-sig")))
assert len(rows) == 186 and rows[0]["township_code"] and rows[0]["name_en"], rows[0]
assert open(sys.argv[2], "rb").read(3) == b"\xef\xbb\xbf", "site CSV lacks its byte-order mark"
print("xuzhou sites ok: %d stations" % len(stations))
PY

# Two layouts of the small scenario, same seed: side by side, a site table each.
low=(--set rehab.station_threshold_patients=3 --set rehab.station_capacity_patients=5)
"$bin" run "$small" --replicates 2 --out "$work/rule.h5" --quiet "${low[@]}" >/dev/null
"$bin" run "$small" --replicates 2 --out "$work/pmed.h5" --quiet "${low[@]}" \
  --set rehab.layout=optimised --set rehab.optimise_model=p_median >/dev/null
"$bin" stations "$work/rule.h5" "$work/pmed.h5" --years 2020,2025 --out "$work/sites" --csv "$work/table.csv" >"$work/two.txt"
grep -q "optimised (p_median)" "$work/two.txt"
for f in rule pmed; do
  [ -s "$work/sites/$f.stations.csv" ] && [ -s "$work/sites/$f.stations.geojson" ] || { echo "FAIL: no site table for $f"; exit 1; }
done
$py - "$work/table.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
assert len(rows) == 4, len(rows)
for r in rows:
    shares = [float(r[k]) for k in ("within_5_km (%)", "within_10_km (%)", "within_20_km (%)")]
    assert shares == sorted(shares) and 0 <= shares[0] and shares[-1] <= 100, shares
    assert float(r["served"].replace(",", "")) + float(r["unmet"].replace(",", "")) == \
        float(r["patients"].replace(",", "")) or abs(float(r["served"].replace(",", "")) + float(r["unmet"].replace(",", "")) - float(r["patients"].replace(",", ""))) < 1.5, r
print("station table ok")
PY

# A different seed: refused (exit 2, nothing written), unless --allow-different.
"$bin" run "$small" --replicates 2 --seed 99 --out "$work/other.h5" --quiet "${low[@]}" >/dev/null
set +e
"$bin" stations "$work/rule.h5" "$work/other.h5" --out "$work/refused" >"$work/refused.txt" 2>&1
code=$?
set -e
[ "$code" -eq 2 ] && grep -q "differ in seed (7 vs 99)" "$work/refused.txt" || { echo "FAIL: different seeds: exit $code"; cat "$work/refused.txt"; exit 1; }
[ ! -e "$work/refused" ] || { echo "FAIL: a refused comparison wrote files"; exit 1; }
"$bin" stations "$work/rule.h5" "$work/other.h5" --out "$work/allowed" --allow-different >/dev/null 2>"$work/warning.txt"
grep -q "^warning: .*differ in seed" "$work/warning.txt"

# The site tables and --csv are one set of outputs, each checked before any work: --csv naming a site table of
# the same command, or a results file, is refused (exit 2) with every earlier file as it was; no staging left.
before=$(cat "$work/sites/rule.stations.csv" "$work/rule.h5" | md5sum)
for csv in "$work/sites/rule.stations.csv" "$work/rule.h5"; do
  set +e
  "$bin" stations "$work/rule.h5" "$work/pmed.h5" --out "$work/sites" --csv "$csv" >/dev/null 2>"$work/same.txt"
  code=$?
  set -e
  [ "$code" -eq 2 ] || { echo "FAIL: --csv $csv: exit $code"; cat "$work/same.txt"; exit 1; }
done
[ "$(cat "$work/sites/rule.stations.csv" "$work/rule.h5" | md5sum)" = "$before" ] || { echo "FAIL: a refused command changed a file"; exit 1; }
! ls -A "$work" "$work/sites" | grep -q pneumoplan-set || { echo "FAIL: a staging folder was left"; exit 1; }

# Chinese: the tables and the site CSVs hold no English label.
"$bin" stations "$work/rule.h5" "$work/pmed.h5" --lang zh --out "$work/zh" --csv "$work/zh/table.csv" >"$work/zh.txt"
$py "$here/check_chinese.py" "$work/zh.txt" "$work/zh"/*.csv
echo "stations ok"
