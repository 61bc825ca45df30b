#!/usr/bin/env python3
"""Markdown tables of docs/validation.md: every shipped cohort file with a published table, run through
`pneumoplan cohort`, band by band (published vs simulated cumulative risk at each band's lower limit).

Usage: tools/validation_tables.py PNEUMOPLAN [COHORT_FOLDER]   (default folder: scenarios/cohorts)
Prints Markdown on stdout; exits 1 when a judged band is outside its tolerance.
"""
import csv
import glob
import os
import subprocess
import sys
import tempfile


def main():
    binary = sys.argv[1]
    folder = sys.argv[2] if len(sys.argv) > 2 else "scenarios/cohorts"
    failed = False
    with tempfile.TemporaryDirectory() as work:
        for path in sorted(glob.glob(os.path.join(folder, "*.ini"))):
            if "[validation]" not in open(path, encoding="utf-8").read():
                continue
            name = os.path.splitext(os.path.basename(path))[0]
            table = os.path.join(work, name + ".csv")
            run = subprocess.run([binary, "cohort", path, "--out", table], capture_output=True, text=True)
            if run.returncode != 0:
                sys.exit(f"{path}: pneumoplan cohort failed: {run.stderr.strip()}")
            summary = [line.strip() for line in run.stdout.splitlines()]
            print(f"### `{name}`\n")
            print(f"`pneumoplan cohort {path}` — " + "; ".join(summary[1:4]) + ".\n")
            print("| band lower limit (mg/m³·y) | members entering (sim.) | published | simulated | difference | tolerance | judged |")
            print("|---:|---:|---:|---:|---:|---:|:---:|")
            largest = 0.0
            for row in csv.DictReader(open(table, encoding="utf-8")):
                if row.get("published_risk_at_lower", "") in ("", "nan"):
                    continue
                difference = float(row["difference_at_lower"])
                judged = row["judged"] == "1"
                tolerance = float(row["tolerance"]) if row["tolerance"] not in ("", "nan") else float("nan")
                ok = judged and abs(difference) <= tolerance
                if judged:
                    largest = max(largest, abs(difference))
                    failed |= not ok
                mark = ("ok" if ok else "**outside**") if judged else "not judged (< min. at risk)"
                print(f"| {float(row['band_lower_mg_m3_y']):g} | {float(row['entering']):.0f} | "
                      f"{float(row['published_risk_at_lower']):.3f} | {float(row['simulated_risk_at_lower']):.3f} | "
                      f"{difference:+.3f} | {'' if tolerance != tolerance else f'{tolerance:.3f}'} | {mark} |")
            print(f"\nLargest absolute difference over the judged bands: **{largest:.3f}**.\n")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
