"""Checks that text pneumoplan wrote in Chinese (--lang zh) holds no English label, unit or package name:
after removing what is not language — code spans, file names and paths, URLs, numbers, the program's and
the datums' names, units of measurement written in symbols, indicator and package codes — no Latin word of
two letters or more may remain. For gnuplot scripts (NAME.gp) only the text gnuplot shows is checked: the
quoted strings of the drawing commands, not the data blocks, fonts or colours.

usage: check_chinese.py FILE...   (exit 1 naming each English word found, with its line)
"""
import re
import sys

# What may stay Latin in a Chinese text: names, symbols and codes, not words of a language.
ALLOWED = re.compile(
    r"`[^`]*`"                      # code spans: keys, package and file names
    r"|https?://\S+"                # URLs
    r"|[A-Za-z0-9_./-]+\.(h5|csv|md|html|docx|geojson|png|svg|pdf|gp|ini)(?![A-Za-z0-9])"  # file names and paths
    r"|(?<![\w])/[\w./-]+"          # absolute paths
    r"|\bpneumoplan( [a-z]+)?\b|\bGit\b|\bGCJ-02\b|\bWGS-84\b|\bEPSG:4326\b|\bHTML\b|\bCSV\b|\bGeoJSON\b|\bWord\b"
    r"|\bpandoc\b|\bP\d+\b|\bSobol\b|\bMorris\b|\bbootstrap\b|\bABC\b"
    r"|\bkm\b|\bmg/m³|\bQGIS\b|\bExcel\b|\b(png|svg|pdf)\b"
    r"|--[a-z-]+"                   # options named in notes
    r"|\b[a-z]+(_[a-z0-9]+)+\b"     # snake_case codes (indicator keys, package names)
    r"|\b(README|EOD)\b"
)
WORD = re.compile(r"[A-Za-z]{2,}")


def shown_text(path, text):
    if path.endswith(".csv"):
        # Code columns (乡镇代码, 方案代码, ...) hold identifiers and 拼音 columns romanised names: left out.
        import csv
        rows = list(csv.reader(text.splitlines()))
        keep = [i for i, h in enumerate(rows[0]) if not h.endswith("代码") and "拼音" not in h] if rows else []
        return [",".join(r[i] for i in keep if i < len(r)) for r in rows]
    if not path.endswith(".gp"):
        return text.splitlines()
    lines = []
    in_block = False
    for line in text.splitlines():
        if re.match(r"^\$\w+ << EOD$", line):
            in_block = True
            continue
        if in_block:
            in_block = line != "EOD"
            continue
        if line.startswith(("#", "set terminal", "set output")):
            continue
        # Quoted strings only, less fonts (",13" or "Noto Sans CJK SC,14") and colours.
        shown = [s for s in re.findall(r'"((?:[^"\\]|\\.)*)"', line)
                 if not re.match(r"^(#[0-9A-Fa-f]{6}|Noto Sans CJK SC)?,?\d*$", s) and not s.startswith("Noto Sans")]
        lines.append(" ".join(shown))
    return lines


problems = []
for path in sys.argv[1:]:
    text = open(path, encoding="utf-8-sig").read()
    for number, line in enumerate(shown_text(path, text), 1):
        rest = ALLOWED.sub(" ", line)
        for word in WORD.findall(rest):
            problems.append("%s:%d: English '%s' in: %s" % (path, number, word, line.strip()[:160]))
if problems:
    print("\n".join(problems[:60]))
    print("check_chinese: %d English words in %d files" % (len(problems), len(sys.argv) - 1))
    sys.exit(1)
print("check_chinese: %d files hold no English label" % (len(sys.argv) - 1))
