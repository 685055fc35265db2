package org.beholder.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a channel's analytics do. Defaults: motion on (threshold 0.02, stop below half of it, 5 s hold), the whole
 * picture as one zone, no masks, QR off, objects off (every 30 s while idle, at most once a second during motion,
 * score ≥ 0.5, all classes, {@link Tracking#defaults() default tracking}). Analytics only reports what it sees; what records is decided above it (core's
 * recording policy).
 *
 * @param motion          motion detection settings
 * @param zones           where motion is measured (empty = the whole picture)
 * @param masks           where motion is never measured (trees, a busy road)
 * @param qrCodes         read QR codes on keyframes
 * @param objects         object detection settings
 */
public record AnalyticsConfig(Motion motion, List<Zone> zones, List<Polygon> masks, boolean qrCodes,
        Objects objects) {

    /**
     * @param threshold  motion level (0..1) at which motion starts
     * @param hysteresis fraction of the threshold below which motion may stop (0.5 = stop below half)
     * @param hold       how long the level must stay low before motion stops
     */
    public record Motion(boolean enabled, double threshold, double hysteresis, Duration hold) {
        public Motion {
            if (threshold <= 0 || threshold >= 1 || hysteresis < 0 || hysteresis >= 1) {
                throw new IllegalArgumentException("motion threshold must be in (0,1) and hysteresis in [0,1)");
            }
        }

        public double stopLevel() {
            return threshold * (1 - hysteresis);
        }
    }

    /**
     * @param idleInterval run the detector this often while nothing moves
     * @param maxRate      at most this many runs per second while motion lasts
     * @param minScore     drop detections below this score
     * @param classes      keep only these COCO classes (empty or containing {@code all} = all; darknet's names
     *                     are mapped, see {@link CocoClasses})
     * @param tracking     how detections across runs become tracked objects
     */
    public record Objects(boolean enabled, Duration idleInterval, double maxRate, double minScore,
            Set<String> classes, Tracking tracking) {
        public Objects {
            if (maxRate <= 0 || minScore < 0 || minScore > 1) {
                throw new IllegalArgumentException("objects maxRate must be > 0 and minScore in 0..1");
            }
            classes = Set.copyOf(classes);
        }

        /** With the default tracking. */
        public Objects(boolean enabled, Duration idleInterval, double maxRate, double minScore, Set<String> classes) {
            this(enabled, idleInterval, maxRate, minScore, classes, Tracking.defaults());
        }

        public Objects withTracking(Tracking value) {
            return new Objects(enabled, idleInterval, maxRate, minScore, classes, value);
        }
    }

    /**
     * How the tracker turns detections of successive detector runs into objects (docs/design/analytics.md,
     * "Tracked objects").
     *
     * @param matchIou           a detection continues a track of its class when their boxes overlap at least this
     *                           much (intersection over union)
     * @param confirmHits        a track counts as an object after this many runs in a row that saw it ...
     * @param confirmScore       ... or after one run that saw it with at least this score
     * @param holdOffRuns        a confirmed object ends after this many runs in a row without it ...
     * @param holdOff            ... and at least this long without it (both, so one missed run never splits it)
     * @param stationaryAfter    an object whose box stays put this long is stationary (reported, not re-triggering)
     * @param stationaryMovement "stays put": its centre and sides move less than this fraction of its larger side
     * @param stationaryMemory   how long the place of a stationary object that vanished is remembered: a track of
     *                           its class that appears there again is stationary from the start
     * @param maxTracks          at most this many tracks per channel (bounded memory); detections that would start
     *                           another are ignored (counted) until one ends
     */
    public record Tracking(double matchIou, int confirmHits, double confirmScore, int holdOffRuns, Duration holdOff,
            Duration stationaryAfter, double stationaryMovement, Duration stationaryMemory, int maxTracks) {
        public Tracking {
            if (matchIou <= 0 || matchIou > 1 || confirmHits < 1 || confirmScore < 0 || confirmScore > 1
                    || holdOffRuns < 1 || holdOff.isNegative() || stationaryAfter.isNegative()
                    || stationaryMovement < 0 || stationaryMemory.isNegative() || maxTracks < 1) {
                throw new IllegalArgumentException("tracking: matchIou in (0,1], confirmHits >= 1, confirmScore in"
                        + " 0..1, holdOffRuns >= 1, maxTracks >= 1, durations and movement not negative");
            }
        }

        /**
         * IoU 0.3; confirmed after 2 runs or one at score 0.8; ends after 3 missed runs and 5 s; stationary after
         * 30 s within 10% of its size, remembered for an hour; 50 tracks.
         */
        public static Tracking defaults() {
            return new Tracking(0.3, 2, 0.8, 3, Duration.ofSeconds(5), Duration.ofSeconds(30), 0.1,
                    Duration.ofHours(1), 50);
        }
    }

    public AnalyticsConfig {
        zones = List.copyOf(zones);
        masks = List.copyOf(masks);
    }

    public static AnalyticsConfig defaults() {
        return new AnalyticsConfig(new Motion(true, 0.02, 0.5, Duration.ofSeconds(5)), List.of(), List.of(), false,
                new Objects(false, Duration.ofSeconds(30), 1.0, 0.5, Set.of()));
    }

    public List<Zone> effectiveZones() {
        return zones.isEmpty() ? List.of(Zone.wholePicture()) : zones;
    }

    public AnalyticsConfig withMotion(Motion value) {
        return new AnalyticsConfig(value, zones, masks, qrCodes, objects);
    }

    public AnalyticsConfig withRegions(List<Zone> newZones, List<Polygon> newMasks) {
        return new AnalyticsConfig(motion, newZones, newMasks, qrCodes, objects);
    }

    public AnalyticsConfig withQrCodes(boolean value) {
        return new AnalyticsConfig(motion, zones, masks, value, objects);
    }

    public AnalyticsConfig withObjects(Objects value) {
        return new AnalyticsConfig(motion, zones, masks, qrCodes, value);
    }
}
