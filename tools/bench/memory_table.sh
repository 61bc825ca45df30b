#!/usr/bin/env bash
# The table of docs/reliability.md "Memory": for each run, pneumoplan's own estimate (`run --check`) and the
# peak resident memory measured with /usr/bin/time -f %M. The 20x case is Xuzhou with every stratum's workers and
# enterprises multiplied by 20 (written to a temporary folder).
# usage: tools/bench/memory_table.sh [build/tools/pneumoplan]
set -euo pipefail
bin="$(realpath "${1:-build/tools/pneumoplan}")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp -r "$root/scenarios/xuzhou" "$work/xuzhou20"
/usr/bin/python3 - "$work/xuzhou20/strata.csv" <<'PY'
import csv, sys
path = sys.argv[1]
with open(path, newline="", encoding="utf-8") as f:
    lines = f.read().splitlines()
comments = [l for l in lines if l.startswith("#")]
rows = list(csv.reader([l for l in lines if not l.startswith("#")]))
header = rows[0]
for row in rows[1:]:
    for column in ("workers", "enterprises"):
        k = header.index(column)
        row[k] = str(int(row[k]) * 20)
with open(path, "w", newline="", encoding="utf-8") as f:
    for l in comments:
        f.write(l + "\n")
    csv.writer(f, lineterminator="\n").writerows(rows)
PY
row() {  # label, scenario, replicates, threads
  local estimate peak
  estimate=$("$bin" run "$2" --check --replicates "$3" --threads "$4" | sed -n 's/^estimated peak memory: \([0-9.]* [KMG]iB\).*/\1/p')
  peak=$( { /usr/bin/time -f "%M" "$bin" run "$2" --replicates "$3" --threads "$4" -q -o "$work/out.h5" >/dev/null; } 2>&1 | tail -1)
  printf '| %s | %s | %d MiB |\n' "$1" "$estimate" "$((peak / 1024))"
}
echo "| run | estimate | measured peak RSS |"
echo "|---|---|---|"
row "tests/data/small, 1 replicate, 1 thread" "$root/tests/data/small" 1 1
row "xuzhou, 1 replicate, 1 thread" "$root/scenarios/xuzhou" 1 1
row "xuzhou, 2 replicates, 2 threads" "$root/scenarios/xuzhou" 2 2
row "xuzhou, 8 replicates, 2 threads" "$root/scenarios/xuzhou" 8 2
row "xuzhou, 40 replicates, 2 threads" "$root/scenarios/xuzhou" 40 2
row "xuzhou with 20× the workers, 1 replicate, 1 thread" "$work/xuzhou20" 1 1
row "the same, 2 replicates, 2 threads" "$work/xuzhou20" 2 2
