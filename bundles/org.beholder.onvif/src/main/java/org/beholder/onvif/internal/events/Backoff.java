package org.beholder.onvif.internal.events;

import java.time.Duration;
import java.time.Instant;

/**
 * The wait before subscribing again: 1 s, doubling to at most 5 minutes; back to 1 s once a subscription has
 * been healthy for 5 minutes. Not thread-safe: used by one subscription's steps, which never overlap.
 */
final class Backoff {
    static final Duration FIRST = Duration.ofSeconds(1);
    static final Duration MAX = Duration.ofSeconds(300);
    static final Duration HEALTHY_RESET = Duration.ofMinutes(5);

    private Duration next = FIRST;
    private Instant healthySince;

    void healthy(Instant since) {
        healthySince = since;
    }

    /** Called while healthy: forgets past failures once healthy long enough. */
    void stillHealthy(Instant now) {
        if (healthySince != null && Duration.between(healthySince, now).compareTo(HEALTHY_RESET) >= 0) {
            next = FIRST;
        }
    }

    /** The wait after a failure now; the following one will be twice as long, up to the cap. */
    Duration failed(Instant now) {
        stillHealthy(now);
        healthySince = null;
        Duration wait = next;
        next = wait.multipliedBy(2).compareTo(MAX) > 0 ? MAX : wait.multipliedBy(2);
        return wait;
    }
}
