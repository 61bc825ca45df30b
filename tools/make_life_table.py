#!/usr/bin/env python3
"""Writes a scenario's life_table.csv for China from the wpp2024 R package's 5-year death rates.

Run by hand when the packs' mortality is (re)built; simulations never read the package. Usage:
  make_life_table.py WPP2024_REPO OUT.csv [--cpp]
WPP2024_REPO is a checkout of github.com/PPgp/wpp2024 (data-raw/mxM5.txt and mxF5.txt: UN DESA Population
Division, World Population Prospects 2024, legacy 5-year periods, CC BY 3.0 IGO). Every period from 1950-1955
to 2015-2020 is copied exactly for China (location 156); with --cpp the same rows are printed as the C++
initialiser of builtin_china_mortality() (engine/evidence/life_table.cpp).
"""
import csv
import os
import sys

COMMIT = "2da7768"  # the wpp2024 commit these tables were copied from (after the 5-year mx fixes of bac8929)


def read_rates(path):
    with open(path, encoding="utf-8") as source:
        rows = list(csv.reader(source, delimiter="\t"))
    header = rows[0]
    china = {("100" if r[2] == "100+" else r[2]): r for r in rows[1:] if r[0] == "156"}
    return header, china


def main(argv):
    repo, out = argv[1], argv[2]
    header, male = read_rates(os.path.join(repo, "data-raw", "mxM5.txt"))
    _, female = read_rates(os.path.join(repo, "data-raw", "mxF5.txt"))
    columns = [i for i, name in enumerate(header) if i >= 3 and int(name[:4]) < 2020]
    ages = sorted(male, key=int)
    rows = []
    for i in columns:
        first, last = int(header[i][:4]), int(header[i][5:9])
        mid = (first + last + 1) // 2
        for age in ages:
            a = int(age)
            width = 1 if a == 0 else 4 if a == 1 else "open" if a == 100 else 5
            rows.append((mid, a, width, male[age][i], female[age][i]))
    if "--cpp" in argv:
        for mid in sorted({r[0] for r in rows}):
            cells = [f"{{{a}, {0 if w == 'open' else w}, {m}, {f}}}" for (p, a, w, m, f) in rows if p == mid]
            print(f"      {{{mid},\n       {{" + ",\n        ".join(", ".join(cells[k:k + 3]) for k in range(0, len(cells), 3)) + "}},")
        return 0
    with open(out, "w", encoding="utf-8", newline="") as sink:
        sink.write("# Background mortality: central death rates nMx (per person-year) by sex and age group for China "
                   "(location 156).\n")
        sink.write("# Source: UN DESA Population Division, World Population Prospects 2024 (CC BY 3.0 IGO), legacy "
                   "5-year periods\n")
        sink.write(f"#   1950-1955 to 2015-2020 as distributed in the wpp2024 R package (github.com/PPgp/wpp2024,\n")
        sink.write(f"#   data-raw/mxM5.txt and mxF5.txt, commit {COMMIT}), copied exactly by tools/make_life_table.py. "
                   "period_mid_year is the period's middle.\n")
        sink.write("# The model holds the hazard constant within an age group and interpolates log-linearly between "
                   "periods.\n")
        writer = csv.writer(sink, lineterminator="\n")
        writer.writerow(["period_mid_year", "age_start", "age_width", "mx_male", "mx_female"])
        writer.writerows(rows)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
