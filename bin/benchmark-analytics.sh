#!/usr/bin/env bash
# Analytics benchmark (not a test): motion ms per 320x240 keyframe, NanoDet-m ms per inference, model load time
# and memory, CPU per channel at one keyframe a second. Results go to docs/benchmarks.md by hand.
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup.sh >/dev/null
. bin/jdk.sh
module=bundles/org.beholder.detect.tf
mvn -B -q -ntp install -DskipTests -pl "$module" -am
mvn -B -q -ntp test-compile -pl "$module"
mvn -B -q -ntp -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath \
    -Dmdep.includeScope=test
export TF_ENABLE_ONEDNN_OPTS="${TF_ENABLE_ONEDNN_OPTS:-1}"
exec java --enable-native-access=ALL-UNNAMED -Xmx2g \
    -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/benchmark.classpath")" \
    org.beholder.detect.tf.benchmark.AnalyticsBenchmark "$module/src/test/resources/darknet" \
    "$module/target/native"
