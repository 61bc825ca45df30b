#!/usr/bin/env bash
# pneumoplan compare and pneumoplan target on the small scenario with packages defined by --set: the
# comparison file has the documented layout (checked with h5py), the baseline's paired differences are zero,
# the files are identical for 1 and 2 threads, bad package names are refused before anything is written,
# the target finder writes its trials, and with --lang zh the tables hold no English word.
set -eu
bin="$1"; scenario="$2"; here=$(dirname "$0")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
packages=(
  --set "city.name_zh=测试市" --set "city.name_en=Test City"
  --set intervention.dust.type=engineering_control --set intervention.dust.intensity=0.5
  --set intervention.dust.start_year=2021 --set "intervention.dust.source=assumed: test"
  --set intervention.dust.cost_per_unit_rmb=100
  --set intervention.help.type=sme_help --set intervention.help.intensity=0.8
  --set intervention.help.start_year=2021 --set "intervention.help.source=assumed: test"
  --set intervention.help.cost_per_unit_rmb=20000
  --set package.dust.interventions=dust --set package.both.interventions=dust,help --set "package.dust.label_zh=降尘"
  --set "intervention.dust.description_zh=降尘" --set "intervention.help.description_zh=中小微企业帮扶"
  --set "package.both.label_en=Dust control and SME help" --set "package.both.label_zh=降尘与中小微企业帮扶"
)
"$bin" compare "$scenario" --replicates 3 --threads 1 --out "$work/t1" "${packages[@]}" >"$work/stdout.txt"
grep -q "True new cases averted" "$work/stdout.txt"
"$bin" compare "$scenario" --replicates 3 --threads 2 --out "$work/t2" --quiet "${packages[@]}" >/dev/null
for f in comparison.h5 comparison.csv comparison.md small-baseline.h5 small-dust.h5 small-both.h5; do
  cmp "$work/t1/$f" "$work/t2/$f"
done
/usr/bin/python3 - "$work/t1" <<'PY'
import sys, h5py, numpy as np
folder = sys.argv[1]
with h5py.File(folder + "/comparison.h5", "r") as f:
    assert f.attrs["format"] == "pneumoplan-comparison", f.attrs["format"]
    assert f.attrs["format_version"] == 3
    assert f.attrs["city_name_en"] == "Test City" and f.attrs["target_year"] == 2025
    readings = [n.decode() if isinstance(n, bytes) else n for n in f["outcomes/reading"][()]]
    comparators = [n.decode() if isinstance(n, bytes) else n for n in f["outcomes/comparator"][()]]
    targets = f["outcomes/target"][()]
    for r, c, t, o in zip(readings, comparators, targets, [n.decode() if isinstance(n, bytes) else n for n in f["outcomes/name"][()]]):
        assert r in ("sum over period", "at period end", "in target year"), r
        assert o.startswith("indicator_") or (c == "" and np.isnan(t)), (o, c, t)
    assert f.attrs["baseline"] == "baseline"
    names = [n.decode() if isinstance(n, bytes) else n for n in f["packages/name"][()]]
    assert names == ["baseline", "dust", "both"], names
    labels = [n.decode() if isinstance(n, bytes) else n for n in f["packages/label_zh"][()]]
    assert labels[2] == "降尘与中小微企业帮扶", labels
    outcomes = [n.decode() if isinstance(n, bytes) else n for n in f["outcomes/name"][()]]
    P, O = len(names), len(outcomes)
    for group in ("value", "difference"):
        for stat in ("mean", "p5", "p95"):
            assert f[group + "/" + stat].shape == (P, O), (group, stat, f[group + "/" + stat].shape)
    assert np.all(f["difference/mean"][0, :] == 0), "baseline paired against itself must be 0"
    per = f["per_replicate"][()]
    assert per.shape == (P, O, 3)
    k = outcomes.index("true_new_cases")
    assert np.isclose(f["difference/mean"][1, k], np.mean(per[1, k] - per[0, k]))
    assert f["averted/true_new_cases/mean"][1] > 0, "halving dust must avert cases"
    verdict = f["verdicts/verdict"]
    assert verdict.shape == (P, len(f["verdicts/indicator_key"])), verdict.shape
    files = [n.decode() if isinstance(n, bytes) else n for n in f["packages/results_file"][()]]
for name, file in zip(names, files):
    with h5py.File(folder + "/" + file, "r") as r:
        assert r.attrs["format"] == "pneumoplan-results"
        assert r.attrs["package"] == name, (r.attrs["package"], name)
        cost = r["replicates/intervention_cost_rmb"][()]
        assert (cost.sum() > 0) == (name != "baseline"), (name, cost.sum())
print("comparison layout ok")
PY
grep -q "^both,Dust control and SME help," "$work/t1/comparison.csv"
head -c 3 "$work/t1/comparison.csv" | cmp -s - <(printf '\xEF\xBB\xBF') || { echo "comparison.csv lacks its byte-order mark"; exit 1; }
# Money in 万元 and shares in per cent, with a unit column: the dust package's cost is 100 RMB a worker-year.
grep -q '^dust,dust,intervention_cost_rmb,Intervention cost,sum 2021–2030,"*10,000 RMB' "$work/t1/comparison.csv" \
  || { echo "comparison.csv: cost not in 10,000 RMB"; grep intervention_cost "$work/t1/comparison.csv"; exit 1; }
grep -q 'indicator_hazard_declaration_rate,.*,%,[0-9.]*,[0-9.]*,[0-9.]*,.*,percentage points$' "$work/t1/comparison.csv" \
  || { echo "comparison.csv: shares not in per cent"; exit 1; }
grep -q "## Health gain and cost" "$work/t1/comparison.md"

# An unknown package is refused before anything is written.
set +e
"$bin" compare "$scenario" --replicates 1 --out "$work/bad" --packages baseline,ghost "${packages[@]}" 2>"$work/err.txt"
code=$?
set -e
[ "$code" -eq 2 ] || { echo "unknown package: exit $code"; exit 1; }
grep -q "unknown package 'ghost'" "$work/err.txt"
[ ! -e "$work/bad" ] || { echo "output written for a refused comparison"; exit 1; }

# The target finder: two ends and two bisection steps.
"$bin" target "$scenario" --replicates 3 --intervention help --indicator hazard_declaration_rate --target 0.85 \
  --probability 0.6 --steps 2 --out "$work/trials.csv" "${packages[@]}" >"$work/target.txt"
grep -q "Weakest intensity meeting the target" "$work/target.txt"
[ "$(wc -l <"$work/trials.csv")" -eq 5 ] || { echo "expected 4 trials"; cat "$work/trials.csv"; exit 1; }
# Chinese: the terminal, comparison.md and comparison.csv hold no English label, unit or package name.
"$bin" compare "$scenario" --replicates 2 --threads 2 --out "$work/zh" --lang zh "${packages[@]}" >"$work/zh.txt"
"$bin" target "$scenario" --replicates 2 --intervention help --indicator hazard_declaration_rate --target 0.85 \
  --probability 0.6 --steps 1 --lang zh --out "$work/trials_zh.csv" "${packages[@]}" >"$work/target_zh.txt"
/usr/bin/python3 "$here/check_chinese.py" "$work/zh.txt" "$work/zh/comparison.md" "$work/zh/comparison.csv" \
  "$work/target_zh.txt" "$work/trials_zh.csv"
grep -q '健康收益与费用' "$work/zh.txt"
echo "compare and target ok"
