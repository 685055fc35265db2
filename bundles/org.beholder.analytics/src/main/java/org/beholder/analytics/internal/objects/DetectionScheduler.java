package org.beholder.analytics.internal.objects;

import java.time.Duration;
import java.time.Instant;

import org.beholder.analytics.AnalyticsConfig;

/**
 * When to run the object detector on a keyframe: every {@code idleInterval} while nothing moves, and as often as
 * {@code maxRate} allows while motion lasts.
 */
public final class DetectionScheduler {
    private final AnalyticsConfig.Objects settings;
    private final Duration minGap;
    private Instant lastRun;

    public DetectionScheduler(AnalyticsConfig.Objects settings) {
        this.settings = settings;
        this.minGap = Duration.ofNanos((long) (1e9 / settings.maxRate()));
    }

    public boolean due(Instant now, boolean motion) {
        if (!settings.enabled()) {
            return false;
        }
        if (lastRun == null) {
            return true;
        }
        Duration since = Duration.between(lastRun, now);
        return since.compareTo(motion ? minGap : settings.idleInterval()) >= 0;
    }

    public void ran(Instant now) {
        lastRun = now;
    }
}
