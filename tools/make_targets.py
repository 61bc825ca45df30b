#!/usr/bin/env python3
"""Copies one city's indicator table from each pack's targets.csv, transcribed from the plan (references.md §8) into a scenario's targets.csv.

Run by hand when a scenario pack is (re)built; simulations never read the compilation.
Usage: tools/make_targets.py CITY SHARED_TARGETS_CSV SCENARIO_DIR
"""
import csv
import os
import sys


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    city, source, out_dir = sys.argv[1:]
    rows = [r for r in csv.DictReader(open(source, encoding="utf-8")) if r["city"] == city]
    if not rows:
        sys.exit(f"no targets for city {city}")
    with open(os.path.join(out_dir, "targets.csv"), "w", encoding="utf-8", newline="") as f:
        f.write(f"# The 2025 indicator table of {rows[0]['plan']} (issued {rows[0]['issued'] or 'n/a'}),\n")
        f.write(f"# transcribed from the plan's own indicator table (docs/references.md §8).\n")
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["indicator_no", "indicator_key", "indicator_zh", "comparator", "target", "unit", "plan_period",
                    "binding"])
        for r in rows:
            w.writerow([r["indicator_no"], r["indicator_key"], r["indicator_zh"], r["comparator"], r["target"],
                        r["unit"], r["plan_period"], r["binding"]])
    print(f"{city}: {len(rows)} indicators written to {out_dir}/targets.csv")


if __name__ == "__main__":
    main()
