package org.beholder.analytics.internal.motion;

import java.time.Duration;
import java.time.Instant;

import org.beholder.analytics.AnalyticsConfig;

/** Start/stop of one zone: starts at the threshold, stops when below the stop level for the hold time. */
public final class MotionState {
    public enum Change {
        NONE,
        STARTED,
        STOPPED
    }

    private final AnalyticsConfig.Motion settings;
    private boolean active;
    private Instant quietSince;

    public MotionState(AnalyticsConfig.Motion settings) {
        this.settings = settings;
    }

    public Change update(double level, Instant now) {
        if (!active) {
            if (level >= settings.threshold()) {
                active = true;
                quietSince = null;
                return Change.STARTED;
            }
            return Change.NONE;
        }
        if (level >= settings.stopLevel()) {
            quietSince = null;
            return Change.NONE;
        }
        if (quietSince == null) {
            quietSince = now;
        }
        if (Duration.between(quietSince, now).compareTo(settings.hold()) >= 0) {
            active = false;
            quietSince = null;
            return Change.STOPPED;
        }
        return Change.NONE;
    }

    public boolean active() {
        return active;
    }
}
