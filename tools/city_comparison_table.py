#!/usr/bin/env python3
"""The five cities' package comparison of docs/interventions.md: runs `pneumoplan compare` on each city pack
(unless its comparison.h5 is already in the output folder) and prints, per city and package, what the package
changes against the baseline, replicate by replicate (common random numbers): true cases, pneumoconiosis deaths
and discounted DALYs averted and QALYs gained, reported cases, out-of-pocket spending and patient-years with
catastrophic health expenditure, the programme's cost, the cost per DALY averted, and the plan's 2025 targets met / uncertain / input.

Usage: /usr/bin/python3 tools/city_comparison_table.py PNEUMOPLAN OUT_FOLDER [--replicates N] [--threads T] [CITY ...]
       (default: the five packs of scenarios/, 10 replicates)
"""
import argparse
import math
import os
import subprocess
import sys

import h5py
import numpy as np

CITIES = ["xuzhou", "jinan", "yuncheng", "heyuan", "jiaxing"]


def text(values):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in values]


def grouped(value, decimals=0, sign=False):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if round(value, decimals) == 0:
        return "0"
    return f"{value:{'+' if sign else ''},.{decimals}f}"


def interval(mean, p5, p95, decimals=0, sign=False):
    return f"{grouped(mean, decimals, sign)} [{grouped(p5, decimals, sign)}, {grouped(p95, decimals, sign)}]"


def decimals_for(values):
    biggest = max((abs(v) for v in values if not math.isnan(v)), default=0.0)
    return 0 if biggest >= 100 else 1


def rows_of(city, path):
    with h5py.File(path, "r") as f:
        packages = text(f["packages/name"][()])
        outcomes = text(f["outcomes/name"][()])
        o = {name: k for k, name in enumerate(outcomes)}
        diff = {q: f["difference/" + q][()] for q in ("mean", "p5", "p95")}
        verdicts = f["verdicts/verdict"][()]
        e = f["economics"]
        rows = []
        for p, package in enumerate(packages):
            def averted(name):
                g = f["averted/" + name]
                values = [g[q][p] for q in ("mean", "p5", "p95")]
                return interval(*values, decimals_for(values))

            def change(name, scale=1.0):
                values = [diff[q][p, o[name]] / scale for q in ("mean", "p5", "p95")]
                return interval(*values, decimals_for(values), sign=True)

            def economic(name):
                values = [e[name + "/" + q][p] for q in ("mean", "p5", "p95")]
                return interval(*values, decimals_for(values))

            judged = text(verdicts[p])
            targets = f"{judged.count('met')} / {judged.count('uncertain')} / {judged.count('input')} of {len(judged)}"
            cost = f["value/mean"][p, o["intervention_cost_rmb"]] / 1e6
            if p == 0:
                rows.append([city, package, "—", "—", "—", "—", "—", "—", "—", grouped(cost), "—", targets])
                continue
            icer = e["icer_rmb_per_daly_averted"]
            status = text(icer["status"][()])[p]
            ratio = icer["ratio"][p]
            icer_text = status if math.isnan(ratio) else f"{ratio / 1e6:,.1f} M"
            rows.append([city, package, averted("true_new_cases"), averted("pneumoconiosis_deaths"),
                         economic("dalys_averted"), economic("qalys_gained"), change("reported_new_cases"), change("out_of_pocket_rmb", 1e6),
                         change("catastrophic_expenditure_patient_years"), grouped(cost), icer_text, targets])
        return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("out")
    parser.add_argument("cities", nargs="*", default=CITIES)
    parser.add_argument("--replicates", type=int, default=10)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    table = []
    for city in args.cities:
        folder = os.path.join(args.out, city)
        path = os.path.join(folder, "comparison.h5")
        if not os.path.exists(path):
            command = [args.binary, "compare", os.path.join("scenarios", city), "--replicates", str(args.replicates),
                       "--out", folder, "--quiet"]
            if args.threads:
                command += ["--threads", str(args.threads)]
            print("running:", " ".join(command), file=sys.stderr)
            run = subprocess.run(command, capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"{city}: pneumoplan compare failed: {run.stderr.strip()}")
        table += rows_of(city, path)
    print("| city | package | true cases averted | deaths averted | DALYs averted | QALYs gained | reported cases Δ "
          "| out-of-pocket Δ (M RMB) | catastrophic patient-years Δ | programme cost (M RMB) | cost per DALY averted "
          "| 2025 targets met / uncertain / input |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    names = {"xuzhou": "Xuzhou", "jinan": "Jinan", "yuncheng": "Yuncheng", "heyuan": "Heyuan", "jiaxing": "Jiaxing"}
    for row in table:
        row[0] = names.get(row[0], row[0])
        row[1] = f"`{row[1]}`"
        print("| " + " | ".join(row).replace("-", "−").replace("`−", "`-") + " |")


if __name__ == "__main__":
    main()
