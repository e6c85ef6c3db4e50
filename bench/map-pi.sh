#!/bin/bash
# The π example of the distributed map, side by side: sequential, 1 worker and 2 workers in one
# JVM each (docs/performance.md, "Distributed map"). Builds the application jar if needed.
#
#   bench/map-pi.sh [SAMPLES (2000000000)] [REPEATS (3)]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
SAMPLES="${1:-2000000000}"
REPEATS="${2:-3}"
JAR=cluster/target/squall.jar
if [ ! -f "$JAR" ]; then
  "${MVN:-./mvnw}" -B -q -DskipTests package
fi
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
for r in $(seq "$REPEATS"); do
  for w in 0 1 2; do
    java -jar "$JAR" example pi --workers "$w" --samples "$SAMPLES" 2>/dev/null | grep '^pi'
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
