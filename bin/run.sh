#!/usr/bin/env bash
# Sets up a fresh machine, builds Beholder and starts it with three simulated cameras (no network needed).
# Prints the page URL and a fresh password for the user 'demo'. Extra arguments go to beholder.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup.sh
. bin/jdk.sh
echo "run: building (tests are bin/test.sh's job)"
mvn -B -q -ntp install -DskipTests
exec java --enable-native-access=ALL-UNNAMED -jar bundles/org.beholder.standalone/target/beholder.jar \
    --demo --data "${BEHOLDER_DATA:-data}" "$@"
