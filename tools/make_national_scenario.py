#!/usr/bin/env python3
"""Write a synthetic national (or provincial) scenario folder for `pneumoplan run` from county tables.

The scenario has the city packs' format (docs/scenario-format.md): counties.csv, townships.csv, strata.csv,
life_table.csv and scenario.ini, read by the same loader. It is a synthetic planning-scale scenario for
measuring and planning runs at national scale, not a calibrated description of China (docs/performance.md,
"National synthetic scenario").

Two steps:
 1. A county table: one row per county with its province, seat, townships, dust-exposed workers and industry
    mix. Given with --county-table, or built from the shipped tables in tools/data/: provinces
    (national_provinces.csv: real codes and county counts, ASSUMED shares of workers and industry mixes) and the
    real counties of the five city packs (national_known_counties.csv); the other counties of a province are
    synthetic (codes PP8NNN, which GB/T 2260 does not use) with seats spread over the province's disc.
 2. The scenario: each county's workers split by industry (its mix) and size class
    (national_strata_template.csv), enterprises from the workers per enterprise of the size class, dust from
    the template. The county table used is written beside it as county_table.csv (not read by `run`).

Deterministic: the same options and seed write the same bytes. Worker counts are apportioned as integers, so
the strata hold exactly --workers workers. The folder is written aside and renamed into place; an existing
folder is replaced only when it holds exactly what this tool wrote there (its manifest), never anything else.

County table format (CSV, UTF-8, '#' comment lines, header first):
  county_code      6-digit code, unique (100000-999999)
  name_zh, name_en non-empty
  province_code    2-digit province code
  seat_lon, seat_lat  county seat, degrees (GCJ-02)
  townships        townships of the county, >= 1 (the scenario keeps at most --townships-per-county of them)
  workers          dust-exposed workers in the base year, integer >= 0
  one column per industry of strata.csv (coal_mining, ...): shares of the county's workers, >= 0, summing to
                   more than 0 in every county with workers (normalised); industries not given are 0
"""
from __future__ import annotations

import argparse
import csv
import io
import math
import os
import random
import shutil
import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parent
DATA = TOOLS / "data"
ROOT = TOOLS.parent
MANIFEST = ".made_by_make_national_scenario"

INDUSTRIES = ["coal_mining", "metal_mining", "tin_mining", "tungsten_mining", "iron_copper_mining", "coking",
              "building_materials", "cement", "ceramics", "stone_processing", "foundry_metallurgy", "construction",
              "chemicals", "other"]
TEMPLATE_COLUMNS = ["worker_share", "workers_per_enterprise", "dust_gm_mg_m3", "dust_gsd", "silica_fraction",
                    "share_migrant", "share_dispatched", "female_share", "noise_share", "radiation_share"]
COUNTY_COLUMNS = ["county_code", "name_zh", "name_en", "province_code", "seat_lon", "seat_lat", "townships", "workers"]


class InputError(Exception):
    """A bad input: FILE:LINE: what was expected (exit code 2)."""


