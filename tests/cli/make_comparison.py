"""Test fixture: builds a comparison file in the layout `pneumoplan compare` writes (format
"pneumoplan-comparison", version 1; include/pneumoplan/comparison_reader.hpp), from run results files of the
same scenario and seed, one per package. Outcomes are summed over the plan period per replicate; differences
are paired by replicate; verdicts are the city rows of each run's .scorecard.csv.

usage: make_comparison.py OUT.h5 BASELINE=baseline.h5 NAME=package.h5 ...   (paths relative to OUT's folder)
"""
import csv
import os
import sys

import h5py
import numpy as np

FIRST, LAST = 2021, 2025
OUTCOMES = [  # name, English, Chinese, unit, how to get one value per replicate
    ("reported_cases", "Reported new cases", "报告新病例", "persons",
     lambda f, y: f["replicates/new_diagnoses"][:, y, -1, :].sum(axis=(1, 2))),
    ("deaths", "Deaths due to pneumoconiosis", "尘肺病死亡", "persons",
     lambda f, y: f["replicates/deaths_pneumoconiosis"][:, y, -1].sum(axis=1)),
]


def main():
    out = sys.argv[1]
    folder = os.path.dirname(os.path.abspath(out))
    packages = [arg.split("=", 1) for arg in sys.argv[2:]]
    values, verdicts, keys = [], [], None
    for name, relative in packages:
        with h5py.File(os.path.join(folder, relative), "r") as f:
            years = f["axes/year"][:]
            span = slice(int(np.searchsorted(years, FIRST)), int(np.searchsorted(years, LAST)) + 1)
            values.append(np.stack([get(f, span).astype(float) for _, _, _, _, get in OUTCOMES], axis=1))
            scenario, seed, replicates = f.attrs["scenario_name"], int(f.attrs["seed"]), int(f.attrs["replicates"])
            version, commit = f.attrs["program_version"], f.attrs["git_commit"]
        card = os.path.join(folder, os.path.splitext(relative)[0] + ".scorecard.csv")
        with open(card, encoding="utf-8") as c:
            rows = [r for r in csv.DictReader(c) if r["region_code"] == "0"]
        these = [(r["indicator_key"], int(r["year"])) for r in rows]
        assert keys is None or keys == these, "packages scored different indicators"
        keys = these
        verdicts.append([r["verdict"] for r in rows])
    per_replicate = np.stack(values)  # [package, replicate, outcome]
    difference = per_replicate - per_replicate[0]
    text = h5py.string_dtype("utf-8")
    with h5py.File(out, "w") as f:
        f.attrs.update({"format": "pneumoplan-comparison", "format_version": np.int64(1), "scenario_name": scenario,
                        "program_version": version, "git_commit": commit, "seed": np.int64(seed),
                        "replicates": np.int64(replicates), "baseline": packages[0][0],
                        "period_first_year": np.int64(FIRST), "period_last_year": np.int64(LAST)})
        f["packages/name"] = np.array([p[0] for p in packages], dtype=text)
        f["packages/label_en"] = np.array([p[0].replace("_", " ").capitalize() for p in packages], dtype=text)
        f["packages/label_zh"] = np.array(["方案 " + p[0] for p in packages], dtype=text)
        f["packages/results_file"] = np.array([p[1] for p in packages], dtype=text)
        for i, field in enumerate(("name", "label_en", "label_zh", "unit")):
            f["outcomes/" + field] = np.array([o[i] for o in OUTCOMES], dtype=text)
        for group, table in (("value", per_replicate), ("difference", difference)):
            f[group + "/mean"] = table.mean(axis=1)
            f[group + "/p5"] = np.percentile(table, 5, axis=1)
            f[group + "/p95"] = np.percentile(table, 95, axis=1)
        f["verdicts/indicator_key"] = np.array([k for k, _ in keys], dtype=text)
        f["verdicts/year"] = np.array([y for _, y in keys], dtype=np.int64)
        f["verdicts/verdict"] = np.array(verdicts, dtype=text)


main()
