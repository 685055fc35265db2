package org.beholder.standalone.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(new LoginThrottle.Policy(5, 20, Duration.ofMinutes(1),
            Duration.ofMinutes(15), Duration.ofHours(1), 100), now::get);

    private void advance(Duration duration) {
        now.set(now.get().plus(duration));
    }

    @Test
    void aUserIsLockedOutAfterFiveFailuresForALongerTimeAfterEachFurtherFailure() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0." + i);
            assertEquals(Duration.ZERO, throttle.lockedFor("alice", "10.0.0.9"), "failure " + (i + 1));
        }
        throttle.failed("alice", "10.0.0.4");
        assertEquals(Duration.ofMinutes(1), throttle.lockedFor("alice", "10.0.0.9"), "from any address");
        assertEquals(Duration.ZERO, throttle.lockedFor("bob", "10.0.0.9"), "other users may log in");
        advance(Duration.ofSeconds(59));
        assertEquals(Duration.ofSeconds(1), throttle.lockedFor("alice", "10.0.0.9"));
        advance(Duration.ofSeconds(1));
        assertEquals(Duration.ZERO, throttle.lockedFor("alice", "10.0.0.9"), "the lock-out ends");

        throttle.failed("alice", "10.0.0.5");
        assertEquals(Duration.ofMinutes(2), throttle.lockedFor("alice", "10.0.0.9"), "doubled");
        for (int minutes : new int[] { 4, 8, 15, 15 }) {
            advance(throttle.lockedFor("alice", "10.0.0.9"));
            throttle.failed("alice", "10.0.0.6");
            assertEquals(Duration.ofMinutes(minutes), throttle.lockedFor("alice", "10.0.0.9"));
        }
    }

    @Test
    void aCorrectPasswordOrAnHourWithoutFailuresStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.1");
        }
        throttle.succeeded("alice");
        for (int i = 0; i < 4; i++) {
            throttle.failed("alice", "10.0.0.2");
        }
        assertEquals(Duration.ZERO, throttle.lockedFor("alice", "10.0.0.3"), "count started again");
        advance(Duration.ofHours(1).plusSeconds(1));
        throttle.failed("alice", "10.0.0.2");
        assertEquals(Duration.ZERO, throttle.lockedFor("alice", "10.0.0.3"), "forgotten after an hour");
    }

    @Test
    void anAddressGuessingManyNamesIsLockedOutForAllOfThem() {
        for (int i = 0; i < 19; i++) {
            throttle.failed("user" + i, "10.0.0.7");
        }
        assertEquals(Duration.ZERO, throttle.lockedFor("alice", "10.0.0.7"));
        throttle.failed(null, "10.0.0.7"); // e.g. a malformed Authorization header
        assertEquals(Duration.ofMinutes(1), throttle.lockedFor("alice", "10.0.0.7"), "any name from there");
        assertEquals(Duration.ZERO, throttle.lockedFor("alice", "10.0.0.8"), "other addresses are not");
    }

    @Test
    void unknownNamesAreCountedLikeKnownOnesAndAFloodOfNamesUnlocksNobody() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("nobody", "10.1.0." + i);
        }
        assertTrue(throttle.lockedFor("nobody", "10.2.0.1").toSeconds() > 0, "same answer as for a real name");
        for (int i = 0; i < 10_000; i++) {
            throttle.failed("random" + i, "10.3." + (i / 250) + "." + (i % 250));
        }
        assertTrue(throttle.lockedFor("nobody", "10.2.0.1").toSeconds() > 0, "a flood does not unlock");
    }
}
