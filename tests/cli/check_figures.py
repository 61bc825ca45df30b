"""Checks a folder written by `pneumoplan plot --scripts` against the file it was drawn from, independently
of the C++ code: every figure file is a valid PNG, SVG or PDF of the size its script asked for; the data
blocks the scripts sent to gnuplot hold the results file's numbers; and every PNG, looked at as an image
(Pillow), is not blank and shows its expected elements in their colours — the series' lines, the verdict
colours of the tables, the map's townships and station classes, the comparison's difference points and bars.

usage: check_figures.py run RESULTS.h5 DIR MAP_YEAR
       check_figures.py comparison COMPARISON.h5 DIR
       check_figures.py sweep SWEEP.h5 DIR
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


def image(path):
    try:
        from PIL import Image
    except ImportError:
        fail("Pillow is missing: the figure tests look at the PNGs as images (apt-get install python3-pil, or "
             "tools/install_dependencies.sh --for-tests)")
    return np.asarray(Image.open(path).convert("RGB")).astype(int)


def colour_pixels(pixels, colour, tolerance=12):
    """How many pixels are within `tolerance` of `colour` ("#RRGGBB" or an integer 0xRRGGBB)."""
    if isinstance(colour, str):
        colour = int(colour.lstrip("#"), 16)
    rgb = np.array([(colour >> 16) & 255, (colour >> 8) & 255, colour & 255])
    return int((np.abs(pixels - rgb).max(axis=2) <= tolerance).sum())


def check_image(path, colours, what):
    """Not blank, and each expected colour present (at least a few dozen pixels: a line, a mark, a cell)."""
    pixels = image(path)
    inked = (pixels.min(axis=2) < 235).mean()
    if inked < 0.01:
        fail("%s is blank (%.2f %% of its pixels inked)" % (path, 100 * inked))
    for colour, name in colours:
        count = colour_pixels(pixels, colour)
        if count < 30:
            fail("%s: %s lacks %s (colour %s: %d pixels)" % (path, what, name, colour, count))


def check_images(folder, scripts):
    """Every PNG: its elements by figure kind (the colours the figures' styles promise, docs/figures.md)."""
    checked = 0
    for name, blocks in scripts.items():
        path = os.path.join(folder, name + ".png")
        if not os.path.exists(path):
            continue
        colours = []
        if name in ("new_cases",):
            colours = [("#0072B2", "the reported cases' line"), ("#E69F00", "the true cases' line")]
        elif name == "prevalence":
            colours = [("#E69F00", "stage I"), ("#D55E00", "stage II"), ("#0072B2", "the diagnosed")]
        elif name == "deaths":
            colours = [("#D55E00", "deaths due to pneumoconiosis"), ("#0072B2", "deaths from other causes")]
        elif name.startswith("indicator_"):
            colours = [("#0072B2", "the city's line")]
        elif name in ("scorecard", "comparison_verdicts"):
            colours = [(int(c[2]), "a verdict colour") for c in blocks["cells"]]
        elif name == "township_map":
            colours = [("#56B4E9", "the townships' circles")]
            station_colours = ["#7F2704", "#D94801", "#FD8D3C", "#FDD0A2"]
            for row in blocks["townships"]:
                if int(row[11]) > 0:
                    colours.append((station_colours[int(row[11]) - 1], "stations of class %d" % int(row[11])))
            if not blocks["outlines"]:
                fail("township_map: no outline drawn")
        elif name.startswith("comparison_"):
            rows = blocks["packages"]
            if any(r[9] == 0 for r in rows):
                colours.append(("#0072B2", "the paired differences"))
            if any(r[9] == 0 and r[3] != 0 for r in rows):
                colours.append(("#56B4E9", "the packages' bars"))
        elif name.startswith("sweep_sobol_"):
            colours = [("#0072B2", "first-order bars"), ("#E69F00", "total-order bars")]
        elif name.startswith("sweep_morris_"):
            colours = [("#D55E00", "the parameters' points")]
        elif name.startswith(("sweep_response_", "sweep_posterior")):
            colours = [("#0072B2", "the points or the posterior")]
        check_image(path, sorted(set(colours), key=str), name)
        checked += 1
    return checked


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
    with open(os.path.splitext(results)[0] + ".scorecard.csv", encoding="utf-8-sig") as c:
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


def check_sweep(sweep, folder):
    f = h5py.File(sweep, "r")
    names = [n.decode() if isinstance(n, bytes) else n for n in f["parameters/name"][()]] if "parameters/name" in f \
        else None
    for script_path in glob.glob(os.path.join(folder, "sweep_sobol_*.gp")):
        rows = data_blocks(open(script_path, encoding="utf-8").read())["indices"]
        if names is not None and [r[0] for r in rows] != names:
            fail(script_path + ": parameters differ from the sweep file")


mode, path, folder = sys.argv[1], sys.argv[2], sys.argv[3]
count = check_files(folder)
if mode == "run":
    check_run(path, folder, int(sys.argv[4]))
elif mode == "comparison":
    check_comparison(path, folder)
else:
    check_sweep(path, folder)
scripts = {os.path.basename(p)[:-3]: data_blocks(open(p, encoding="utf-8").read())
           for p in glob.glob(os.path.join(folder, "*.gp"))}
images = check_images(folder, scripts)
print("check_figures: %d figures in %s match %s; %d PNGs look as they should" % (count, folder, os.path.basename(path), images))
