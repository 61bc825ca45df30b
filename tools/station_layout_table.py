#!/usr/bin/env python3
"""The rule-against-optimiser tables of docs/stations.md: runs each city pack with three station layouts
(`rehab.layout=rule`, `optimised` with the default covering model, and `optimised` with
`rehab.optimise_model=p_median`; same scenario and seed, so common random numbers), puts them side by side with
`pneumoplan stations ... --years YEAR`, and prints, per city and layout, city means over replicates in YEAR:

1. the model's outputs (stations open / functioning, patients seeking, served within reach, within reach per
   functioning station, the served patients' mean / p90 distance, coverage indicator, building cost paid so far,
   running cost in the year);
2. the two views of `pneumoplan stations` (served patients and their distance; every counted patient's distance
   to the nearest functioning station and the shares within 5, 10 and 20 km);
3. per city: counted patients, townships where patients concentrate, and the counted patients of each replicate's
   largest township in the city (mean over replicates, and the most) — whether the rule has anything to build.

Results files already in the output folder are reused (delete them to re-run).

Usage: /usr/bin/python3 tools/station_layout_table.py PNEUMOPLAN OUT_FOLDER [--replicates N] [--threads T]
       [--year 2025] [CITY ...]   (default: the five packs of scenarios/, 10 replicates; run from the repository root)
"""
import argparse
import csv
import math
import os
import subprocess
import sys

import h5py
import numpy as np

CITIES = ["xuzhou", "jinan", "yuncheng", "heyuan", "jiaxing"]
NAMES = {"xuzhou": "Xuzhou", "jinan": "Jinan", "yuncheng": "Yuncheng", "heyuan": "Heyuan", "jiaxing": "Jiaxing"}
LAYOUTS = [("rule", "rule", []),
           ("optimised", "optimised (covering)", []),
           ("p_median", "optimised (p-median)", ["--set", "rehab.optimise_model=p_median"])]


def run(command, what):
    print("running:", " ".join(command), file=sys.stderr)
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"{what} failed: {done.stderr.strip()}")


def number(value, decimals=0):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return f"{value:,.{decimals}f}"


def money(rmb, millions):
    if math.isnan(rmb):
        return "–"
    if rmb == 0:
        return "0"
    return f"{rmb / 1e6:.2f} M" if millions else f"{rmb / 1e3:,.0f} k"


def city_mean(f, name, y):
    """Mean over replicates of the city value (the last region) in year index y, skipping NaN as pneumoplan does."""
    values = np.asarray(f["replicates/" + name][:, y], dtype=float)
    values = values[:, -1] if values.ndim == 2 else values
    values = values[~np.isnan(values)]
    return float(values.mean()) if values.size else float("nan")


def model_row(path, year):
    with h5py.File(path, "r") as f:
        y = list(f["axes/year"][()]).index(year)
        m = {name: city_mean(f, name, y) for name in (
            "rehab_stations_open", "rehab_stations_functioning", "rehab_patients", "rehab_patients_seeking",
            "rehab_patients_within_reach", "rehab_mean_distance_km", "rehab_p90_distance_km",
            "indicator_rehab_township_coverage", "rehab_station_cost_rmb", "rehab_running_cost_rmb",
            "concentrated_townships")}
        ini = f["scenario/resolved_ini"][()]
        ini = ini.decode() if isinstance(ini, bytes) else str(ini)
        which = "true" if "patients_counted = true" in ini.splitlines() else "diagnosed"  # rehab.patients_counted
        in_city = f["axes/township_region_index"][()] >= 0  # not the "outside the city" of migrants' homes
        counted = f[f"replicates/patients_{which}_by_township"][:, y, :][:, in_city]
        largest = counted.max(axis=1)  # each replicate's largest township
        m["largest_township_mean"] = float(largest.mean())
        m["largest_township_any"] = int(largest.max())
    return m


