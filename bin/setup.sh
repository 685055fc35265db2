#!/usr/bin/env bash
# Installs what Beholder needs on a fresh Debian bookworm machine. Idempotent: installs only what is missing
# and says what it does. Run as root (or with sudo available).
set -euo pipefail
cd "$(dirname "$0")/.."

DEBIAN_PACKAGES=(
    # GStreamer 1.22: remux, keyframe decode, the RTSP server that is the camera of the tests
    gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
    gstreamer1.0-plugins-ugly gstreamer1.0-libav gstreamer1.0-rtsp gstreamer1.0-x gir1.2-gst-rtsp-server-1.0 python3-gi
    # build, and the page's tests in a real browser
    maven chromium
)

say() { printf 'setup: %s\n' "$*"; }
fail() { printf 'setup: ERROR: %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@";
    elif command -v sudo >/dev/null 2>&1; then sudo "$@";
    else fail "need root (or sudo) to run: $*"; fi
}

missing=()
for pkg in "${DEBIAN_PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$pkg")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq || fail "apt-get update failed (is Debian's package mirror reachable?)"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" \
        || fail "apt-get could not install: ${missing[*]}"
else
    say "Debian packages present (${#DEBIAN_PACKAGES[@]})"
fi

# Node.js and npm build the page (npm packages at build time) and run its browser tests. Machines of this
# project ship Node 20; elsewhere Debian's nodejs/npm do.
if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    say "installing Debian packages: nodejs npm"
    as_root apt-get update -qq || fail "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm || fail "apt-get could not install nodejs npm"
fi
say "Node $(node --version), npm $(npm --version 2>/dev/null)"

# shellcheck source=bin/jdk.sh
. bin/jdk.sh
say "JDK: $JAVA_HOME"

/usr/bin/python3 -c 'import gi; gi.require_version("GstRtspServer", "1.0")' 2>/dev/null \
    || fail "GStreamer's RTSP server Python bindings are missing (gir1.2-gst-rtsp-server-1.0, python3-gi)"
gst-inspect-1.0 x264enc >/dev/null 2>&1 || fail "GStreamer's x264enc is missing (gstreamer1.0-plugins-ugly)"
gst-inspect-1.0 avdec_h264 >/dev/null 2>&1 || fail "GStreamer's avdec_h264 is missing (gstreamer1.0-libav)"
say "ready"
