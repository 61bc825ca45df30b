#!/usr/bin/env python3
"""Sets a `pneumoplan compare` result beside the figures of a published economic model (docs/validation.md §5).

Usage: tools/economic_validation.py COMPARE_DIR PUBLISHED_CSV [--package NAME] [--check DOC.md]

COMPARE_DIR is the output folder of `pneumoplan compare` (comparison.h5 and each package's results file).
PUBLISHED_CSV lists the published figures, one row per quantity (columns quantity, published, source; `#` lines
are comments); the quantities this tool knows are in QUANTITIES below. Each is computed from the reference package
(the comparison's first) and one other package (--package, default the second), replicate by replicate on common
random numbers, over the comparison's period (its period_first_year .. period_last_year), for the city total.
Prints a Markdown table: the published figure, pneumoplan's mean and [5th, 95th] percentile over replicates, the
source. A ratio is the ratio of the means, its interval the percentiles of the replicates' own ratios (left out
when a replicate's denominator is not positive). With --check, exits 1 unless every printed table row appears
verbatim in DOC.md (the documentation shows what the scenario gives now). Bad input (an unknown package or
quantity, a period outside the results) exits 2 with a message.
"""
import argparse
import csv
import math
import os
import sys

import h5py
import numpy as np


def fail(message):
    """Bad input: the message on stderr, exit code 2 (the project's convention)."""
    print(message, file=sys.stderr)
    sys.exit(2)


def period_sum(path, output, first, last, index=None):
    """Per-replicate sum over the period of a results-file output at the city (last region), or at `index`."""
    with h5py.File(path, "r") as f:
        years = f["year"][:]
        data = f["replicates/" + output][:]
    keep = (years >= first) & (years <= last)
    if not keep.any():
        fail(f"{path}: no simulated year in {first}-{last}")
    data = data[:, keep]
    if index is None:
        data = data[:, :, -1]            # the city total is the last region
    else:
        data = data[(slice(None), slice(None)) + index]
    return data.reshape(data.shape[0], data.shape[1], -1).sum(axis=(1, 2)).astype(float)


def economics(comparison, name, row):
    """A per-package summary {mean, p5, p95} or ratio of comparison.h5's /economics."""
    group = comparison["economics/" + name]
    if "ratio" in group:
        status = group["status"][row]
        status = status.decode() if isinstance(status, bytes) else str(status)
        return float(group["ratio"][row]), float(group["p5"][row]), float(group["p95"][row]), status
    return float(group["mean"][row]), float(group["p5"][row]), float(group["p95"][row]), ""


def summary(values):
    values = np.asarray(values, dtype=float)
    return float(values.mean()), float(np.percentile(values, 5)), float(np.percentile(values, 95)), ""


def ratio(numerator, denominator):
    mean = float(np.mean(numerator) / np.mean(denominator)) if np.mean(denominator) != 0 else math.nan
    if np.all(denominator > 0):
        own = numerator / denominator
        return mean, float(np.percentile(own, 5)), float(np.percentile(own, 95)), ""
    return mean, math.nan, math.nan, "interval undefined"


QUANTITIES = {
    "diagnosed_patients_before_period": "living diagnosed patients at the end of the year before the period, reference",
    "onsets_reference": "new cases (true onsets of stage I) in the reference, over the period",
    "diagnoses_reference": "new diagnoses in the reference, over the period",
    "onsets_averted": "true new cases averted",
    "onsets_averted_share": "share of the reference's true new cases averted",
    "diagnoses_averted": "diagnoses averted",
    "dalys_averted_undiscounted": "DALYs averted (healthy life years gained), undiscounted",
    "dalys_averted_per_onset_averted": "DALYs averted per case averted, undiscounted",
    "losses_averted_undiscounted_rmb": "medical cost and lost income averted, undiscounted (RMB)",
    "losses_averted_per_onset_averted_rmb": "medical cost and lost income averted per case averted (RMB)",
    "investment_rmb": "programme cost of the package (RMB, undiscounted)",
    "losses_averted_per_rmb_invested": "losses averted per RMB invested (1 : x)",
    "qalys_gained_undiscounted": "QALYs gained, undiscounted",
    "qalys_gained_per_onset_averted": "QALYs gained per case averted, undiscounted",
    "dalys_averted_discounted": "DALYs averted, discounted",
    "qalys_gained_discounted": "QALYs gained, discounted",
    "incremental_cost_discounted_rmb": "incremental cost to all payers, discounted (programme minus medical costs averted)",
    "icer_rmb_per_qaly_gained": "incremental cost per QALY gained, both discounted (RMB)",
    "icer_rmb_per_daly_averted": "incremental cost per DALY averted, both discounted (RMB)",
    "incremental_cost_undiscounted_rmb": "incremental cost to all payers, undiscounted (RMB)",
    "icer_rmb_per_qaly_gained_undiscounted": "incremental cost per QALY gained, both undiscounted (RMB)",
}


