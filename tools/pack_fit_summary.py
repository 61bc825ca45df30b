#!/usr/bin/env python3
"""Prints how a city pack's results fit its calibration targets, side by side (a report writer; it changes nothing).

Usage: tools/pack_fit_summary.py RESULTS.h5 [--targets CSV] [--markdown] [--years FIRST-LAST]
                                 [--check QUANTITY ...]

RESULTS.h5 is a results file of `pneumoplan run` (docs/output-format.md). The targets are read from CSV, by
default scenarios/<scenario_name>/fit_targets.csv of this repository (scenario_name is the results file's root
attribute). A targets file has one row per target:

    quantity,first_year,last_year,regions,target,low,high,source

  quantity     new_diagnoses_per_year (reported diagnoses a year, all stages, mean over the years),
               stage1_share, stage2_share, stage3_share (share of diagnoses by stage at diagnosis),
               short_exposure_share (share of diagnoses after 5 or fewer dust years),
               mean_age_at_diagnosis, mean_dust_years_at_diagnosis (years)
  first_year, last_year   the years summed (inclusive)
  regions      empty for the whole city, else county codes separated by spaces (the sum of those counties)
  target       the published or derived value; low, high: the acceptable range (empty: none stated)
  source       where the target comes from (printed with --markdown)

Lines starting with # are comments. Every quantity is computed from the outputs `new_diagnoses` (by stage),
`diagnoses_short_exposure`, `diagnosis_age_years` and `diagnosis_exposure_years`: shares and means pool the
replicates (sum of numerators over sum of denominators); the interval is the 5th-95th percentile of the
replicates' own values. Also printed: true onsets per diagnosis, onsets by industry, and the city's
diagnoses in the first simulated years (the start-up: a diagnosis needs a diagnosis institution open).

--markdown   print the fit as a Markdown table (for a pack's README) instead of plain text
--years A-B  also print the city's mean diagnoses per year, by stage, for years A..B
--check Q    exit with status 1 unless quantity Q (a row of the targets file with low and high) lies within
             [low - tol, high + tol], tol = 3 standard errors of the pooled estimate: the larger of the binomial
             error of a share over the diagnoses pooled (or the Poisson error of a mean) and the spread between
             replicates divided by sqrt(replicates). Repeatable. Used by the test city_packs.stage_mix.
"""
import argparse
import csv
import math
import os
import sys

import h5py
import numpy as np

QUANTITIES = ("new_diagnoses_per_year", "stage1_share", "stage2_share", "stage3_share", "short_exposure_share",
              "mean_age_at_diagnosis", "mean_dust_years_at_diagnosis")
LABELS = {
    "new_diagnoses_per_year": "diagnoses a year",
    "stage1_share": "stage I share",
    "stage2_share": "stage II share",
    "stage3_share": "stage III share",
    "short_exposure_share": "≤ 5 dust years share",
    "mean_age_at_diagnosis": "mean age at diagnosis",
    "mean_dust_years_at_diagnosis": "mean dust years at diagnosis",
}


def fail(message):
    sys.exit(f"pack_fit_summary: {message}")


def read_targets(path):
    rows = []
    try:
        handle = open(path, encoding="utf-8")
    except OSError as e:
        fail(f"{path}: cannot read the targets ({e.strerror})")
    with handle:
        lines = [(n, line) for n, line in enumerate(handle, 1) if line.strip() and not line.startswith("#")]
    reader = csv.reader([line for _, line in lines])
    header = next(reader, None)
    expected = ["quantity", "first_year", "last_year", "regions", "target", "low", "high", "source"]
    if header != expected:
        fail(f"{path}:{lines[0][0] if lines else 1}: expected the header {','.join(expected)}")
    for (n, _), cells in zip(lines[1:], reader):
        if len(cells) != len(expected):
            fail(f"{path}:{n}: expected {len(expected)} cells, found {len(cells)}")
        row = dict(zip(expected, cells))
        if row["quantity"] not in QUANTITIES:
            fail(f"{path}:{n}: unknown quantity '{row['quantity']}'; expected one of {', '.join(QUANTITIES)}")
        try:
            row["first_year"], row["last_year"] = int(row["first_year"]), int(row["last_year"])
            row["regions"] = [int(code) for code in row["regions"].split()]
            for key in ("target", "low", "high"):
                row[key] = float(row[key]) if row[key].strip() else None
        except ValueError:
            fail(f"{path}:{n}: years and county codes must be integers, target, low and high numbers")
        if row["target"] is None:
            fail(f"{path}:{n}: a target needs a value")
        row["line"] = n
        rows.append(row)
    return rows


