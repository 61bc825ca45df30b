#!/usr/bin/env python3
"""Checks that the engine's layers only use the layers below them (docs/architecture.md).

Every source and header under engine/ and include/pneumoplan/ belongs to the subsystem of its folder. A
line `#include "pneumoplan/<subsystem>/<name>.hpp"` is allowed only when <subsystem> is the file's own or
one it may use, and the libraries that only one layer may touch (HDF5, gnuplot, CBC, MPI) are checked the
same way. The tree itself is checked too: engine/ holds only subsystem folders and its CMakeLists.txt, and
include/pneumoplan/ mirrors them.

Usage: check_layering.py [ROOT]      (ROOT: the repository, default: this script's parent folder)
Exit 0 when the tree follows the layers; 1 with one line per violation (file:line: what) otherwise.
"""
import os
import re
import sys

# Each subsystem and the subsystems it may include, in the order of the data flow:
#   core → evidence → scenario → outputs → stations → model → results → policy · research → report
ALLOWED = {
    "core": set(),
    "evidence": {"core"},
    "scenario": {"core", "evidence"},
    "outputs": {"core", "evidence", "scenario"},
    "stations": {"core"},
    "model": {"core", "evidence", "scenario", "outputs", "stations"},
    "results": {"core", "evidence", "scenario", "outputs"},
    "policy": {"core", "evidence", "scenario", "outputs", "stations", "model", "results"},
    "research": {"core", "evidence", "scenario", "outputs", "stations", "model", "results"},
    # Figures and reports read files: results and comparison files, never the model's internals.
    "report": {"core", "evidence", "scenario", "outputs", "results", "policy", "research"},
}

# System headers that only some layers may include: the library belongs to that layer's job.
RESTRICTED_SYSTEM_HEADERS = {
    re.compile(r"^hdf5(_hl)?\.h$|^H5[A-Za-z]*\.h$"): {"results", "policy", "research"},
    re.compile(r"^gnuplot-iostream\.h$"): {"report"},
    re.compile(r"^coin/"): {"stations"},
    re.compile(r"^mpi\.h$"): set(),  # the command line's business (tools/)
}

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCE_SUFFIXES = (".cpp", ".hpp", ".h", ".hpp.in")


def subsystem_files(root):
    """(subsystem, path) for every source or header of the engine."""
    for top in ("engine", os.path.join("include", "pneumoplan")):
        base = os.path.join(root, top)
        for dirpath, _, filenames in os.walk(base):
            rel = os.path.relpath(dirpath, base)
            subsystem = rel.split(os.sep)[0] if rel != "." else None
            for name in sorted(filenames):
                if name.endswith(SOURCE_SUFFIXES):
                    yield subsystem, os.path.join(dirpath, name)


def check_tree(root, problems):
    engine = os.path.join(root, "engine")
    headers = os.path.join(root, "include", "pneumoplan")
    for name in sorted(os.listdir(engine)):
        path = os.path.join(engine, name)
        if os.path.isdir(path):
            if name not in ALLOWED:
                problems.append(f"engine/{name}/: not a subsystem (expected one of {', '.join(ALLOWED)})")
        elif name != "CMakeLists.txt":
            problems.append(f"engine/{name}: engine/ holds only subsystem folders and CMakeLists.txt")
    for name in sorted(os.listdir(headers)):
        path = os.path.join(headers, name)
        if not os.path.isdir(path):
            problems.append(f"include/pneumoplan/{name}: headers live in a subsystem folder")
        elif name not in ALLOWED:
            problems.append(f"include/pneumoplan/{name}/: not a subsystem (expected one of {', '.join(ALLOWED)})")
    for name in ALLOWED:
        for top in ("engine", os.path.join("include", "pneumoplan")):
            if not os.path.isdir(os.path.join(root, top, name)):
                problems.append(f"{top}/{name}/: missing (every subsystem has a source and a header folder)")


def check_includes(root, problems):
    for subsystem, path in subsystem_files(root):
        rel = os.path.relpath(path, root)
        if subsystem is None or subsystem not in ALLOWED:
            continue  # reported by check_tree
        with open(path, encoding="utf-8") as source:
            for number, line in enumerate(source, start=1):
                match = INCLUDE.match(line)
                if not match:
                    continue
                quote, target = match.groups()
                if quote == '"' and target.startswith("pneumoplan/"):
                    parts = target.split("/")
                    used = parts[1] if len(parts) > 2 else None
                    if used is None:
                        problems.append(f"{rel}:{number}: {target} is not in a subsystem folder")
                    elif used != subsystem and used not in ALLOWED[subsystem]:
                        problems.append(
                            f"{rel}:{number}: {subsystem} may not include {target} ({used} is not below {subsystem}; "
                            f"{subsystem} may use: {', '.join(sorted(ALLOWED[subsystem])) or 'nothing'})")
                elif quote == "<":
                    for pattern, layers in RESTRICTED_SYSTEM_HEADERS.items():
                        if pattern.search(target) and subsystem not in layers:
                            problems.append(f"{rel}:{number}: {subsystem} may not include <{target}> "
                                            f"(only {', '.join(sorted(layers)) or 'tools/'})")


def main(argv):
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = []
    check_tree(root, problems)
    check_includes(root, problems)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"check_layering: {len(problems)} violation(s) of the layers in docs/architecture.md", file=sys.stderr)
        return 1
    print(f"check_layering: every include of {root} follows the layers")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
