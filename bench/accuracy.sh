#!/bin/bash
# Accuracy and calibration of log Z and logEvidenceError over many seeds (docs/accuracy.md).
#
#   bench/accuracy.sh [options]        the seed sweep (io.squall.examples.bench.AccuracyBenchmark):
#       --seeds S (20) --first F (1) --threads N (2) --problems gauss-10,corr-20,... --csv FILE
#       --replicas R --active-particles N --effective-particles N --total-samples N
#       --mcmc-steps N --max-mcmc-steps N --kernel PCN|RANDOM_WALK
#   bench/accuracy.sh --cpu [options]  the sampler's own CPU on gauss-10 (SamplerCpuBenchmark):
#       --seeds S (5) --total-samples N,N,... (4096) --active-particles N (256)
#   bench/accuracy.sh --checkpoint [--pairs P]  the cost of a checkpoint every iteration on gauss-10
#       (CheckpointBenchmark; P pairs of runs without and with, side by side, default 5)
#
# Compiles the sampler and examples modules (test classes included) without installing anything,
# and runs from their target/ folders. MVN (default ./mvnw) and MVN_FLAGS (default "-B -q") can be
# overridden, e.g. MVN=mvn MVN_FLAGS="-B -q -o" for an offline machine.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
MVN="${MVN:-./mvnw}"
read -r -a FLAGS <<< "${MVN_FLAGS:--B -q}"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
"$MVN" "${FLAGS[@]}" -pl sampler,examples test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=runtime > /dev/null
DEPS="$(tr ':' '\n' < "$CP_FILE" | grep -v '/io/squall/' | paste -sd: -)"
CP="sampler/target/classes:examples/target/classes:examples/target/test-classes:$DEPS"
MAIN=io.squall.examples.bench.AccuracyBenchmark
if [ "${1:-}" = "--cpu" ]; then
  shift
  MAIN=io.squall.examples.bench.SamplerCpuBenchmark
elif [ "${1:-}" = "--checkpoint" ]; then
  shift
  MAIN=io.squall.examples.bench.CheckpointBenchmark
fi
exec java -cp "$CP" "$MAIN" "$@"