class Results:
    def __init__(self, path):
        try:
            self.file = h5py.File(path, "r")
        except OSError as e:
            fail(f"{path}: not a readable results file ({e})")
        f = self.file
        self.path = path
        self.years = f["axes/year"][:]
        self.regions = list(f["axes/region_code"][:])
        self.replicates = int(f.attrs["replicates"])
        self.diagnoses = f["replicates/new_diagnoses"][:]          # [rep, year, region, stage]
        self.short = f["replicates/diagnoses_short_exposure"][:]   # [rep, year, region]
        self.age = f["replicates/diagnosis_age_years"][:]
        self.dust_years = f["replicates/diagnosis_exposure_years"][:]
        self.onsets = f["replicates/new_cases_true"][:]            # [rep, year, region, stage]
        self.onsets_by_industry = f["replicates/new_cases_true_by_industry"][:]  # [rep, year, industry]
        self.industries = [s.decode() if isinstance(s, bytes) else s for s in f["axes/industry"][:]]

    def simulated(self, first, last):
        return self.years[0] <= first <= last <= self.years[-1]

    def year_slice(self, first, last, where):
        if first > last:
            fail(f"{where}: first year {first} is after last year {last}")
        if not self.simulated(first, last):
            fail(f"{where}: years {first}-{last} are outside the simulated {self.years[0]}-{self.years[-1]}")
        return slice(int(first - self.years[0]), int(last - self.years[0]) + 1)

    def region_index(self, codes, where):
        if not codes:
            return [len(self.regions) - 1]  # the city total
        index = []
        for code in codes:
            if code not in self.regions[:-1]:
                fail(f"{where}: county {code} is not in this results file")
            index.append(self.regions.index(code))
        return index

    def per_replicate(self, quantity, first, last, codes, where):
        """(numerator, denominator) per replicate; the value is their ratio."""
        years = self.year_slice(first, last, where)
        regions = self.region_index(codes, where)
        diagnosed = self.diagnoses[:, years][:, :, regions]        # [rep, year, region, stage]
        total = diagnosed.sum(axis=(1, 2, 3)).astype(float)
        if quantity == "new_diagnoses_per_year":
            return total, np.full(total.shape, float(last - first + 1))
        if quantity.startswith("stage"):
            stage = int(quantity[5]) - 1
            return diagnosed[..., stage].sum(axis=(1, 2)).astype(float), total
        source = {"short_exposure_share": self.short, "mean_age_at_diagnosis": self.age,
                  "mean_dust_years_at_diagnosis": self.dust_years}[quantity]
        return source[:, years][:, :, regions].sum(axis=(1, 2)).astype(float), total


def summarise(results, row, where):
    if row["first_year"] <= row["last_year"] and not results.simulated(row["first_year"], row["last_year"]):
        return None  # a target beyond a shortened run (the stage-mix test stops in 2020)
    num, den = results.per_replicate(row["quantity"], row["first_year"], row["last_year"], row["regions"], where)
    pooled = num.sum() / den.sum() if den.sum() > 0 else math.nan
    values = np.divide(num, den, out=np.full(num.shape, np.nan), where=den > 0)
    finite = values[np.isfinite(values)]
    p5, p95 = (np.percentile(finite, [5, 95]) if finite.size else (math.nan, math.nan))
    # Standard error of the pooled estimate: binomial for shares, Poisson for counts; for means the spread of
    # individual ages or dust years is unknown here, so only the replicate spread is used.
    quantity = row["quantity"]
    n = den.sum()
    if quantity.endswith("_share") and n > 0:
        model_se = math.sqrt(max(pooled * (1 - pooled), 0.0) / n)
    elif quantity == "new_diagnoses_per_year":
        model_se = math.sqrt(num.sum()) / den.sum()
    else:
        model_se = 0.0
    replicate_se = float(np.std(finite, ddof=1) / math.sqrt(finite.size)) if finite.size >= 2 else 0.0
    return {"value": pooled, "p5": p5, "p95": p95, "se": max(model_se, replicate_se), "diagnoses": int(n)
            if quantity != "new_diagnoses_per_year" else int(num.sum())}


def scale(quantity):
    return 100.0 if quantity.endswith("_share") else 1.0


def fmt(quantity, value):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    if quantity.endswith("_share"):
        return f"{100 * value:.1f} %"
    if quantity == "new_diagnoses_per_year":
        return f"{value:.1f}"
    return f"{value:.1f}"


def verdict(row, s):
    v, lo, hi, t = s["value"], row["low"], row["high"], row["target"]
    if math.isnan(v):
        return "no diagnoses"
    if lo is not None and hi is not None:
        if v < lo:
            return "below range"
        if v > hi:
            return "above range"
        return "in range"
    if row["quantity"].endswith("_share"):
        return f"{100 * (v - t):+.1f} points"
    if row["quantity"] == "new_diagnoses_per_year":
        return f"{100 * (v / t - 1):+.0f} %" if t else ""
    return f"{v - t:+.1f} years"


def years_label(row):
    return str(row["first_year"]) if row["first_year"] == row["last_year"] else f"{row['first_year']}–{row['last_year']}"