def read_table(path: Path, required: list[str], optional: list[str] = ()) -> list[tuple[int, dict]]:
    """Rows of a CSV file with their line numbers; '#' lines and blank lines skipped, header checked."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}:0: expected a readable UTF-8 CSV file ({e})")
    lines = [(n, line) for n, line in enumerate(text.splitlines(), 1) if line.strip() and not line.startswith("#")]
    if not lines:
        raise InputError(f"{path}:0: expected a header line")
    header_line, header = lines[0][0], next(csv.reader([lines[0][1]]))
    missing = [c for c in required if c not in header]
    if missing:
        raise InputError(f"{path}:{header_line}: expected column(s) {', '.join(missing)}")
    unknown = [c for c in header if c not in required and c not in optional]
    if unknown:
        raise InputError(f"{path}:{header_line}: unknown column(s) {', '.join(unknown)}")
    rows = []
    for n, line in lines[1:]:
        fields = next(csv.reader([line]))
        if len(fields) != len(header):
            raise InputError(f"{path}:{n}: expected {len(header)} fields, found {len(fields)}")
        rows.append((n, dict(zip(header, fields))))
    return rows


def number(path: Path, n: int, row: dict, column: str, low: float, high: float, integer: bool = False):
    text = row[column].strip()
    try:
        value = int(text) if integer else float(text)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or not low <= value <= high:
        kind = "an integer" if integer else "a number"
        raise InputError(f"{path}:{n}: column '{column}': expected {kind} in [{low:g}, {high:g}], found '{text}'")
    return value


def apportion(total: int, weights: list[float]) -> list[int]:
    """Integers summing to total in proportion to weights (largest remainder; ties by position)."""
    s = sum(weights)
    if total == 0 or s <= 0:
        return [0] * len(weights)
    exact = [total * w / s for w in weights]
    out = [math.floor(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - out[i]), i))
    for i in order[: total - sum(out)]:
        out[i] += 1
    return out


def read_provinces(path: Path) -> list[dict]:
    rows = read_table(path, ["province_code", "name_zh", "name_en", "counties", "centre_lon", "centre_lat", "radius_km",
                             "dust_weight"], INDUSTRIES)
    provinces = []
    for n, r in rows:
        p = {"code": number(path, n, r, "province_code", 11, 99, True), "name_zh": r["name_zh"], "name_en": r["name_en"],
             "counties": number(path, n, r, "counties", 1, 999, True),
             "lon": number(path, n, r, "centre_lon", -180, 180), "lat": number(path, n, r, "centre_lat", -90, 90),
             "radius_km": number(path, n, r, "radius_km", 0, 5000), "weight": number(path, n, r, "dust_weight", 0, 1e6),
             "mix": {k: number(path, n, r, k, 0, 1e6) for k in INDUSTRIES if k in r}}
        if sum(p["mix"].values()) <= 0:
            raise InputError(f"{path}:{n}: expected an industry mix with a positive sum")
        provinces.append(p)
    return provinces


def read_known_counties(path: Path) -> list[dict]:
    rows = read_table(path, ["county_code", "name_zh", "name_en", "province_code", "seat_lon", "seat_lat", "townships"])
    return [{"code": number(path, n, r, "county_code", 100000, 999999, True), "name_zh": r["name_zh"],
             "name_en": r["name_en"], "province": number(path, n, r, "province_code", 11, 99, True),
             "lon": number(path, n, r, "seat_lon", -180, 180), "lat": number(path, n, r, "seat_lat", -90, 90),
             "townships": max(1, number(path, n, r, "townships", 0, 999, True))} for n, r in rows]


def build_county_table(args, rng: random.Random) -> list[dict]:
    """Counties from the province and known-county tables: --counties shared by provinces in proportion to their
    county counts, the known counties of a province first, --workers shared by the provinces' dust weights and
    within a province by a lognormal weight per county (ASSUMED spread: sigma 1, a tenfold range between the
    5th and 95th percentile counties)."""
    provinces = read_provinces(args.provinces)
    known = read_known_counties(args.known_counties)
    quota = apportion(args.counties, [p["counties"] for p in provinces])
    counties = []
    for p, q in zip(provinces, quota):
        if q == 0:
            continue
        mine = [k for k in known if k["province"] == p["code"]][:q]
        avg_townships = 14  # ASSUMED: about 38,600 township-level units over 2,844 counties
        for k in range(q - len(mine)):
            if k > 999:
                raise InputError(f"{args.provinces}:0: expected at most 1000 synthetic counties in province {p['code']}")
            # A point uniform over the province's disc (km → degrees at its latitude).
            r_km, angle = p["radius_km"] * math.sqrt(rng.random()), 2 * math.pi * rng.random()
            lat = p["lat"] + r_km * math.sin(angle) / 111.2
            lon = p["lon"] + r_km * math.cos(angle) / (111.2 * max(0.2, math.cos(math.radians(p["lat"]))))
            mine.append({"code": p["code"] * 10000 + 8000 + k, "name_zh": f"{p['name_zh']}合成县{k + 1:03d}",
                         "name_en": f"{p['name_en']} synthetic county {k + 1}", "province": p["code"],
                         "lon": round(lon, 4), "lat": round(max(-89.0, min(89.0, lat)), 4),
                         "townships": max(1, round(avg_townships * math.exp(0.4 * rng.gauss(0, 1))))})
        for c in mine:
            c["weight"] = math.exp(rng.gauss(0, 1))
            # The county's industry mix: the province's, each share varied by a lognormal factor (sigma 0.5).
            c["mix"] = {k: v * math.exp(0.5 * rng.gauss(0, 1)) for k, v in p["mix"].items()}
        counties.append((p, mine))
    province_workers = apportion(args.workers, [p["weight"] for p, _ in counties])
    table = []
    for (p, mine), w in zip(counties, province_workers):
        for c, cw in zip(mine, apportion(w, [c["weight"] for c in mine])):
            total = sum(c["mix"].values())
            table.append({"code": c["code"], "name_zh": c["name_zh"], "name_en": c["name_en"], "province": p["code"],
                          "lon": c["lon"], "lat": c["lat"], "townships": c["townships"], "workers": cw,
                          "mix": {k: round(v / total, 6) for k, v in c["mix"].items()}})
    return table


def read_county_table(path: Path) -> list[dict]:
    rows = read_table(path, COUNTY_COLUMNS, INDUSTRIES)
    table, seen = [], {}
    for n, r in rows:
        code = number(path, n, r, "county_code", 100000, 999999, True)
        if code in seen:
            raise InputError(f"{path}:{n}: county_code {code} repeats (first on line {seen[code]})")
        seen[code] = n
        for column in ("name_zh", "name_en"):
            if not r[column].strip():
                raise InputError(f"{path}:{n}: column '{column}': expected a non-empty name")
        c = {"code": code, "name_zh": r["name_zh"], "name_en": r["name_en"],
             "province": number(path, n, r, "province_code", 11, 99, True),
             "lon": number(path, n, r, "seat_lon", -180, 180), "lat": number(path, n, r, "seat_lat", -90, 90),
             "townships": number(path, n, r, "townships", 1, 9999, True),
             "workers": number(path, n, r, "workers", 0, 5 * 10**7, True),
             "mix": {k: number(path, n, r, k, 0, 1e6) for k in INDUSTRIES if k in r}}
        if c["workers"] > 0 and sum(c["mix"].values()) <= 0:
            raise InputError(f"{path}:{n}: expected an industry mix with a positive sum for a county with workers")
        table.append(c)
    if not table:
        raise InputError(f"{path}:0: expected at least one county")
    return table


def read_template(path: Path) -> dict[str, list[dict]]:
    rows = read_table(path, ["industry", "size_class"] + TEMPLATE_COLUMNS)
    template: dict[str, list[dict]] = {}
    for n, r in rows:
        if r["industry"] not in INDUSTRIES:
            raise InputError(f"{path}:{n}: column 'industry': expected one of {', '.join(INDUSTRIES)}")
        if r["size_class"] not in ("large", "medium", "small", "micro"):
            raise InputError(f"{path}:{n}: column 'size_class': expected large, medium, small or micro")
        row = {"size": r["size_class"]}
        for column in TEMPLATE_COLUMNS:
            row[column] = number(path, n, r, column, 0, 1e6)
        if row["workers_per_enterprise"] < 1:
            raise InputError(f"{path}:{n}: column 'workers_per_enterprise': expected at least 1")
        template.setdefault(r["industry"], []).append(row)
    return template


def csv_text(header: list[str], rows: list[list], comment: str) -> str:
    out = io.StringIO()
    for line in comment.strip().splitlines():
        out.write(f"# {line}\n")
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def scenario_files(args, table: list[dict], template: dict[str, list[dict]]) -> dict[str, str]:
    provenance = (f"Written by tools/make_national_scenario.py --workers {args.workers} --counties {args.counties} "
                  f"--seed {args.seed} --townships-per-county {args.townships_per_county}"
                  + (f" --county-table {args.county_table.name}" if args.county_table else "") +
                  ". SYNTHETIC: see docs/performance.md, 'National synthetic scenario'.")
    files = {}
    files["counties.csv"] = csv_text(
        ["county_code", "name_zh", "name_en", "population", "seat_lon", "seat_lat"],
        [[c["code"], c["name_zh"], c["name_en"], "", c["lon"], c["lat"]] for c in table],
        provenance + "\nCounties of tools/data/national_known_counties.csv keep their real codes, names and seats; "
        "codes PP8NNN are synthetic.")
    townships = []
    for c in table:
        # Townships sit on a small circle around the seat (about 3 km per township: ASSUMED), the first at the seat.
        kept = min(c["townships"], args.townships_per_county)
        for t in range(kept):
            angle, r_km = 2 * math.pi * t / max(1, kept - 1), 0.0 if t == 0 else 3.0 * math.sqrt(kept)
            lon = c["lon"] + r_km * math.cos(angle) / (111.2 * max(0.2, math.cos(math.radians(c["lat"]))))
            lat = c["lat"] + r_km * math.sin(angle) / 111.2
            townships.append([c["code"] * 1000 + t + 1, c["code"], f"{c['name_zh']}{t + 1}号乡镇",
                              f"{c['name_en']} township {t + 1}", "town" if t else "street",
                              f"{lon:.5f}", f"{max(-90.0, min(90.0, lat)):.5f}", 1, 1])
    files["townships.csv"] = csv_text(
        ["township_code", "county_code", "name_zh", "name_en", "kind", "lon", "lat", "point_approximate", "weight"],
        townships, provenance + f"\nSynthetic townships: at most {args.townships_per_county} per county (the township "
        "distance table grows with the square of the townships, docs/performance.md); points derived from the seat.")
    strata = []
    for c in table:
        industries = [k for k in INDUSTRIES if c["mix"].get(k, 0) > 0 and k in template]
        by_industry = apportion(c["workers"], [c["mix"][k] for k in industries])
        for industry, w in zip(industries, by_industry):
            rows = template[industry]
            carried = 0
            for k, (row, sw) in enumerate(zip(rows, apportion(w, [r["worker_share"] for r in rows]))):
                # Workers too few for half an enterprise of the class go to the next (smaller) class, so that
                # a county never has a "large" enterprise of a few dozen workers.
                sw += carried
                carried = 0
                if sw == 0:
                    continue
                if round(sw / row["workers_per_enterprise"]) == 0 and k + 1 < len(rows):
                    carried = sw
                    continue
                enterprises = min(sw, max(1, round(sw / row["workers_per_enterprise"])))
                strata.append([c["code"], industry, row["size"], enterprises, sw] +
                              [f"{row[k]:g}" for k in TEMPLATE_COLUMNS[2:]])
    dropped = [k for c in table for k in c["mix"] if c["mix"][k] > 0 and k not in template]
    if dropped:
        raise InputError(f"{args.strata_template}:0: expected a row for industry {dropped[0]}, used by the county table")
    files["strata.csv"] = csv_text(
        ["county_code", "industry", "size_class", "enterprises", "workers"] + TEMPLATE_COLUMNS[2:], strata,
        provenance + "\nWorkers by county and industry from the county table, by size class, enterprise size and dust "
        "from tools/data/national_strata_template.csv (ASSUMED, derived from the five city packs).")
    files["county_table.csv"] = csv_text(
        COUNTY_COLUMNS + INDUSTRIES,
        [[c["code"], c["name_zh"], c["name_en"], c["province"], c["lon"], c["lat"], c["townships"], c["workers"]] +
         [c["mix"].get(k, 0) for k in INDUSTRIES] for c in table],
        provenance + "\nThe county table this scenario was written from (the format of --county-table); not read by "
        "pneumoplan run.")
    life_table = args.life_table.read_text(encoding="utf-8-sig")
    files["life_table.csv"] = life_table
    total = sum(c["workers"] for c in table)
    files["scenario.ini"] = f"""# China, national synthetic scenario ({len(table)} counties, {total} dust-exposed workers). {provenance}
