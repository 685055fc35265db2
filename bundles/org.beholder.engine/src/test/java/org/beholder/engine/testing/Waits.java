package org.beholder.engine.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Polling waits for asynchronous outcomes, failing with a description of what was last seen. */
public final class Waits {
    private Waits() {
    }

    public static void until(Duration timeout, BooleanSupplier condition, Supplier<String> lastSeen)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s; last seen: " + lastSeen.get());
            }
            Thread.sleep(50);
        }
    }
}
