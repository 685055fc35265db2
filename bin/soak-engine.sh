#!/usr/bin/env bash
# Engine soak (not part of CI): the camera drop/return cycle test of CI (20 cycles) with many more cycles. Each
# cycle kills the RTSP test camera and restarts it on the same port; the test asserts the channel is ONLINE
# within 5 s of every return and that Java threads, file descriptors and RSS do not grow after the first cycles.
# The per-cycle timings and the resource counts are in the test's output file (path printed at the end).
# usage: bin/soak-engine.sh [cycles, default 500]
set -euo pipefail
cd "$(dirname "$0")/.."
. bin/jdk.sh
cycles="${1:-500}"
module=bundles/org.beholder.engine
mvn -B -ntp -pl "$module" verify -Dtest=CameraCycleTest -Dsurefire.failIfNoSpecifiedTests=false \
    -Dbeholder.cycles="$cycles" -Djacoco.skip=true
echo "soak of $cycles cycles passed; details: $module/target/surefire-reports/org.beholder.engine.CameraCycleTest-output.txt"
