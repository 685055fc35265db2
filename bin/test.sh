#!/usr/bin/env bash
# Sets up a fresh machine and runs every test of Beholder.
set -euo pipefail
cd "$(dirname "$0")/.."
bin/setup.sh
. bin/jdk.sh
exec mvn -B -ntp verify "$@"
