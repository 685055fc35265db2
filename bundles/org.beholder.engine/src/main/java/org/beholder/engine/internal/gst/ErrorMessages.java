package org.beholder.engine.internal.gst;

/** Turns GStreamer's error texts into messages a camera owner can act on. */
final class ErrorMessages {
    private ErrorMessages() {
    }

    /** A failure and whether the user must change something (as opposed to waiting for the network). */
    record Failure(String message, boolean userMustFix) {
    }

    static Failure explain(String element, String text, String target) {
        String lower = text.toLowerCase();
        if (lower.contains("unauthorized") || lower.contains("401")) {
            return new Failure("Wrong username or password (401 Unauthorized) for " + target, true);
        }
        if (lower.contains("forbidden") || lower.contains("403")) {
            return new Failure("Access forbidden (403) for " + target + ": the user lacks permission", true);
        }
        if (lower.contains("not found") || lower.contains("404")) {
            return new Failure("Stream path not found (404) at " + target + ": check the URL's path", true);
        }
        if (lower.contains("could not open resource for reading and writing")) {
            return new Failure("Cannot connect to " + target + " (host unreachable or connection refused)", false);
        }
        if (lower.contains("no such file") || (element.startsWith("filesrc") && lower.contains("could not open"))) {
            return new Failure("File not found: " + target, true);
        }
        if (lower.contains("udp")) {
            return new Failure("No UDP packets from " + target + ": try transport TCP", false);
        }
        if ((element.startsWith("avdec") || element.startsWith("h26") || element.startsWith("rtph26"))
                && lower.contains("decode")) {
            return new Failure("The stream from " + target + " cannot be decoded: the camera sends corrupt data ("
                    + text + ")", true);
        }
        if (lower.contains("unhandled error")) { // rtspsrc: an RTSP error reply it has no message for
            return new Failure("The camera at " + target + " refused to play the stream (an RTSP error such as"
                    + " 503 Service Unavailable: the camera cannot encode or describe this stream, or has too many"
                    + " viewers)", false);
        }
        if (lower.contains("not-negotiated") || lower.contains("no decoder") || lower.contains("missing")) {
            return new Failure("Unsupported stream from " + target + ": " + text, true);
        }
        return new Failure("Stream error from " + target + ": " + text, false);
    }
}
