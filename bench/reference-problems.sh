#!/bin/bash
# Runs the five reference problems with default settings, seeds 1-5, through the CLI.
# Build the jar first (./squall --help does). Results go under $OUT (default /tmp/squall-ref).
JAR="$(cd "$(dirname "$0")/.." && pwd)/cluster/target/squall.jar"
for spec in "gaussian dim=10" "gaussian dim=20 correlation=0.9" "shells" "eggbox" "rosenbrock dim=10"; do
  set -- $spec; model=$1; shift
  params=""; for p in "$@"; do params="$params --param $p"; done
  for seed in 1 2 3 4 5; do
    out=${OUT:-/tmp/squall-ref}/$model-$(echo "$@" | tr ' =' '__')-$seed
    java -jar $JAR run --model $model $params --seed $seed --workers 0 --out $out > /dev/null 2>&1
    python3 -c "
import json,sys
s=json.load(open('$out/summary.json'))
print('$spec'.ljust(32), $seed, '%+.3f'%(s['logEvidence']-s['knownLogEvidence']), s['likelihoodCalls'], '%.2f'%s['wallSeconds'], ' '.join('%.3f'%x for x in s['posteriorStd'][:2]))
"
  done
done
