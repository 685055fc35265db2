package org.beholder.engine.internal.gst;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * The gst-launch text of each part of a channel's pipeline. The tail is the same for every source: parse, force
 * byte-stream/AU alignment (without it mpegtsmux writes a PES per NAL unit and mpegts.js cannot decode), then a
 * tee into the TS muxer and into the keyframe-only decoder.
 */
final class SourceDescriptions {
    static final String TS_SINK = "ts";
    static final String KEYFRAME_SINK = "keyframes";
    /** Test pictures that move (so analytics have something to see) or scroll with {@code speed}. */
    private static final java.util.Set<String> TEST_PATTERNS = java.util.Set.of("ball", "smpte", "snow",
            "pinwheel", "spokes", "circular", "bar", "zone-plate");

    private SourceDescriptions() {
    }

    /** Codec-specific tail from the parser on; {@code codec} is "h264" or "h265". */
    static String tail(String codec, boolean paceToClock) {
        return codec + "parse config-interval=-1"
                + " ! video/x-" + codec + ",stream-format=byte-stream,alignment=au"
                + " ! tee name=split"
                + " split. ! queue max-size-buffers=0 max-size-bytes=0 max-size-time=3000000000"
                + " ! mpegtsmux alignment=0"
                + " ! appsink name=" + TS_SINK + " emit-signals=true buffer-list=true sync=" + paceToClock
                + " split. ! identity drop-buffer-flags=delta-unit"
                + " ! queue leaky=downstream max-size-buffers=2 max-size-bytes=0 max-size-time=0"
                + " ! avdec_" + codec + " max-threads=1 ! videoconvert ! video/x-raw,format=I420"
                + " ! appsink name=" + KEYFRAME_SINK + " emit-signals=true sync=false max-buffers=1 drop=true";
    }

    /**
     * The RTP depayloader, asked for whole access units in packetised form: in byte-stream mode rtph264depay
     * hands a keyframe over as two buffers (parameter sets with the timestamp, the IDR slice without one), which
     * would become two PES packets, one of them without PTS. The parser then converts to byte-stream.
     */
    static String rtpDepay(String codec) {
        String packetised = codec.equals("h265") ? "hvc1" : "avc";
        return "rtp" + codec + "depay ! video/x-" + codec + ",stream-format=" + packetised + ",alignment=au";
    }

    /**
     * The built-in camera: x264 with a fixed GOP. Query: width, height, fps, gop, bitrate, pattern (default a
     * moving ball), speed (horizontal scrolling in pixels per frame).
     */
    static String testSource(URI uri) {
        Map<String, String> query = query(uri);
        int width = intParam(query, "width", 640);
        int height = intParam(query, "height", 360);
        int fps = intParam(query, "fps", 15);
        int gop = intParam(query, "gop", fps);
        int kbps = intParam(query, "bitrate", 800);
        String pattern = query.getOrDefault("pattern", "ball");
        if (!TEST_PATTERNS.contains(pattern)) {
            throw new IllegalArgumentException("test source pattern must be one of " + TEST_PATTERNS);
        }
        int speed = query.containsKey("speed") ? intParam(query, "speed", 1) : 0;
        return "videotestsrc is-live=true pattern=" + pattern + (speed > 0 ? " horizontal-speed=" + speed : "")
                + " ! video/x-raw,width=" + width + ",height=" + height + ",framerate=" + fps + "/1"
                + " ! x264enc key-int-max=" + gop + " tune=zerolatency speed-preset=ultrafast bitrate=" + kbps
                + " option-string=scenecut=0 ! " + tail("h264", false);
    }

    /** The depayloader for an RTP encoding name, or null when Beholder does not record that codec. */
    static String codecOfRtp(String encodingName) {
        return switch (encodingName.toUpperCase()) {
            case "H264" -> "h264";
            case "H265" -> "h265";
            default -> null;
        };
    }

    /** What the status says about a video codec Beholder does not record. */
    static String unsupportedCodec(String codecName) {
        return "Unsupported codec: " + codecName + " (Beholder records H.264 and H.265 without re-encoding)";
    }

    /** A person's name for the video codec of an RTP encoding name. */
    static String nameOfRtp(String encodingName) {
        return switch (encodingName.toUpperCase()) {
            case "MPV" -> "MPEG-1/2 video";
            case "MP4V-ES" -> "MPEG-4 Part 2 video";
            case "JPEG" -> "Motion JPEG";
            case "H263", "H263-1998", "H263-2000" -> "H.263";
            case "MP2T" -> "MPEG-TS over RTP";
            default -> encodingName;
        };
    }

    /** A person's name for the video codec of an elementary stream's caps ({@code mpegVersion} for video/mpeg). */
    static String nameOfCaps(String capsName, int mpegVersion) {
        return switch (capsName) {
            case "video/mpeg" -> mpegVersion == 4 ? "MPEG-4 Part 2 video" : "MPEG-" + mpegVersion + " video";
            case "image/jpeg" -> "Motion JPEG";
            case "video/x-h263" -> "H.263";
            case "video/x-vp8" -> "VP8";
            case "video/x-vp9" -> "VP9";
            case "video/x-av1" -> "AV1";
            default -> capsName;
        };
    }

    /** The codec of a parsed elementary stream's caps name, or null. */
    static String codecOfCaps(String capsName) {
        return switch (capsName) {
            case "video/x-h264" -> "h264";
            case "video/x-h265" -> "h265";
            default -> null;
        };
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> out = new HashMap<>();
        String query = uri.getRawQuery() != null ? uri.getRawQuery() : uri.getRawSchemeSpecificPart();
        if (query == null) {
            return out;
        }
        int mark = query.indexOf('?');
        for (String pair : (mark >= 0 ? query.substring(mark + 1) : query).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return out;
    }

    private static int intParam(Map<String, String> query, String key, int fallback) {
        String value = query.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed <= 0 || parsed > 20_000) {
                throw new NumberFormatException();
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("test source parameter " + key + "=" + value
                    + " is not a positive number");
        }
    }
}
