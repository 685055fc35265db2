package org.beholder.analytics.internal.tracking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.beholder.analytics.AnalyticsConfig;
import org.beholder.analytics.Detection;
import org.beholder.analytics.TrackEvent.Change;
import org.beholder.analytics.TrackedObject;
import org.beholder.analytics.Zone;

/** The mutable state of one track; {@link ObjectTracker} owns it and hands out {@link TrackedObject} snapshots. */
final class Track {
    /** A better detection is news only when it beats the last reported best by this much (fewer updates). */
    private static final double REPORTED_SCORE_STEP = 0.05;

    final long id;
    final String label;
    final Instant start;
    Instant lastSeen;
    Detection latest;
    Detection best;
    Instant bestTime;
    int hits;
    int misses;
    boolean confirmed;
    boolean stationary;
    private double reportedBestScore;
    private final Set<String> zones = new LinkedHashSet<>();
    /** Where and since when the box has stayed put; reset whenever it moves. */
    private Detection anchor;
    private Instant anchorTime;

    Track(long id, Detection detection, Instant time) {
        this.id = id;
        this.label = detection.label();
        this.start = time;
        this.lastSeen = time;
        this.latest = detection;
        this.best = detection;
        this.bestTime = time;
        this.hits = 1;
        this.anchor = detection;
        this.anchorTime = time;
    }

    /** Notes zones its bottom centre is in; returns whether it entered a new one. */
    boolean enterZones(List<Zone> configured) {
        double x = clamp(latest.x() + latest.width() / 2);
        double y = clamp(latest.y() + latest.height()); // where it stands, not the middle of its body
        boolean entered = false;
        for (Zone zone : configured) {
            if (zone.area().contains(x, y)) {
                entered |= zones.add(zone.name());
            }
        }
        return entered;
    }

    /** Seen again in this run: returns what changed that a confirmed track reports. */
    Set<Change> matched(Detection detection, Instant time, List<Zone> configured, AnalyticsConfig.Tracking settings) {
        Set<Change> changes = new LinkedHashSet<>();
        hits++;
        misses = 0;
        lastSeen = time;
        latest = detection;
        if (detection.score() > best.score()) {
            best = detection;
            bestTime = time;
            if (detection.score() >= reportedBestScore + REPORTED_SCORE_STEP) {
                changes.add(Change.BETTER_SCORE);
            }
        }
        if (enterZones(configured)) {
            changes.add(Change.ZONE_ENTERED);
        }
        if (barelyMoved(anchor, detection, settings.stationaryMovement())) {
            // only a confirmed object can become stationary: its arrival is always news
            if (confirmed && !stationary
                    && Duration.between(anchorTime, time).compareTo(settings.stationaryAfter()) >= 0) {
                stationary = true;
                changes.add(Change.BECAME_STATIONARY);
            }
        } else {
            anchor = detection;
            anchorTime = time;
            if (stationary) {
                stationary = false;
                changes.add(Change.MOVING_AGAIN);
            }
        }
        return changes;
    }

    /** Seen where a stationary object of its class stood before: nothing new, it is stationary already. */
    void continuesStationary() {
        stationary = true;
    }

    /** Called when its start or an update has been reported. */
    void reported() {
        reportedBestScore = best.score();
    }

    TrackedObject snapshot() {
        return new TrackedObject(id, label, start, lastSeen, latest, best, bestTime, new ArrayList<>(zones),
                stationary);
    }

    /** Centre and both sides moved less than {@code fraction} of the anchor's larger side. */
    static boolean barelyMoved(Detection anchor, Detection now, double fraction) {
        double limit = fraction * Math.max(anchor.width(), anchor.height());
        double dx = (now.x() + now.width() / 2) - (anchor.x() + anchor.width() / 2);
        double dy = (now.y() + now.height() / 2) - (anchor.y() + anchor.height() / 2);
        return Math.hypot(dx, dy) <= limit && Math.abs(now.width() - anchor.width()) <= limit
                && Math.abs(now.height() - anchor.height()) <= limit;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
