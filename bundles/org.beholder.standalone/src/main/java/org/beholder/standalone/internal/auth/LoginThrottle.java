package org.beholder.standalone.internal.auth;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts failed logins per user name and per client address and locks either out for a while once it has failed
 * too often: the first lock-out lasts {@link Policy#firstLockout}, each failure after it doubles the lock-out up to
 * {@link Policy#maxLockout}. Counts are forgotten after {@link Policy#forgetAfter} without failures, and a user's
 * count after a successful login. Unknown user names are counted like known ones, so the answers never tell which
 * names exist. While locked out nothing is checked and nothing is counted: the lock-out cannot be made longer by
 * hammering it, only by failing again after it ends.
 */
public final class LoginThrottle {
    private static final Logger logger = LoggerFactory.getLogger(LoginThrottle.class);

    /**
     * @param userFailures failed logins of one user name (from anywhere) before it is locked out
     * @param addressFailures failed logins from one address (for any user names) before it is locked out
     * @param firstLockout the first lock-out; each further failure doubles it
     * @param maxLockout the longest lock-out
     * @param forgetAfter a count without new failures for this long starts again from zero
     * @param maxTracked user names and addresses tracked at most (memory stays bounded whatever is sent)
     */
    public record Policy(int userFailures, int addressFailures, Duration firstLockout, Duration maxLockout,
            Duration forgetAfter, int maxTracked) {
        public static final Policy DEFAULT = new Policy(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15),
                Duration.ofHours(1), 10_000);
    }

    private static final int MAX_NAME_CHARS = 128;

    private static final class Failures {
        int count;
        Instant last = Instant.EPOCH;
        Instant lockedUntil = Instant.EPOCH;
    }

    private final Policy policy;
    private final InstantSource clock;
    private final Map<String, Failures> failures = new HashMap<>();

    public LoginThrottle(Policy policy, InstantSource clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long this user name or address must still wait before it may try again; zero when it may try now. */
    public synchronized Duration lockedFor(String user, String address) {
        Instant now = clock.instant();
        Duration byUser = remaining(failures.get(userKey(user)), now);
        Duration byAddress = remaining(failures.get(addressKey(address)), now);
        return byUser.compareTo(byAddress) >= 0 ? byUser : byAddress;
    }

    /** Counts a failed login (user is null when none could be read from the request). */
    public synchronized void failed(String user, String address) {
        Instant now = clock.instant();
        if (user != null) {
            count(userKey(user), policy.userFailures(), now);
        }
        count(addressKey(address), policy.addressFailures(), now);
        String name = user == null ? "" : user;
        Duration lockedFor = lockedFor(name, address);
        if (!lockedFor.isZero()) {
            // Whatever a client sends as a user name goes into the log only as printable text.
            logger.warn("Login lock-out for {} s after failed logins as '{}' from {}", lockedFor.toSeconds(),
                    printable(name), address);
        }
    }

    /** A correct password: the user's count starts again. The address keeps its count (it may be guessing). */
    public synchronized void succeeded(String user) {
        failures.remove(userKey(user));
    }

    private static Duration remaining(Failures entry, Instant now) {
        return entry == null || !entry.lockedUntil.isAfter(now) ? Duration.ZERO
                : Duration.between(now, entry.lockedUntil);
    }

    private void count(String key, int allowed, Instant now) {
        Failures entry = failures.get(key);
        if (entry == null) {
            if (failures.size() >= policy.maxTracked() && !makeRoom(now)) {
                return; // every tracked key is locked out right now: a flood; the tracked ones stay locked
            }
            entry = new Failures();
            failures.put(key, entry);
        } else if (entry.last.plus(policy.forgetAfter()).isBefore(now)) {
            entry.count = 0;
        }
        entry.count++;
        entry.last = now;
        if (entry.count >= allowed) {
            entry.lockedUntil = now.plus(lockout(entry.count - allowed));
        }
    }

    /** Lock-out after the n-th failure past the allowed ones: first, doubled n times, at most the maximum. */
    private Duration lockout(int doublings) {
        Duration lockout = policy.firstLockout();
        for (int i = 0; i < doublings && lockout.compareTo(policy.maxLockout()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return lockout.compareTo(policy.maxLockout()) > 0 ? policy.maxLockout() : lockout;
    }

    private boolean makeRoom(Instant now) {
        failures.values().removeIf(e -> !e.lockedUntil.isAfter(now) && e.last.plus(policy.forgetAfter()).isBefore(now));
        if (failures.size() >= policy.maxTracked()) {
            failures.values().removeIf(e -> !e.lockedUntil.isAfter(now));
        }
        return failures.size() < policy.maxTracked();
    }

    private static String printable(String text) {
        String shortened = text.length() > 64 ? text.substring(0, 64) + "…" : text;
        return shortened.replaceAll("\\p{Cntrl}", "?");
    }

    private static String userKey(String user) {
        return "user:" + (user.length() > MAX_NAME_CHARS ? user.substring(0, MAX_NAME_CHARS) : user);
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }
}
