package org.beholder.analytics;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
     * A detector run, sent after every run. What it saw, and what that means for the objects it tracks:
     *
     * @param detections what the detector saw (after the score and class filters, labels as COCO standard names)
     * @param counts     confirmed objects in view per class; a class counted by the previous run and gone now is
     *                   counted 0 once, so counts can fall to zero
     * @param appeared   the class of each object that became confirmed in this run and is not stationary, once per
     *                   object (two new people: {@code [person, person]})
     * @param tracks     what happened to tracked objects in this run, in order: ended, updated, started
     * @param objects    the confirmed objects in view after this run (including those missed for less than the
     *                   hold-off), oldest first
     */
    record ObjectsSeen(String channel, Instant time, List<Detection> detections, Map<String, Integer> counts,
            List<String> appeared, List<TrackEvent> tracks, List<TrackedObject> objects) implements AnalyticsEvent {

        public ObjectsSeen {
            detections = List.copyOf(detections);
            counts = Collections.unmodifiableMap(new TreeMap<>(counts)); // sorted by class, for display
            appeared = List.copyOf(appeared);
            tracks = List.copyOf(tracks);
            objects = List.copyOf(objects);
        }

        /** A run without tracking information (tests, other sources). */
        public ObjectsSeen(String channel, Instant time, List<Detection> detections, Map<String, Integer> counts,
                List<String> appeared) {
            this(channel, time, detections, counts, appeared, List.of(), List.of());
        }
    }

    /** A QR code came into view (not repeated while it stays in view). */
    record QrCodeSeen(String channel, Instant time, String text) implements AnalyticsEvent {
    }
}
