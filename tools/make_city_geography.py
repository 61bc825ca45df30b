#!/usr/bin/env python3
"""Copies one city's counties and townships from the geography compilation (docs/references.md §10) into a scenario folder.

Run by hand when a scenario pack is (re)built; simulations never read the compilation. Townships without
a surveyed point get one derived from their county seat plus a deterministic offset (seeded by the
township code) and are flagged point_approximate = 1. Township weights, the relative share of workers'
homes, are the county's population divided among its townships, with 'other' statistical units
(development zones, farms) weighted one tenth.

Usage: tools/make_city_geography.py CITY SHARED_DATA_DIR SCENARIO_DIR
"""
import csv
import hashlib
import math
import os
import sys

ATTRIBUTION = [
    "# Source: the geography compilation of docs/references.md §10.",
    "# Codes and names: modood/Administrative-divisions-of-China (WTFPL), 2023 statistical division codes.",
    "# Township points: Vonng/adcode (CC BY 4.0), 2016 baseline, GCJ-02; point_approximate=1 marks points",
    "#   derived from the county seat by tools/make_city_geography.py, not surveyed.",
    "# County seats: computed from DataV-style outlines (anzhou99/GeoJsons). Populations: 2020 (seventh) census",
    "#   bulletins as reprinted on public pages; some are estimates, not census figures (population_status in the",
    "#   shared counties table); empty where none was found.",
]

# Township units whose legal county the source leaves unresolved, assigned by us (see the scenario README).
UNRESOLVED_COUNTY = {"320371005": "320312"}


def derived_point(code, seat_lon, seat_lat):
    digest = hashlib.sha256(code.encode()).digest()
    angle = int.from_bytes(digest[:4], "big") / 2**32 * 2 * math.pi
    radius = 0.02 + 0.06 * int.from_bytes(digest[4:8], "big") / 2**32
    return seat_lon + radius * math.cos(angle), seat_lat + radius * math.sin(angle)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    city, data_dir, out_dir = sys.argv[1:]
    counties = [r for r in csv.DictReader(open(os.path.join(data_dir, "counties_5cities.csv"), encoding="utf-8"))
                if r["city"] == city]
    if not counties:
        sys.exit(f"no counties for city {city}")
    codes = {r["county_code"] for r in counties}
    townships = []
    for r in csv.DictReader(open(os.path.join(data_dir, "townships_5cities.csv"), encoding="utf-8")):
        county = r["admin_county"] or UNRESOLVED_COUNTY.get(r["code9"], "")
        if r["stats_county"] in codes or county in codes:
            if county not in codes:
                sys.exit(f"township {r['code9']} {r['name']} has no county in {city}")
            townships.append((r, county))

    known_pops = [float(r["population_2020"]) for r in counties if r["population_2020"]]
    fallback_pop = sorted(known_pops)[len(known_pops) // 2]
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "counties.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(ATTRIBUTION) + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["county_code", "name_zh", "name_en", "population", "seat_lon", "seat_lat"])
        for r in counties:
            w.writerow([r["county_code"], r["name_zh"], r["name_pinyin"], r["population_2020"], r["seat_lon"],
                        r["seat_lat"]])

    seat = {r["county_code"]: (float(r["seat_lon"]), float(r["seat_lat"])) for r in counties}
    population = {r["county_code"]: float(r["population_2020"] or fallback_pop) for r in counties}
    kind_factor = {"street": 1.0, "town": 1.0, "township": 1.0, "other": 0.1}
    units = {}
    for r, county in townships:
        units[county] = units.get(county, 0.0) + kind_factor[r["kind"]]
    with open(os.path.join(out_dir, "townships.csv"), "w", encoding="utf-8", newline="") as f:
        f.write("\n".join(ATTRIBUTION) + "\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["township_code", "county_code", "name_zh", "kind", "lon", "lat", "point_approximate", "weight"])
        for r, county in townships:
            if r["lon_gcj02_2016"]:
                lon, lat, approximate = float(r["lon_gcj02_2016"]), float(r["lat_gcj02_2016"]), 0
            else:
                lon, lat = derived_point(r["code9"], *seat[county])
                approximate = 1
            weight = population[county] * kind_factor[r["kind"]] / units[county]
            w.writerow([r["code9"], county, r["name"], r["kind"], f"{lon:.6f}", f"{lat:.6f}", approximate,
                        f"{weight:.1f}"])
    print(f"{city}: {len(counties)} counties, {len(townships)} townships written to {out_dir}")


if __name__ == "__main__":
    main()
