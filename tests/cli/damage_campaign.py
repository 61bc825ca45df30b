#!/usr/bin/env python3
"""A damaged-file campaign through the real commands, run by hand (docs/reliability.md records its counts).

Makes one file of every kind pneumoplan reads back — a results file, a comparison file, a whole sweep, a merged
sweep, a shard and a journal record — then damages each in N seeded random ways (bytes flipped, cut short,
extended, a block zeroed or copied over, the seal changed, another kind of file in its place) and gives every
damaged file to one of the commands that read its kind, in turn. Each command must refuse it: exit code 1 or
2 with one line naming the file. Crashes (a signal), hangs (over the timeout) and exit code 0 are counted and
listed; any makes the script exit 1.

    tests/cli/damage_campaign.py build/tools/pneumoplan tests/data/small --per-kind 300 --seed 1

The suite runs the same damage in process (DamagedFiles.*, tests/results/test_damaged_files.cpp) and a fixed
sample through the commands (tests/cli/damaged_files.sh).
"""
import argparse
import collections
import os
import random
import shutil
import subprocess
import sys
import tempfile


def run(cmd, cwd, timeout=120, check=False):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    if check and p.returncode != 0:
        sys.exit("setup failed: %s: %s" % (" ".join(cmd), p.stderr.decode(errors="replace")))
    return p