def compute(folder, package):
    path = os.path.join(folder, "comparison.h5")
    with h5py.File(path, "r") as comparison:
        names = [n.decode() if isinstance(n, bytes) else str(n) for n in comparison["packages/name"][:]]
        files = [n.decode() if isinstance(n, bytes) else str(n) for n in comparison["packages/results_file"][:]]
        if package and package not in names[1:]:
            fail(f"{path}: no package '{package}' besides the reference (packages: {', '.join(names)})")
        if len(names) < 2:
            fail(f"{path}: the comparison holds only the reference package")
        row = names.index(package) if package else 1
        first = int(comparison.attrs["period_first_year"])
        last = int(comparison.attrs["period_last_year"])
        reference_file = os.path.join(folder, files[0])
        package_file = os.path.join(folder, files[row])
        values = {}
        for key in ("dalys_averted", "qalys_gained", "icer_rmb_per_qaly_gained", "icer_rmb_per_daly_averted"):
            values[key + ("_discounted" if not key.startswith("icer") else "")] = economics(comparison, key, row)
        values["incremental_cost_discounted_rmb"] = economics(comparison, "incremental_cost_rmb", row)

    def both(output, index=None):
        return (period_sum(reference_file, output, first, last, index),
                period_sum(package_file, output, first, last, index))

    patients = period_sum(reference_file, "prevalent_diagnosed", first - 1, first - 1)
    onsets_ref, onsets_pkg = both("new_cases_true", (-1, 0))
    diagnoses_ref, diagnoses_pkg = both("new_diagnoses")
    dalys_ref, dalys_pkg = both("dalys")
    qaly_ref, qaly_pkg = both("qaly_loss")
    medical_ref, medical_pkg = both("medical_cost_rmb")
    income_ref, income_pkg = both("lost_income_rmb")
    cost_ref, cost_pkg = both("intervention_cost_rmb", (-1,))
    # compare's incremental cost, undiscounted: the programme (interventions, and the stations the model builds and
    # runs) and medical care by every payer (docs/interventions.md, "Cost-effectiveness and budget impact")
    incremental = cost_pkg - cost_ref + medical_pkg - medical_ref
    for output in ("rehab_build_spending_rmb", "rehab_running_cost_rmb"):
        stations_ref, stations_pkg = both(output)
        incremental += stations_pkg - stations_ref
    averted = onsets_ref - onsets_pkg
    dalys_averted = dalys_ref - dalys_pkg
    losses_averted = (medical_ref - medical_pkg) + (income_ref - income_pkg)
    investment = cost_pkg - cost_ref
    values.update({
        "diagnosed_patients_before_period": summary(patients),
        "onsets_reference": summary(onsets_ref),
        "diagnoses_reference": summary(diagnoses_ref),
        "onsets_averted": summary(averted),
        "diagnoses_averted": summary(diagnoses_ref - diagnoses_pkg),
        "onsets_averted_share": ratio(averted, onsets_ref),
        "dalys_averted_undiscounted": summary(dalys_averted),
        "dalys_averted_per_onset_averted": ratio(dalys_averted, averted),
        "qalys_gained_undiscounted": summary(qaly_ref - qaly_pkg),
        "qalys_gained_per_onset_averted": ratio(qaly_ref - qaly_pkg, averted),
        "losses_averted_undiscounted_rmb": summary(losses_averted),
        "losses_averted_per_onset_averted_rmb": ratio(losses_averted, averted),
        "investment_rmb": summary(investment),
        "losses_averted_per_rmb_invested": ratio(losses_averted, investment),
        "incremental_cost_undiscounted_rmb": summary(incremental),
        "icer_rmb_per_qaly_gained_undiscounted": ratio(incremental, qaly_ref - qaly_pkg),
    })
    return values, names[row], first, last, len(onsets_ref)


def number(x):
    if x != x:
        return "—"
    magnitude = abs(x)
    if magnitude < 1:
        return f"{x:.3f}"
    if magnitude >= 1e6:
        return f"{x / 1e6:,.0f} M" if magnitude >= 1e8 else f"{x / 1e6:,.2f} M"
    if magnitude >= 100:
        return f"{x:,.0f}"
    return f"{x:.2f}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("published")
    parser.add_argument("--package")
    parser.add_argument("--check")
    args = parser.parse_args()
    if not os.path.isfile(os.path.join(args.folder, "comparison.h5")):
        fail(f"{args.folder}: no comparison.h5 (the output folder of pneumoplan compare)")
    values, package, first, last, replicates = compute(args.folder, args.package)
    try:
        rows = [r for r in csv.DictReader(l for l in open(args.published, encoding="utf-8") if not l.startswith("#"))]
    except OSError as error:
        fail(f"{args.published}: cannot read ({error.strerror})")
    if not rows or any(column not in rows[0] for column in ("quantity", "published", "source")):
        fail(f"{args.published}: expected the columns quantity, published, source")
    lines = [f"Package `{package}` against the reference, {first}–{last}, {replicates} replicates "
             f"(mean [5th, 95th percentile]):", "",
             "| quantity | published | pneumoplan | published source |", "|---|---:|---:|---|"]
    for r in rows:
        key = r["quantity"]
        if key not in QUANTITIES:
            fail(f"{args.published}: unknown quantity '{key}' (known: {', '.join(QUANTITIES)})")
        mean, p5, p95, note = values[key]
        shown = number(mean) + ("" if p5 != p5 else f" [{number(p5)}, {number(p95)}]")
        if note and note != "ratio":
            shown += f" ({note})"
        published = number(float(r["published"])) if r["published"] else "—"
        lines.append(f"| {QUANTITIES[key]} | {published} | {shown} | {r['source']} |")
    print("\n".join(lines))
    if args.check:
        document = open(args.check, encoding="utf-8").read().splitlines()
        missing = [line for line in lines if line and line not in document]
        if missing:
            print(f"\n{args.check} does not show the table above; differing lines:", file=sys.stderr)
            print("\n".join(missing), file=sys.stderr)
            sys.exit(1)


if __name__ == "__main__":
    main()
