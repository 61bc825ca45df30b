#!/usr/bin/env bash
# pneumoplan compare and pneumoplan target on the small scenario with packages defined by --set: the
# comparison file has the documented layout (checked with h5py), the baseline's paired differences are zero,
# the files are identical for 1 and 2 threads, the cost-effectiveness and budget impact datasets are there
# and agree with the per-replicate values, bad package names and thresholds are refused before anything is
# written, the target finder writes its trials, and with --lang zh the tables hold no English word.
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
"$bin" compare "$scenario" --replicates 3 --threads 1 --out "$work/t1" --wtp-rmb-per-daly 50000,150000 \
  "${packages[@]}" >"$work/stdout.txt"
grep -q "True new cases averted" "$work/stdout.txt"
grep -q "DALYs averted" "$work/stdout.txt"
"$bin" compare "$scenario" --replicates 3 --threads 2 --out "$work/t2" --quiet --wtp-rmb-per-daly 50000,150000 \
  "${packages[@]}" >/dev/null
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
    # Cost-effectiveness and budget impact: paired against the reference, whose gains and costs are 0.
    e = f["economics"]
    assert e.attrs["discount_rate_per_year"] == 0.03 and e.attrs["reference_year"] == 2021
    payers = list(f["payer"].asstr()[()])
    assert payers == ["programme", "injury_insurance", "employer", "basic_insurance", "medical_aid",
                      "out_of_pocket"], payers
    years = f["budget_year"][()]
    assert years[0] == f.attrs["period_first_year"] and years[-1] == f.attrs["period_last_year"]
    averted = e["dalys_averted_per_replicate"][()]
    cost = e["incremental_cost_rmb_per_replicate"][()]
    assert averted.shape == (P, 3) and cost.shape == (P, 3)
    assert np.all(averted[0] == 0) and np.all(cost[0] == 0)
    assert np.isclose(e["dalys_averted/mean"][1], averted[1].mean())
    assert e["dalys_averted/mean"][1] > 0, "halving dust must avert DALYs"
    assert np.allclose(e["incremental_cost_by_payer_rmb/mean"][()].sum(axis=1), e["incremental_cost_rmb/mean"][()])
    k = outcomes.index("dalys_discounted")
    assert np.isclose(e["dalys_averted/mean"][1], -f["difference/mean"][1, k])
    status = list(e["icer_rmb_per_daly_averted/status"].asstr()[()])
    assert status[0] == "no health effect", status
    ratio = e["icer_rmb_per_daly_averted/ratio"][()]
    for p in range(1, P):
        if status[p] == "ratio":
            assert np.isclose(ratio[p], cost[p].mean() / averted[p].mean())
        else:
            assert np.isnan(ratio[p]) and status[p] in ("dominant", "dominated"), status[p]
    assert list(f["wtp_rmb_per_daly"][()]) == [50000.0, 150000.0]
    assert e["per_daly/rank"].dims[1][0].name == "/wtp_rmb_per_daly"
    nmb = e["per_daly/net_monetary_benefit_rmb/mean"][()]
    assert nmb.shape == (P, 2) and np.allclose(nmb[1], [np.mean(w * averted[1] - cost[1]) for w in (50000, 150000)])
    assert sorted(e["per_daly/rank"][()][:, 0]) == [1, 2, 3]
    budget = e["budget_impact_rmb/mean"][()]
    assert budget.shape == (P, len(years), len(payers) + 1)
    assert np.allclose(budget[:, :, -1], budget[:, :, :-1].sum(axis=2))
    assert np.all(budget[0] == 0)
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
grep -q "## Cost-effectiveness" "$work/t1/comparison.md"
grep -q "## Budget impact by year and payer" "$work/t1/comparison.md"
grep -q "^both,Dust control and SME help,icer_rmb_per_daly_averted," "$work/t1/comparison.csv"
grep -q "^dust,dust,budget_impact_2025_out_of_pocket_rmb," "$work/t1/comparison.csv"

# A threshold that is not a positive amount is refused before anything is written.
set +e
"$bin" compare "$scenario" --replicates 1 --out "$work/badwtp" --wtp-rmb-per-daly 50000,abc "${packages[@]}" 2>"$work/err.txt"
code=$?
set -e
[ "$code" -eq 2 ] || { echo "bad threshold: exit $code"; exit 1; }
grep -q "wtp-rmb-per-daly: expected positive RMB amounts" "$work/err.txt"
[ ! -e "$work/badwtp" ] || { echo "output written for a refused threshold"; exit 1; }

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
# The cheapest package meeting a target: every package's share and cost, and the answer is the cheapest package
# whose share reaches the probability.
"$bin" target "$scenario" --replicates 3 --packages baseline,dust,both --indicator hazard_declaration_rate \
  --target 0.85 --probability 0.6 --out "$work/packages.csv" "${packages[@]}" >"$work/packages.txt"
/usr/bin/python3 - "$work/packages.csv" "$work/packages.txt" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
assert [r["package"] for r in rows] == ["baseline", "dust", "both"], rows
number = lambda text: float(text.replace(",", ""))
meeting = [r for r in rows if number(r["share_meeting (%)"]) >= 60.0]
costs = {r["package"]: number(r["cost (10,000 RMB)"]) for r in rows}
assert costs["baseline"] == 0 and costs["both"] > costs["dust"] > 0, costs
said = open(sys.argv[2], encoding="utf-8").read()
if meeting:
    best = min(meeting, key=lambda r: (number(r["cost (10,000 RMB)"]), -number(r["share_meeting (%)"])))
    assert f"Cheapest package meeting the target: {best['package_label']} ({best['package']};" in said, said
else:
    assert "No package meets the target" in said, said
PY
set +e
"$bin" target "$scenario" --replicates 1 --packages baseline,ghost --indicator hazard_declaration_rate \
  "${packages[@]}" >/dev/null 2>"$work/err.txt"
code=$?
"$bin" target "$scenario" --replicates 1 --packages dust --intervention help --indicator hazard_declaration_rate \
  "${packages[@]}" >/dev/null 2>>"$work/err.txt"
code2=$?
set -e
[ "$code" -eq 2 ] && [ "$code2" -eq 2 ] || { echo "target --packages: bad packages not refused ($code, $code2)"; exit 1; }
grep -q "ghost" "$work/err.txt" && grep -q "either --intervention NAME or --packages" "$work/err.txt"
# Chinese: the terminal, comparison.md and comparison.csv hold no English label, unit or package name.
"$bin" compare "$scenario" --replicates 2 --threads 2 --out "$work/zh" --lang zh "${packages[@]}" >"$work/zh.txt"
"$bin" target "$scenario" --replicates 2 --intervention help --indicator hazard_declaration_rate --target 0.85 \
  --probability 0.6 --steps 1 --lang zh --out "$work/trials_zh.csv" "${packages[@]}" >"$work/target_zh.txt"
"$bin" target "$scenario" --replicates 2 --packages baseline,dust --indicator hazard_declaration_rate --target 0.85 \
  --lang zh --out "$work/packages_zh.csv" "${packages[@]}" >"$work/packages_zh.txt"
/usr/bin/python3 "$here/check_chinese.py" "$work/zh.txt" "$work/zh/comparison.md" "$work/zh/comparison.csv" \
  "$work/target_zh.txt" "$work/trials_zh.csv" "$work/packages_zh.txt" "$work/packages_zh.csv"
grep -q '健康收益与费用' "$work/zh.txt"
echo "compare and target ok"
