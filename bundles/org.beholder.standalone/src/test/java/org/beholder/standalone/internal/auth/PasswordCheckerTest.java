package org.beholder.standalone.internal.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

class PasswordCheckerTest {
    private static final String ALICE = PasswordHash.hash("wonderland".toCharArray());

    /** The real PBKDF2 check, recording which hash each check derived against. */
    private final List<String> derivedAgainst = new CopyOnWriteArrayList<>();
    private final PasswordChecker.Verifier counting = (password, hash) -> {
        derivedAgainst.add(hash);
        return PasswordHash.verify(password, hash);
    };

    @Test
    void anUnknownUserCostsTheSameFullPbkdf2AsAKnownOne() {
        PasswordChecker checker = new PasswordChecker(2, Duration.ofSeconds(1), counting, InstantSource.system());
        assertEquals(PasswordChecker.Result.WRONG, checker.check("alice", "guess", ALICE));
        assertEquals(PasswordChecker.Result.WRONG, checker.check("mallory", "guess", null));
        assertEquals(PasswordChecker.Result.WRONG, checker.check("mallory", "guess", null), "never remembered");
        assertEquals(3, derivedAgainst.size(), "one full derivation per check, known or not");
        assertEquals(ALICE, derivedAgainst.get(0));
        String dummy = derivedAgainst.get(1);
        assertTrue(dummy.startsWith("pbkdf2-sha256:" + PasswordHash.ITERATIONS + ":"), "same strength: " + dummy);
        assertEquals(ALICE.length(), dummy.length(), "same salt and hash sizes");
    }

    @Test
    void aCorrectPasswordIsRememberedForFiveMinutesOnly() {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
        PasswordChecker checker = new PasswordChecker(2, Duration.ofSeconds(1), counting, now::get);
        assertEquals(PasswordChecker.Result.CORRECT, checker.check("alice", "wonderland", ALICE));
        assertEquals(PasswordChecker.Result.CORRECT, checker.check("alice", "wonderland", ALICE));
        assertEquals(1, derivedAgainst.size(), "the browser's next requests cost nothing");
        now.set(now.get().plus(PasswordChecker.REMEMBER_CORRECT).plusSeconds(1));
        assertEquals(PasswordChecker.Result.CORRECT, checker.check("alice", "wonderland", ALICE));
        assertEquals(2, derivedAgainst.size(), "checked again after five minutes");
    }

    @Test
    void atMostTwoChecksRunAtOnceAndAThirdThatFindsNoTurnIsBusy() throws Exception {
        CountDownLatch twoRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        PasswordChecker checker = new PasswordChecker(2, Duration.ofMillis(200), (password, hash) -> {
            twoRunning.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return counting.verify(password, hash);
        }, InstantSource.system());
        ExecutorService clients = Executors.newFixedThreadPool(2);
        try {
            Future<PasswordChecker.Result> first = clients.submit(() -> checker.check("alice", "a", ALICE));
            Future<PasswordChecker.Result> second = clients.submit(() -> checker.check("bob", "b", null));
            assertTrue(twoRunning.await(30, TimeUnit.SECONDS));
            assertEquals(PasswordChecker.Result.BUSY, checker.check("carol", "c", null));
            release.countDown();
            assertEquals(PasswordChecker.Result.WRONG, first.get(30, TimeUnit.SECONDS));
            assertEquals(PasswordChecker.Result.WRONG, second.get(30, TimeUnit.SECONDS));
            assertEquals(2, derivedAgainst.size(), "the busy one hashed nothing");
            assertEquals(PasswordChecker.Result.CORRECT, checker.check("alice", "wonderland", ALICE), "free again");
        } finally {
            clients.shutdownNow();
        }
    }
}
