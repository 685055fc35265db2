#!/usr/bin/env bash
# Sets up a fresh machine, builds Beholder and starts it with three simulated cameras (no network needed).
# Prints the page URL and a fresh password for the user 'demo'. Extra arguments go to beholder.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup.sh
. bin/jdk.sh
echo "run: building (tests are bin/test.sh's job)"
mvn -B -q -ntp install -DskipTests
# oneDNN makes the object detector about 20 % faster; TensorFlow reads this switch only from the environment.
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
# Every camera reconnect starts new GStreamer threads; glibc gives threads their own malloc arenas, which fragment
# (RSS crept up ~0.3 MiB per reconnect in the soak, docs/benchmarks.md). Two arenas keep it flat.
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec java --enable-native-access=ALL-UNNAMED -jar bundles/org.beholder.standalone/target/beholder.jar \
    --demo --data "${BEHOLDER_DATA:-data}" "$@"
