package org.beholder.analytics;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What a channel's analytics do. Defaults: motion on (threshold 0.02, stop below half of it, 5 s hold), the whole
 * picture as one zone, no masks, QR off, objects off (every 30 s while idle, at most once a second during motion,
 * score ≥ 0.5, all classes). Analytics only reports what it sees; what records is decided above it (core's
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
     * @param classes      keep only these COCO classes (empty = all)
     */
    public record Objects(boolean enabled, Duration idleInterval, double maxRate, double minScore,
            Set<String> classes) {
        public Objects {
            if (maxRate <= 0 || minScore < 0 || minScore > 1) {
                throw new IllegalArgumentException("objects maxRate must be > 0 and minScore in 0..1");
            }
            classes = Set.copyOf(classes);
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
