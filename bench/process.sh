#!/usr/bin/env bash
# The process model's costs (docs/performance.md, section "Process models"):
#  1. protocol overhead per point, batches of 1, 16 and 256 points of dimension 16, to a child whose
#     likelihood costs nothing: standard-library client, NumPy client, NumPy vectorized callback;
#  2. end to end: `squall run --workers 2` on a Python likelihood costing 1 ms of CPU per point
#     (2-D Gaussian + busy-wait, bench/process_child.py), efficiency = calls x 1 ms / (2 x wall),
#     beside the same 1 ms likelihood under multiprocessing.Pool (../shared/baselines/mw_pool.py).
# Usage: bench/process.sh [overhead|e2e|all]   (default all). Needs python3 (NumPy optional).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
what="${1:-all}"
baselines="${BASELINES:-/work/shared/baselines}"
echo "load: $(uptime)"

mvn -B -o -q -pl cluster -am package -DskipTests
if [ "$what" = overhead ] || [ "$what" = all ]; then
  mvn -B -o -q -pl process -am package -DskipTests dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/process/target/bench-classpath.txt"
  deps="$(tr ':' '\n' < process/target/bench-classpath.txt | grep -v '/io/squall/' | paste -sd: -)"
  cp="sampler/target/classes:process/target/classes:process/target/test-classes:$deps"
  for variant in "stdlib SQUALL_PROCESS_NO_NUMPY=1" "numpy" "numpy-vectorized VECTORIZED=1"; do
    set -- $variant
    echo "== protocol overhead, $1 client (dim 16, likelihood of no cost)"
    shift
    java -cp "$cp" io.squall.process.ProcessOverheadBench bench/process_child.py "$@"
  done
fi

if [ "$what" = e2e ] || [ "$what" = all ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  cat > "$tmp/e2e.conf" <<CONF
squall.model {
  name = process
  params {
    command = [python3, "$PWD/bench/process_child.py"]
    environment { DIM = "2", COST_MS = "1" }
    dim = 2
    prior = "uniform(-10, 10)"
  }
}
CONF
  echo "== end to end: squall run --workers 2, Python likelihood of 1 ms per point"
  java -jar cluster/target/squall.jar run --config "$tmp/e2e.conf" --workers 2 --out "$tmp/out" \
    | grep -E 'log Z  |likelihood calls|wall time|parallel eff'
  python3 - "$tmp/out/summary.json" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
calls, wall, evaluation = s["likelihoodCalls"], s["wallSeconds"], s["evaluationSeconds"]
print("squall process model: %d calls x 1 ms / (2 x %.2f s wall) = efficiency %.3f (%.3f over the "
      "evaluation time %.2f s)" % (calls, wall, calls * 1e-3 / (2 * wall), calls * 1e-3 / (2 * evaluation),
                                   evaluation))
PY
  echo "== multiprocessing.Pool, same 1 ms likelihood (dim 16), 2 processes, 20000 points"
  for mode in map1 mapauto imap; do
    (cd "$baselines" && python3 mw_pool.py --mode "$mode" --W 2 --n 20000 --t 1e-3) | python3 -c '
import json, sys
d = json.loads(sys.stdin.read())
print("pool-%s: wall %.2f s, efficiency %.3f" % (sys.argv[1], d["wall"], d.get("eff", d.get("efficiency", float("nan")))))' "$mode"
  done
fi
