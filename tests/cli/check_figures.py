"""Checks a folder written by `pneumoplan plot --scripts` against the file it was drawn from, independently
of the C++ code: every figure file is a valid PNG, SVG or PDF of the size its script asked for, and the data
blocks the scripts sent to gnuplot hold the results file's numbers.

usage: check_figures.py run RESULTS.h5 DIR MAP_YEAR
       check_figures.py comparison COMPARISON.h5 DIR
"""
import csv
import glob
import os
import re
import struct
import sys
import warnings

import h5py
import numpy as np


def fail(message):
    sys.exit("check_figures: " + message)


def data_blocks(script):
    blocks = {}
    for name, body in re.findall(r"^\$(\w+) << EOD\n(.*?)^EOD$", script, re.M | re.S):
        rows = []
        for line in body.splitlines():
            if line.startswith("#"):
                continue
            rows.append([c[1:-1] if c.startswith('"') else float(c) for c in re.findall(r'"[^"]*"|\S+', line)])
        blocks[name] = rows
    return blocks


def figure_size(path):
    data = open(path, "rb").read()
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        if data[12:16] != b"IHDR" or not data.endswith(b"IEND\xaeB`\x82"):
            fail(path + ": broken PNG")
        return struct.unpack(">II", data[16:24])
    if data.startswith(b"%PDF-"):
        if not data.rstrip().endswith(b"%%EOF"):
            fail(path + ": PDF without %%EOF")
        box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)", data)
        return round(float(box.group(1))), round(float(box.group(2)))
    text = data.decode("utf-8")
    root = re.search(r"<svg\b[^>]*>", text)
    if not root or not text.rstrip().endswith("</svg>"):
        fail(path + ": broken SVG")
    return int(re.search(r'width="(\d+)', root.group(0)).group(1)), int(re.search(r'height="(\d+)', root.group(0)).group(1))


def close(a, b):
    a, b = np.asarray(a, float), np.asarray(b, float)
    # 10 significant digits in the data blocks
    return np.allclose(a, b, rtol=1e-9, atol=1e-9, equal_nan=True)


def check_band(rows, per_replicate, years, what):
    """rows: year, mean, p5, p95; per_replicate: [replicate, year] values (NaN = no value)."""
    got = np.array(rows, float)
    index = np.searchsorted(years, got[:, 0].astype(int))
    values = per_replicate[:, index]
    with warnings.catch_warnings():  # columns without any value are NaN, as in the figures
        warnings.simplefilter("ignore")
        expected = [np.nanmean(values, axis=0), np.nanpercentile(values, 5, axis=0), np.nanpercentile(values, 95, axis=0)]
    for column, e in zip((1, 2, 3), expected):
        if not close(got[:, column], e):
            fail(what + ": column %d differs from the results file" % column)


def check_files(folder):
    checked = 0
    for script_path in sorted(glob.glob(os.path.join(folder, "*.gp"))):
        script = open(script_path, encoding="utf-8").read()
        terminal = re.search(r"^set terminal (\w+) size ([\d.]+)(in)?,([\d.]+)(in)?", script, re.M)
        output = re.search(r'^set output "(.*)"$', script, re.M).group(1)
        width, height = float(terminal.group(2)), float(terminal.group(4))
        if terminal.group(3):  # PDF: inches of 72 points
            width, height = width * 72, height * 72
        size = figure_size(os.path.join(folder, output))
        if (abs(size[0] - width) > 0.5) or (abs(size[1] - height) > 0.5):
            fail("%s is %s, its script asked for %s x %s" % (output, size, width, height))
        checked += 1
    if checked == 0:
        fail("no scripts in " + folder)
    return checked


