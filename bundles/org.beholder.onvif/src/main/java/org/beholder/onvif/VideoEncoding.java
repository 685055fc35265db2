package org.beholder.onvif;

import java.time.Duration;
import java.util.Optional;

/**
 * A profile's video encoder configuration. Unknown numbers are 0 (devices omit optional elements).
 *
 * @param codec as the device names it: H264, H265, JPEG, MPEG4
 * @param frameRate frames per second (FrameRateLimit)
 * @param gopLength frames from one keyframe to the next (GovLength)
 * @param bitrateKbps BitrateLimit, kbit/s
 */
public record VideoEncoding(String token, String codec, int width, int height, double frameRate, int gopLength,
        int bitrateKbps) {

    public long pixels() {
        return (long) width * height;
    }

    /** Seconds between keyframes, when both GOP length and frame rate are known. */
    public Optional<Duration> gopDuration() {
        if (gopLength <= 0 || frameRate <= 0) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(Math.round(gopLength * 1000.0 / frameRate)));
    }

    /**
     * True when keyframes come further apart than {@code preRoll}: a recording then cannot start that far back
     * at a keyframe, and a host should warn. False when the GOP is unknown.
     */
    public boolean gopLongerThan(Duration preRoll) {
        return gopDuration().map(gop -> gop.compareTo(preRoll) > 0).orElse(false);
    }
}
