package org.beholder.engine.internal.channel;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential reconnect delay: 1 s, 2 s, 4 s ... capped at 60 s, plus up to 20 % jitter so cameras behind one
 * switch do not all reconnect in the same second. */
final class Backoff {
    private static final long FIRST_MILLIS = 1_000;
    private static final long CAP_MILLIS = 60_000;

    private int failures;

    Duration next() {
        long base = Math.min(CAP_MILLIS, FIRST_MILLIS << Math.min(failures, 16));
        failures++;
        long jitter = (long) (base * 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis(base + jitter);
    }

    void reset() {
        failures = 0;
    }
}
