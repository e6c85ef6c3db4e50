#!/usr/bin/env bash
# Squall's dispatch benchmark and the peer baselines (MPI master-worker with mpi4py, Python
# multiprocessing) on the same synthetic workload, in one run, side by side.
#
# usage: bash bench/run.sh [REPS]          (default 2 repeats; about 7 minutes on 2 idle cores)
# env:   IDEAL=1           seconds of ideal work per run (n = IDEAL * W / t points)
#        OUT=/tmp/squall-bench  where the JSON lines and table.md go (relative paths: to the repository)
#        BASELINES=…       the baselines folder (default: shared/baselines beside the repository)
#        SKIP_BASELINES=1  only Squall's rows
# needs: a JDK 17+, Maven with the sampler installed in ~/.m2 (mvn -B -q -o -pl sampler install
#        -DskipTests), and for the baselines Debian's python3 with mpi4py and numpy:
#        apt-get update && apt-get install -y openmpi-bin python3-mpi4py python3-numpy
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
REPS=${1:-2}
IDEAL=${IDEAL:-1}
OUT=${OUT:-${TMPDIR:-/tmp}/squall-bench}
case "$OUT" in /*) ;; *) OUT=$ROOT/$OUT ;; esac
BASE=${BASELINES:-$(cd "$ROOT/.." && pwd)/shared/baselines}
PY=/usr/bin/python3
MVN="mvn -B -q ${MVN_OFFLINE--o}"
mkdir -p "$OUT"
T0=$(date +%s)

echo "== building the actors module's test classes" >&2
(cd "$ROOT" && $MVN -pl actors test-compile \
  && $MVN -pl actors dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt" >/dev/null)
CP="$ROOT/actors/target/test-classes:$ROOT/actors/target/classes:$(cat "$OUT/classpath.txt")"

echo "== Squall local mode: $REPS repeats, ideal ${IDEAL} s per run" >&2
: > "$OUT/squall.jsonl"
java -cp "$CP" io.squall.actors.bench.DispatchBenchmark "$IDEAL" "$OUT/squall.jsonl" "$REPS" 2>>"$OUT/stderr.log" \
  | $PY -c 'import sys, json
for l in sys.stdin:
    d = json.loads(l); e = d.get("eff"); e = "-" if e is None else "%.3f" % e
    print("%-12s W=%d t=%g sigma=%g eff=%s ovh/eval=%.2f us" % (d["mech"], d["W"], d["t_nom"], d["sigma"], e, d["ovh_per_eval_us"]), file=sys.stderr)'

: > "$OUT/baselines.jsonl"
if [ "${SKIP_BASELINES:-0}" != 1 ]; then
  if ! $PY -c 'import numpy, mpi4py' 2>/dev/null || ! command -v mpiexec >/dev/null; then
    echo "baselines need: apt-get update && apt-get install -y openmpi-bin python3-mpi4py python3-numpy" >&2
    exit 1
  fi
  echo "== baselines from $BASE: $REPS repeats" >&2
  export QUIET_MAX_WAIT=${QUIET_MAX_WAIT:-15} CMD_TIMEOUT=${CMD_TIMEOUT:-60} RETRIES=${RETRIES:-2}
  MPI="mpiexec --oversubscribe --allow-run-as-root --bind-to none"
  n() { $PY -c "print(max(1, round($1)))"; }
  R() { (cd "$BASE" && $PY runone.py "$OUT/baselines.jsonl" "$rep" -- "$@" 2>>"$OUT/stderr.log" >&2); }
  mpi() { local W=$1; shift; R $MPI -n $((W + 1)) $PY mw_mpi.py "$@"; }
  pool() { local W=$1; shift; R $PY mw_pool.py --W "$W" "$@"; }
  for rep in $(seq 1 "$REPS"); do
    for W in 1 2; do   # t = 0: n as in run_all.sh, scaled to IDEAL
      if [ $W = 1 ]; then a=120000 b=300000 c=3000000 e=500000; else a=100000 b=150000 c=1500000 e=400000; fi
      mpi  $W --mode pickle --t 0 --n "$(n "$a * $IDEAL / 2")"
      mpi  $W --mode buffer --t 0 --n "$(n "$b * $IDEAL / 2")"
      mpi  $W --mode buffer --t 0 --n "$(n "$c * $IDEAL / 2")" --B 16
      pool $W --mode mapauto --t 0 --n "$(n "$e * $IDEAL / 2")"
      pool $W --mode imap    --t 0 --n "$(n "30000 * $IDEAL")"
    done
    for t in 1e-4 1e-3 1e-2; do
      for sigma in 0 0.5; do
        for W in 1 2; do
          N=$(n "$IDEAL * $W / $t")
          mpi  $W --mode pickle  --t $t --n "$N" --sigma $sigma
          pool $W --mode mapauto --t $t --n "$N" --sigma $sigma
          pool $W --mode imap    --t $t --n "$N" --sigma $sigma
          if [ $t = 1e-4 ] && [ $sigma = 0 ]; then
            mpi $W --mode buffer --t $t --n "$N" --B 16
          fi
        done
      done
    done
  done
fi

$PY "$HERE/compare.py" "$OUT/squall.jsonl" "$OUT/baselines.jsonl" > "$OUT/table.md"
cat "$OUT/table.md"
echo "== done in $(( $(date +%s) - T0 )) s; results in $OUT" >&2