def stations_rows(csv_path):
    """The comparison table of `pneumoplan stations --csv`, keyed by results file (numbers as floats)."""
    rows = {}
    with open(csv_path, encoding="utf-8-sig") as table:
        for row in csv.DictReader(table):
            values = {}
            for key, text in row.items():
                try:
                    values[key] = float(text.replace(",", "")) if text not in ("", "–") else float("nan")
                except ValueError:
                    values[key] = text
            rows[os.path.abspath(row["file"])] = values
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("out")
    parser.add_argument("cities", nargs="*", default=CITIES)
    parser.add_argument("--replicates", type=int, default=10)
    parser.add_argument("--threads", type=int, default=0)
    parser.add_argument("--year", type=int, default=2025)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    model, views, cities = [], [], []
    for city in args.cities:
        paths = []
        for key, label, extra in LAYOUTS:
            path = os.path.abspath(os.path.join(args.out, f"{city}_{key}.h5"))
            paths.append(path)
            if os.path.exists(path):
                continue
            layout = "rule" if key == "rule" else "optimised"
            command = [args.binary, "run", os.path.join("scenarios", city), "--set", f"rehab.layout={layout}", *extra,
                       "--replicates", str(args.replicates), "--quiet", "--out", path]
            if args.threads:
                command += ["--threads", str(args.threads)]
            run(command, f"{city}: pneumoplan run ({label})")
        table = os.path.join(args.out, f"{city}.stations.csv")
        run([args.binary, "stations", *paths, "--years", str(args.year), "--out", os.path.join(args.out, "sites"),
             "--csv", table], f"{city}: pneumoplan stations")
        viewed = stations_rows(table)
        for (key, label, _), path in zip(LAYOUTS, paths):
            m = model_row(path, args.year)
            v = viewed[path]
            functioning = m["rehab_stations_functioning"]
            per_station = m["rehab_patients_within_reach"] / functioning if functioning > 0 else float("nan")
            model.append([NAMES.get(city, city), label,
                          f"{number(m['rehab_stations_open'], 1)} / {number(functioning, 1)}",
                          number(m["rehab_patients_seeking"]), number(m["rehab_patients_within_reach"]),
                          number(per_station),
                          f"{number(m['rehab_mean_distance_km'], 1)} / {number(m['rehab_p90_distance_km'], 1)}",
                          number(m["indicator_rehab_township_coverage"], 2), money(m["rehab_station_cost_rmb"], True),
                          money(m["rehab_running_cost_rmb"], False)])
            views.append([NAMES.get(city, city), label, number(v["served"]),
                          f"{number(v['served_mean_km'], 1)} / {number(v['served_p90_km'], 1)}",
                          f"{number(v['all_mean_km'], 1)} / {number(v['all_p90_km'], 1)}",
                          " / ".join(number(v[f"within_{km}_km (%)"]) for km in (5, 10, 20))])
            if key == "rule":
                cities.append([NAMES.get(city, city), number(m["rehab_patients"]),
                               number(m["concentrated_townships"], 1), number(m["largest_township_mean"]),
                               str(m["largest_township_any"])])
    y = args.year
    print(f"Model outputs, city means over {args.replicates} replicates in {y}:\n")
    print("| city | layout | stations open / functioning | patients seeking | served within 10 km "
          "| within reach per functioning station | mean / p90 km | coverage indicator "
          f"| building cost paid (RMB) | running cost in {y} (RMB) |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for row in model:
        print("| " + " | ".join(row) + " |")
    print(f"\nThe two views of `pneumoplan stations ... --years {y}`:\n")
    print("| city | layout | served | served: mean / p90 km | every patient: mean / p90 km "
          "| every patient within 5 / 10 / 20 km (%) |")
    print("|---|---|---|---|---|---|")
    for row in views:
        print("| " + " | ".join(row) + " |")
    print(f"\nCounted patients in {y}:\n")
    print("| city | counted patients | townships where patients concentrate | largest township: mean over replicates "
          "| largest township: most |")
    print("|---|---|---|---|---|")
    for row in cities:
        print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
