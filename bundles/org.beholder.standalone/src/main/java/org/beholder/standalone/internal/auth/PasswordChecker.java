package org.beholder.standalone.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Checks passwords against PBKDF2 hashes, which is slow on purpose, so that it cannot be turned against the
 * recorder or against the users:
 * <ul>
 * <li>at most {@code permits} checks run at once (a flood of logins cannot take every core from the cameras); a
 * check that finds no permit within {@code wait} is answered {@link Result#BUSY};</li>
 * <li>a user name that does not exist is checked against a dummy hash of the standard strength, so it costs the
 * same as a real one and the time of the answer does not tell which names exist;</li>
 * <li>a correct password is remembered for a few minutes (as a SHA-256 of name and password, in memory only), so a
 * browser that sends it with every request is not slowed down.</li>
 * </ul>
 */
public final class PasswordChecker {
    static final Duration REMEMBER_CORRECT = Duration.ofMinutes(5);

    public enum Result {
        CORRECT, WRONG, BUSY
    }

    /** PBKDF2 verification, {@link PasswordHash#verify} outside tests. */
    @FunctionalInterface
    public interface Verifier {
        boolean verify(char[] password, String hash);
    }

    private final Semaphore permits;
    private final Duration wait;
    private final Verifier verifier;
    private final InstantSource clock;
    private final String dummyHash;
    private final Map<String, Instant> rememberedCorrect = new ConcurrentHashMap<>();

    public PasswordChecker(int permits, Duration wait, Verifier verifier, InstantSource clock) {
        this.permits = new Semaphore(permits, true);
        this.wait = wait;
        this.verifier = verifier;
        this.clock = clock;
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        this.dummyHash = PasswordHash.hash(Base64.getEncoder().encodeToString(random).toCharArray());
    }

    /** Half the cores (at least one, at most two) for hashing, waiting a second for a turn. */
    public static PasswordChecker standard() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new PasswordChecker(Math.max(1, Math.min(2, cores / 2)), Duration.ofSeconds(1), PasswordHash::verify,
                InstantSource.system());
    }

    /** Checks the password of a user whose stored hash is {@code storedHash}, or null for an unknown user. */
    public Result check(String user, String password, String storedHash) {
        Instant now = clock.instant();
        String remembered = sha256(user + ":" + password);
        Instant until = rememberedCorrect.get(remembered);
        if (storedHash != null && until != null && until.isAfter(now)) {
            return Result.CORRECT;
        }
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return Result.BUSY;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Result.BUSY;
        }
        boolean correct;
        try {
            // Unknown users run the same derivation against the dummy hash; its answer is thrown away.
            boolean matches = verifier.verify(password.toCharArray(), storedHash != null ? storedHash : dummyHash);
            correct = storedHash != null && matches;
        } finally {
            permits.release();
        }
        if (!correct) {
            return Result.WRONG;
        }
        rememberedCorrect.values().removeIf(expiry -> !expiry.isAfter(now));
        rememberedCorrect.put(remembered, now.plus(REMEMBER_CORRECT));
        return Result.CORRECT;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
