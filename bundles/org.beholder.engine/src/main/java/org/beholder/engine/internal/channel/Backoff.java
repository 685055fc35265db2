package org.beholder.engine.internal.channel;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect delays: 1 s, 2 s, 4 s ... capped at 60 s, plus up to 20 % jitter so cameras behind one switch do not
 * all reconnect in the same second. A stream that was healthy until {@link #FAST_RETRY_WINDOW} ago is retried
 * every second instead: a camera that reboots or a cable that is plugged back is then streaming again within
 * seconds, where the doubling would leave it unwatched and unrecorded for up to a minute. Only a source that stays
 * away longer than the window (or never worked) backs off.
 */
final class Backoff {
    static final Duration FAST_RETRY_WINDOW = Duration.ofSeconds(30);
    private static final long FIRST_MILLIS = 1_000;
    private static final long CAP_MILLIS = 60_000;

    private int failures;
    private long healthyAtNanos;
    private boolean everHealthy;

    Duration next() {
        if (everHealthy && System.nanoTime() - healthyAtNanos < FAST_RETRY_WINDOW.toNanos()) {
            return withJitter(FIRST_MILLIS);
        }
        long base = Math.min(CAP_MILLIS, FIRST_MILLIS << Math.min(failures, 16));
        failures++;
        return withJitter(base);
    }

    private static Duration withJitter(long base) {
        long jitter = (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(base + jitter);
    }

    /** The stream is healthy now (data flows): the next failures start over, quickly. */
    void healthy() {
        failures = 0;
        healthyAtNanos = System.nanoTime();
        everHealthy = true;
    }
}
