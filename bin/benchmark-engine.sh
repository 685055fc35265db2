#!/usr/bin/env bash
# Engine benchmark (not a test): CPU, heap and RSS per channel for 1, 8 and 16 channels of a 1080p15 4 Mbit/s
# stream, with a decode-every-frame baseline in the same run. Results go to docs/benchmarks.md by hand.
# usage: bin/benchmark-engine.sh [channel counts, e.g. 1,8,16]
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup.sh >/dev/null
. bin/jdk.sh
mvn -B -q -ntp test-compile -pl bundles/org.beholder.engine -am
module=bundles/org.beholder.engine
mvn -B -q -ntp -pl "$module" dependency:build-classpath -Dmdep.outputFile=target/benchmark.classpath \
    -Dmdep.includeScope=test
cp=$(cat "$module/target/benchmark.classpath")
exec java --enable-native-access=ALL-UNNAMED -Xmx2g -cp "$module/target/test-classes:$module/target/classes:$cp" \
    org.beholder.engine.benchmark.EngineBenchmark "$module/target/benchmark" "${1:-1,8,16}"
