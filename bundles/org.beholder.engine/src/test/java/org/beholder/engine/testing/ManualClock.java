package org.beholder.engine.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A wall clock that stands still until the test moves it: time-driven behaviour without sleeping. */
public final class ManualClock implements InstantSource {
    private final AtomicLong millis;

    public ManualClock(Instant start) {
        this.millis = new AtomicLong(start.toEpochMilli());
    }

    public void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    /** Moves to {@code time}, which must not be in this clock's past. */
    public void set(Instant time) {
        long to = time.toEpochMilli();
        if (to < millis.get()) {
            throw new IllegalArgumentException("the test clock does not run backwards: " + time);
        }
        millis.set(to);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }
}
