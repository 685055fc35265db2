package org.beholder.core.events;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids that sort by time and do not repeat: the event's time in milliseconds, a tag chosen at random when
 * the process starts (so two runs never hand out the same id) and a counter, all base 36.
 */
final class EventIds {
    private static final String PROCESS_TAG = Long.toString(new SecureRandom().nextLong() >>> 24, 36);
    private static final AtomicLong COUNTER = new AtomicLong();

    private EventIds() {
    }

    static String next(Instant time) {
        return Long.toString(time.toEpochMilli(), 36) + "-" + PROCESS_TAG + "-"
                + Long.toString(COUNTER.incrementAndGet(), 36);
    }
}