def damage(data, other, k, rng):
    out = bytearray(data)
    kind = k % 7
    if kind == 0:
        for _ in range(rng.randint(1, 8)):
            i = rng.randrange(len(out))
            out[i] ^= rng.randint(1, 255)
    elif kind == 1:
        del out[rng.randrange(len(out)):]
    elif kind == 2:
        out += bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    elif kind == 3:
        n = min(rng.randint(1, 4096), len(out))
        s = rng.randrange(len(out) - n + 1)
        out[s:s + n] = bytes(n)
    elif kind == 4:
        n = min(rng.randint(1, 512), len(out) // 2)
        a, b = rng.randrange(len(out) - n + 1), rng.randrange(len(out) - n + 1)
        out[b:b + n] = data[a:a + n]
    elif kind == 5:
        i = rng.randrange(min(512, len(out)))
        out[i] ^= rng.randint(1, 255)
    else:
        out = bytearray(other if k % 14 == 6 else other[:rng.randrange(len(other))])
    return bytes(out)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pneumoplan")
    parser.add_argument("scenario")
    parser.add_argument("--per-kind", type=int, default=300)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args()
    bin_ = os.path.abspath(args.pneumoplan)
    work = tempfile.mkdtemp()
    try:
        shutil.copytree(args.scenario, os.path.join(work, "s"))
        quick = ["--replicates", "1", "--set", "simulation.start_year=2019", "--set", "simulation.end_year=2025", "--quiet"]
        pkg = ["--set", "intervention.dust.type=engineering_control", "--set", "intervention.dust.intensity=0.5",
               "--set", "intervention.dust.start_year=2021", "--set", "intervention.dust.source=assumed: test",
               "--set", "package.dust.interventions=dust"]
        os.makedirs(os.path.join(work, "good"))
        run([bin_, "run", "s", "--out", "good/r.h5"] + quick, work, check=True)
        run([bin_, "compare", "s", "--out", "good/compare"] + quick + pkg, work, check=True)
        with open(os.path.join(work, "sweep.ini"), "w") as f:
            f.write("[sweep]\nscenario = s\ndesign = saltelli\npoints = 2\nreplicates = 1\nend_year = 2022\n"
                    "outputs = new_diagnoses\n[parameter.a]\nkey = surveillance.attendance\nmin = 0.3\nmax = 1.0\n")
        run([bin_, "sweep", "sweep.ini", "--out", "good/sweep.h5", "--quiet"], work, check=True)
        for k in (0, 1):
            run([bin_, "sweep", "sweep.ini", "--shard", "%d/2" % k, "--out", "good/shard-%d.h5" % k, "--quiet"], work, check=True)
        run([bin_, "merge", "good/shard-0.h5", "good/shard-1.h5", "--out", "good/merged.h5", "--quiet"], work, check=True)
        # A journal record: a sweep killed once its first record is in.
        p = subprocess.Popen([bin_, "sweep", "sweep.ini", "--threads", "1", "--out", "j/s.h5", "--quiet"], cwd=work,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        parts = os.path.join(work, "j/s.h5.parts")
        while p.poll() is None and not (os.path.isdir(parts) and any(n.startswith("point-") for n in os.listdir(parts))):
            pass
        p.kill()
        p.wait()
        records = sorted(n for n in os.listdir(parts) if n.startswith("point-")) if os.path.isdir(parts) else []
        with open(os.path.join(work, "obs.csv"), "w") as f:
            f.write("first_year,last_year,value\n2016,2020,50\n")

        def read(path):
            with open(os.path.join(work, path), "rb") as f:
                return f.read()

        kinds = {
            "results file": ("good/r.h5", "good/sweep.h5", [
                ["scorecard", "{F}", "--quiet"], ["stations", "{F}"],
                ["plot", "{F}", "--out", "out/figures", "--figures", "scorecard"],
                ["report", "{F}", "--out", "out/report", "--figures", "scorecard"]]),
            "comparison file": ("good/compare/comparison.h5", "good/sweep.h5", [
                ["plot", "{F}", "--out", "out/figures", "--figures", "outcomes"],
                ["report", "{F}", "--out", "out/report", "--figures", "outcomes"]]),
            "sweep file": ("good/sweep.h5", "good/r.h5", [
                ["sensitivity", "{F}", "--output", "new_diagnoses"], ["calibrate", "{F}", "--observed", "obs.csv"]]),
            "merged sweep": ("good/merged.h5", "good/r.h5", [
                ["sensitivity", "{F}", "--output", "new_diagnoses"], ["calibrate", "{F}", "--observed", "obs.csv"]]),
            "shard": ("good/shard-0.h5", "good/r.h5", [["merge", "{F}", "good/shard-1.h5", "--out", "out/joined.h5"]]),
        }
        if records:
            shutil.copy(os.path.join(parts, records[0]), os.path.join(work, "good/record.bin"))
            kinds["journal record"] = ("good/record.bin", "good/r.h5", [["sweep", "sweep.ini", "--out", "j/s.h5", "--quiet"]])
        rng = random.Random(args.seed)
        counts = collections.OrderedDict()
        problems = []
        for kind, (good, other, commands) in kinds.items():
            data, other_data = read(good), read(other)
            tally = collections.Counter()
            for k in range(args.per_kind):
                variant = damage(data, other_data, k, rng)
                if variant == data:
                    tally["left identical"] += 1
                    continue
                target = os.path.join(parts, records[0]) if kind == "journal record" else os.path.join(work, "damaged.h5")
                with open(target, "wb") as f:
                    f.write(variant)
                command = commands[k % len(commands)]
                shutil.rmtree(os.path.join(work, "out"), ignore_errors=True)
                cmd = [bin_] + [a.replace("{F}", "damaged.h5") for a in command]
                try:
                    p = run(cmd, work, timeout=args.timeout)
                    rc = p.returncode
                    lines = p.stderr.decode(errors="replace").strip().splitlines()
                except subprocess.TimeoutExpired:
                    rc, lines = "timeout", []
                if rc in (1, 2):
                    tally["refused (exit %d)" % rc] += 1
                    if len(lines) not in (1, 2) or "damaged.h5" not in lines[0] and "point-" not in lines[0]:
                        problems.append("%s #%d %s: message %r" % (kind, k, command[0], lines))
                else:
                    label = "timeout" if rc == "timeout" else ("signal %d" % -rc if rc < 0 else "exit %d" % rc)
                    tally[label] += 1
                    problems.append("%s #%d %s: %s" % (kind, k, command[0], label))
            counts[kind] = tally
        for kind, tally in counts.items():
            print("%-16s %s" % (kind, ", ".join("%s %d" % kv for kv in sorted(tally.items()))))
        for p in problems[:30]:
            print("PROBLEM", p)
        print("%d problems" % len(problems))
        return 1 if problems else 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