# Parameters not set here take the defaults of `pneumoplan params`. Not calibrated: a scenario of national size
# for planning and measuring runs at that scale; the industry mixes, shares of workers and enterprise inventory are
# ASSUMED (tools/data/). Workforce constant at the base year's (no trends.csv); concentrations change by
# exposure.default_annual_change. No institutions (unlimited exam capacity), no plan targets (no scorecard).

[city]
name_zh = 全国（合成）
name_en = China (synthetic)

[scenario]
description_en = China, a synthetic national scenario: {len(table)} counties and {total} dust-exposed workers written by tools/make_national_scenario.py (seed {args.seed}); not calibrated.
description_zh = 全国合成情景：{len(table)}个县级单位、{total}名接尘劳动者，由tools/make_national_scenario.py生成（种子{args.seed}）；未经校准。

[simulation]
start_year = {args.first_year}
end_year = {args.last_year}
base_year = {args.base_year}
replicates = 1
seed = {args.seed}
"""
    return files


def replaceable(out: Path) -> bool:
    """An existing folder this tool wrote and nobody changed the list of: exactly the files of its manifest."""
    manifest = out / MANIFEST
    if not out.is_dir() or out.is_symlink() or not manifest.is_file():
        return False
    listed = set(manifest.read_text(encoding="utf-8").split())
    present = {p.name for p in out.iterdir()}
    return present == listed | {MANIFEST} and all((out / name).is_file() for name in listed)


def write_folder(out: Path, files: dict[str, str]) -> None:
    """Write aside (a hidden sibling), then rename into place; an old folder of ours is moved away first."""
    if os.path.lexists(out) and not replaceable(out):
        raise InputError(f"{out}:0: expected a path that does not exist (or a folder this tool wrote, unchanged): "
                         "it is not replaced, nothing written")
    parent = out.parent
    parent.mkdir(parents=True, exist_ok=True)
    temp = parent / f".{out.name}.tmp-{os.getpid()}"
    old = parent / f".{out.name}.old-{os.getpid()}"
    try:
        temp.mkdir()
        for name, text in files.items():
            with open(temp / name, "w", encoding="utf-8", newline="") as f:
                f.write(text)
                f.flush()
                os.fsync(f.fileno())
        (temp / MANIFEST).write_text("\n".join(sorted(files)) + "\n", encoding="utf-8")
        if os.path.lexists(out):
            os.rename(out, old)
        os.rename(temp, out)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        if os.path.lexists(old) and not os.path.lexists(out):
            os.rename(old, out)
        raise
    shutil.rmtree(old, ignore_errors=True)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        prog="make_national_scenario.py",
        description="Write a synthetic national scenario folder for `pneumoplan run` from county tables "
                    "(docs/performance.md, 'National synthetic scenario'). Exit code 2 on bad input, nothing written.",
        formatter_class=argparse.ArgumentDefaultsHelpFormatter)
    parser.add_argument("-o", "--out", type=Path, required=True,
                        help="scenario folder to write; refused if it exists, unless it is one this tool wrote and "
                             "nobody changed (then replaced as a whole)")
    parser.add_argument("--workers", type=int, default=20_000_000,
                        help="dust-exposed workers in the base year, shared between counties (exactly)")
    parser.add_argument("--counties", type=int, default=2800,
                        help="counties, shared between provinces by their county counts")
    parser.add_argument("--first-year", type=int, default=1990, help="first simulated year (simulation.start_year)")
    parser.add_argument("--last-year", type=int, default=2035, help="last simulated year (simulation.end_year)")
    parser.add_argument("--base-year", type=int, default=2020,
                        help="year of the workers and concentrations (simulation.base_year); at most --last-year")
    parser.add_argument("--seed", type=int, default=20240101,
                        help="seed of the synthetic counties and of the scenario (simulation.seed)")
    parser.add_argument("--townships-per-county", type=int, default=1,
                        help="townships kept per county (at most its count in the county table); the station "
                             "layer's township distance table takes 8 n^2 bytes for n townships, twice")
    parser.add_argument("--county-table", type=Path,
                        help="read counties, workers and industry mixes from this CSV (format in this file's "
                             "docstring) instead of synthesising them; --workers and --counties are then not used")
    parser.add_argument("--provinces", type=Path, default=DATA / "national_provinces.csv",
                        help="province table: codes, county counts, centres, ASSUMED dust weights and mixes")
    parser.add_argument("--known-counties", type=Path, default=DATA / "national_known_counties.csv",
                        help="real counties placed first in their province")
    parser.add_argument("--strata-template", type=Path, default=DATA / "national_strata_template.csv",
                        help="size classes, enterprise sizes and dust by industry")
    parser.add_argument("--life-table", type=Path, default=ROOT / "scenarios" / "xuzhou" / "life_table.csv",
                        help="life_table.csv to copy (UN WPP 2024, China)")
    args = parser.parse_args(argv)
    try:
        if not 1 <= args.workers <= 10**9:
            raise InputError("--workers:0: expected an integer in [1, 10^9]")
        if not 1 <= args.counties <= 9999:
            raise InputError("--counties:0: expected an integer in [1, 9999]")
        if not 1900 <= args.first_year < args.last_year <= 2200 or args.last_year - args.first_year > 250:
            raise InputError("--first-year:0: expected 1900 <= --first-year < --last-year <= 2200, at most 250 years")
        if not 1900 <= args.base_year <= args.last_year:
            raise InputError("--base-year:0: expected a year in [1900, --last-year]")
        if not 1 <= args.townships_per_county <= 999:
            raise InputError("--townships-per-county:0: expected an integer in [1, 999]")
        if not 0 <= args.seed <= 9_200_000_000_000_000_000:
            raise InputError("--seed:0: expected an integer in [0, 9.2e18]")
        if args.county_table:
            table = read_county_table(args.county_table)
            args.workers, args.counties = sum(c["workers"] for c in table), len(table)
        else:
            table = build_county_table(args, random.Random(args.seed))
        files = scenario_files(args, table, read_template(args.strata_template))
        write_folder(args.out, files)
    except InputError as e:
        print(f"make_national_scenario.py: {e}", file=sys.stderr)
        return 2
    print(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
