package org.beholder.onvif;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The time source and task runner of an event subscription: injected so tests drive time step by step instead
 * of sleeping through renewals and backoffs.
 */
public interface EventScheduler {
    Instant now();

    /** Runs {@code task} once after {@code delay}. */
    void schedule(Runnable task, Duration delay);

    static EventScheduler of(ScheduledExecutorService executor, InstantSource clock) {
        return new EventScheduler() {
            @Override
            public Instant now() {
                return clock.instant();
            }

            @Override
            public void schedule(Runnable task, Duration delay) {
                if (!executor.isShutdown()) {
                    executor.schedule(task, Math.max(0L, delay.toMillis()), TimeUnit.MILLISECONDS);
                }
            }
        };
    }
}