def area(results, codes):
    if not codes:
        return "city"
    return f"{len(codes)} of {len(results.regions) - 1} counties"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("--targets")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--years")
    parser.add_argument("--check", action="append", default=[], choices=QUANTITIES)
    args = parser.parse_args()
    results = Results(args.results)
    name = results.file.attrs["scenario_name"]
    name = name.decode() if isinstance(name, bytes) else name
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    targets_path = args.targets or os.path.join(root, "scenarios", name, "fit_targets.csv")
    targets = read_targets(targets_path)

    summaries = [summarise(results, row, f"{targets_path}:{row['line']}") for row in targets]
    header = ["quantity", "years", "area", "simulated [90 % of replicates]", "target", "range", "fit"]
    table = []
    for row, s in zip(targets, summaries):
        rng = (f"{fmt(row['quantity'], row['low'])}–{fmt(row['quantity'], row['high'])}"
               if row["low"] is not None and row["high"] is not None else "–")
        if s is None:
            table.append([LABELS[row["quantity"]], years_label(row),
                          area(results, row["regions"]), "not simulated", fmt(row["quantity"], row["target"]), rng, "–"])
            continue
        table.append([LABELS[row["quantity"]], years_label(row), area(results, row["regions"]),
                      f"{fmt(row['quantity'], s['value'])} [{fmt(row['quantity'], s['p5'])}–"
                      f"{fmt(row['quantity'], s['p95'])}]",
                      fmt(row["quantity"], row["target"]), rng, verdict(row, s)])

    seed = int(results.file.attrs["seed"])
    print(f"{name}: {results.replicates} replicates, seed {seed}, {args.results}")
    if args.markdown:
        print("| " + " | ".join(header + ["source"]) + " |")
        print("|" + "---|" * (len(header) + 1))
        for cells, row in zip(table, targets):
            print("| " + " | ".join(cells + [row["source"]]) + " |")
    else:
        widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
        for cells in [header] + table:
            print("  ".join(c.ljust(w) for c, w in zip(cells, widths)).rstrip())

    # What lies behind the fit: onsets per diagnosis and the onsets' industries over the first count period.
    count_rows = [r for r in targets if r["quantity"] == "new_diagnoses_per_year"
                  and results.simulated(r["first_year"], r["last_year"])]
    if count_rows:
        r = count_rows[0]
        years = results.year_slice(r["first_year"], r["last_year"], targets_path)
        regions = results.region_index(r["regions"], targets_path)
        onsets = results.onsets[:, years][:, :, regions, 0].sum()
        diagnosed = results.diagnoses[:, years][:, :, regions].sum()
        by_industry = results.onsets_by_industry[:, years].sum(axis=(0, 1)).astype(float)
        shares = ", ".join(f"{results.industries[i]} {100 * by_industry[i] / by_industry.sum():.0f} %"
                           for i in np.argsort(-by_industry) if by_industry[i] > 0.005 * by_industry.sum())
        print(f"{r['first_year']}–{r['last_year']}: true onsets per diagnosis {onsets / max(diagnosed, 1):.2f}; "
              f"onsets by industry (city): {shares or 'none'}")
    city = results.diagnoses[:, :, -1, :].sum(axis=2).mean(axis=0)
    first_decade = " ".join(f"{v:.0f}" for v in city[:10])
    print(f"start-up: city diagnoses a year {results.years[0]}–{results.years[min(9, len(city) - 1)]}: {first_decade}")
    if args.years:
        try:
            a, b = (int(x) for x in args.years.split("-"))
        except ValueError:
            fail(f"--years: expected FIRST-LAST, got '{args.years}'")
        years = results.year_slice(a, b, "--years")
        by_stage = results.diagnoses[:, years, -1, :].mean(axis=0)
        print("year  diagnoses  I  II  III")
        for year, stages in zip(results.years[years], by_stage):
            print(f"{year}  {stages.sum():9.1f}  " + "  ".join(f"{v:.1f}" for v in stages))

    failed = False
    for quantity in args.check:
        rows = [(r, s) for r, s in zip(targets, summaries) if r["quantity"] == quantity]
        if not rows:
            fail(f"--check {quantity}: {targets_path} has no such target")
        for r, s in rows:
            if r["low"] is None or r["high"] is None:
                fail(f"--check {quantity}: {targets_path}:{r['line']} states no range (low, high)")
            if s is None:
                fail(f"--check {quantity}: years {r['first_year']}-{r['last_year']} were not simulated")
            tol = 3 * s["se"]
            ok = r["low"] - tol <= s["value"] <= r["high"] + tol
            k = scale(quantity)
            print(f"check {quantity} {r['first_year']}-{r['last_year']}: {k * s['value']:.2f} from {s['diagnoses']} "
                  f"diagnoses, range {k * r['low']:.2f}-{k * r['high']:.2f} ± {k * tol:.2f} (3 standard errors): "
                  f"{'ok' if ok else 'FAIL'}")
            failed |= not ok
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