def check_run(results, folder, map_year):
    f = h5py.File(results, "r")
    years = f["axes/year"][:]
    scripts = {os.path.basename(p)[:-3]: data_blocks(open(p, encoding="utf-8").read())
               for p in glob.glob(os.path.join(folder, "*.gp"))}
    city = -1
    rep = lambda name: f["replicates/" + name][:]
    bands = {
        ("new_cases", "reported"): rep("new_diagnoses")[:, :, city, :].sum(axis=2),
        ("new_cases", "true_onset"): rep("new_cases_true")[:, :, city, 0],
        ("prevalence", "true_stage_1"): rep("prevalent_true")[:, :, city, 0],
        ("prevalence", "true_stage_2"): rep("prevalent_true")[:, :, city, 1],
        ("prevalence", "true_stage_3"): rep("prevalent_true")[:, :, city, 2],
        ("prevalence", "diagnosed"): rep("prevalent_diagnosed")[:, :, city],
        ("deaths", "deaths_pneumoconiosis"): rep("deaths_pneumoconiosis")[:, :, city],
        ("deaths", "deaths_other_causes"): rep("deaths_other_cause_patients")[:, :, city],
    }
    for (figure, block), values in bands.items():
        check_band(scripts[figure][block], values.astype(float), years, figure + "/" + block)
    indicators = [name for name in scripts if name.startswith("indicator_")]
    if not indicators:
        fail("no indicator figures")
    for name in indicators:
        check_band(scripts[name]["city"], rep(name)[:, :, city].astype(float), years, name)
    targets = dict(zip([k.decode() if isinstance(k, bytes) else k for k in f["targets/indicator_key"][:]],
                       f["targets/target"][:]))
    for name in indicators:
        key = name[len("indicator_"):]
        if "target" in scripts[name] and not close([r[1] for r in scripts[name]["target"]], [targets[key]] * 2):
            fail(name + ": target line is not the plan's target")
    # Township map: every township with a point, the counted patients and the station share in the map year.
    y = int(np.searchsorted(years, map_year))
    towns = np.array([r[:8] for r in scripts["township_map"]["townships"]], float)
    lon, lat = f["axes/township_lon"][:-1], f["axes/township_lat"][:-1]
    if not (close(towns[:, 1], lon) and close(towns[:, 2], lat)):
        fail("township_map: points differ from /axes")
    if not close(towns[:, 3], f["summary/patients_diagnosed_by_township/mean"][y, :-1]):
        fail("township_map: patients differ from /summary/patients_diagnosed_by_township")
    if not close(towns[:, 6], f["summary/rehab_station_open/mean"][y, :-1]):
        fail("township_map: stations differ from /summary/rehab_station_open")
    # Scorecard cells: the verdicts `pneumoplan run` wrote to .scorecard.csv.
    with open(os.path.splitext(results)[0] + ".scorecard.csv", encoding="utf-8") as c:
        expected = {(int(r["region_code"]), r["indicator_key"], int(r["year"])): r["verdict"] for r in csv.DictReader(c)}
    cells = {(int(r[3]), r[4], int(r[5])): r[6] for r in scripts["scorecard"]["cells"]}
    if cells != expected:
        fail("scorecard: cells differ from the run's .scorecard.csv")


def check_comparison(comparison, folder):
    f = h5py.File(comparison, "r")
    text = lambda name: [s.decode() if isinstance(s, bytes) else s for s in f[name][:]]
    packages, outcomes = text("packages/name"), text("outcomes/name")
    baseline = f.attrs["baseline"]
    order = [packages.index(baseline)] + [i for i, p in enumerate(packages) if p != baseline]
    for o, outcome in enumerate(outcomes):
        rows = data_blocks(open(os.path.join(folder, "comparison_%s.gp" % outcome), encoding="utf-8").read())["packages"]
        if [r[1] for r in rows] != [packages[p] for p in order]:
            fail(outcome + ": packages not baseline first in file order")
        for r, p in zip(rows, order):
            expected = [f["value/mean"][p, o], f["value/p5"][p, o], f["value/p95"][p, o],
                        f["difference/mean"][p, o], f["difference/p5"][p, o], f["difference/p95"][p, o]]
            if not close(r[3:9], expected):
                fail("%s/%s: bar differs from comparison.h5" % (outcome, packages[p]))
    cells = data_blocks(open(os.path.join(folder, "comparison_verdicts.gp"), encoding="utf-8").read())["cells"]
    keys, years = text("verdicts/indicator_key"), f["verdicts/year"][:]
    verdict = f["verdicts/verdict"][:]
    expected = {(packages[p], keys[k], int(years[k])): (verdict[p, k].decode() if isinstance(verdict[p, k], bytes)
                                                      else verdict[p, k])
                for p in range(len(packages)) for k in range(len(keys))}
    if {(r[3], r[4], int(r[5])): r[6] for r in cells} != expected:
        fail("comparison_verdicts: cells differ from /verdicts/verdict")


mode, path, folder = sys.argv[1], sys.argv[2], sys.argv[3]
count = check_files(folder)
if mode == "run":
    check_run(path, folder, int(sys.argv[4]))
else:
    check_comparison(path, folder)
print("check_figures: %d figures in %s match %s" % (count, folder, os.path.basename(path)))
