package org.beholder.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What analytics report about a channel. */
public sealed interface AnalyticsEvent {

    String channel();

    Instant time();

    /** Motion began in a zone (level above the threshold). */
    record MotionStarted(String channel, Instant time, String zone, double level) implements AnalyticsEvent {
    }

    /** Motion ended in a zone (level below the stop level for the hold time). */
    record MotionStopped(String channel, Instant time, String zone) implements AnalyticsEvent {
    }

    /** The motion level of every keyframe, 0..1, for gauges; zone = the highest zone's name. */
    record MotionLevel(String channel, Instant time, double level, String zone) implements AnalyticsEvent {
    }

    /**
     * A detector run: what it saw (after score and class filters) and how many of each class. Sent after every run,
     * so counts can fall to zero; {@code appeared} lists the classes whose count rose since the previous run.
     */
    record ObjectsSeen(String channel, Instant time, List<Detection> detections, Map<String, Integer> counts,
            List<String> appeared) implements AnalyticsEvent {
    }

    /** A QR code came into view (not repeated while it stays in view). */
    record QrCodeSeen(String channel, Instant time, String text) implements AnalyticsEvent {
    }
}
