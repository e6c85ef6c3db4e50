#!/bin/sh
# Entry point of the Squall image: `entrypoint.sh master|worker|run [options]` runs
# `squall ROLE [options]`. Everything else comes from the environment (conf/squall.conf lists the
# variables): SQUALL_HOST, SQUALL_PORT, SQUALL_SEED_NODES, SQUALL_WORKERS, SQUALL_MIN_WORKERS,
# SQUALL_MODEL, SQUALL_PARAMS, SQUALL_SEED, SQUALL_OUT, SQUALL_CLUSTER_NAME, SQUALL_TLS_*.
#   SQUALL_JAVA_OPTS      extra JVM options, e.g. "-Xmx2g"
#   SQUALL_CLASSPATH      extra jars or folders with your own ModelFactory classes
#   SQUALL_APP_CLASSPATH  where Squall itself is (default: /app/squall.jar, the image's)
#   JAVA_HOME             the JRE to use (default: java on the PATH)
set -eu

if [ -n "${JAVA_HOME:-}" ]; then
  java="$JAVA_HOME/bin/java"
else
  java="java"
fi
classpath="${SQUALL_APP_CLASSPATH:-/app/squall.jar}"
if [ -n "${SQUALL_CLASSPATH:-}" ]; then
  classpath="$classpath:$SQUALL_CLASSPATH"
fi

# SQUALL_JAVA_OPTS is split into words on purpose.
# shellcheck disable=SC2086
exec "$java" ${SQUALL_JAVA_OPTS:-} -cp "$classpath" io.squall.cluster.SquallCli "$@"
