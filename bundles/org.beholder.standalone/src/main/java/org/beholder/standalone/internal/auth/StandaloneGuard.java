package org.beholder.standalone.internal.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.standalone.internal.config.StandaloneConfig;
import org.beholder.web.AccessGuard;
import org.beholder.web.SessionCookies;

/**
 * The standalone's users: HTTP Basic against PBKDF2 hashes (through a {@link PasswordChecker}), {@code
 * Authorization: Bearer <token>} against SHA-256 token hashes, and a session cookie handed out after a successful
 * login so that the page (and its WebSocket) need not send the password again.
 * <p>
 * Failed logins are counted per user name and per address by a {@link LoginThrottle}; while one is locked out,
 * passwords are not checked at all and the request is {@link Throttled} (429 with Retry-After). A correct token or
 * a valid session cookie is never locked out: somebody guessing alice's password must not sign alice out. The
 * decision is made once per request and kept on it, so the server's filter (which answers 429 and 503) and
 * Beholder's servlets (which answer 401) see the same one and the password is hashed once.
 */
public final class StandaloneGuard implements AccessGuard {
    private static final String DECISION = StandaloneGuard.class.getName() + ".decision";

    /** What the guard decided about one request. */
    public sealed interface Decision permits Allowed, Refused, Throttled {
    }

    public record Allowed(String user) implements Decision {
    }

    /** No or wrong credentials: Beholder answers 401. */
    public record Refused() implements Decision {
    }

    /** Not checked now: 429 (locked out) or 503 (too many checks at once), try again after the given seconds. */
    public record Throttled(int status, long retryAfterSeconds, String message) implements Decision {
    }

    private final Map<String, String> passwordHashes = new ConcurrentHashMap<>();
    private final Map<String, Boolean> admins = new ConcurrentHashMap<>();
    private final Map<String, String> tokenNames = new ConcurrentHashMap<>();
    private final SessionCookies sessions;
    private final LoginThrottle throttle;
    private final PasswordChecker passwords;

    public StandaloneGuard(List<StandaloneConfig.User> users, List<StandaloneConfig.Token> tokens) {
        this(users, tokens, InstantSource.system());
    }

    /** With Beholder's clock for session expiry and lock-outs. */
    public StandaloneGuard(List<StandaloneConfig.User> users, List<StandaloneConfig.Token> tokens,
            InstantSource clock) {
        this(users, tokens, new LoginThrottle(LoginThrottle.Policy.DEFAULT, clock), PasswordChecker.standard(),
                clock);
    }

    public StandaloneGuard(List<StandaloneConfig.User> users, List<StandaloneConfig.Token> tokens,
            LoginThrottle throttle, PasswordChecker passwords) {
        this(users, tokens, throttle, passwords, InstantSource.system());
    }

    private StandaloneGuard(List<StandaloneConfig.User> users, List<StandaloneConfig.Token> tokens,
            LoginThrottle throttle, PasswordChecker passwords, InstantSource clock) {
        users.forEach(u -> putUser(u.name(), u.passwordHash(), u.admin()));
        tokens.forEach(t -> tokenNames.put(t.sha256(), t.name()));
        this.throttle = throttle;
        this.passwords = passwords;
        this.sessions = new SessionCookies(Duration.ofHours(12), clock);
    }

    /** Adds a user who may log in from now on, or replaces one. */
    public void putUser(String name, String passwordHash, boolean admin) {
        passwordHashes.put(name, passwordHash);
        admins.put(name, admin);
    }

    /** Removes a user and ends their sessions at once. */
    public void removeUser(String name) {
        passwordHashes.remove(name);
        admins.remove(name);
        sessions.endAll(name);
    }

    /** Users of the file are admins unless they say otherwise; API tokens are the owner's, configured in the file. */
    @Override
    public boolean isAdmin(String user) {
        return user.startsWith("token:") ? tokenNames.containsValue(user.substring(6))
                : Boolean.TRUE.equals(admins.get(user));
    }

    /** Signs the client in as this user without a password: the first administrator, just created. */
    public void startSession(String user, HttpServletRequest request, HttpServletResponse response) {
        sessions.start(user, request, response);
    }

    /**
     * {@code POST /beholder/login}: checks a name and password exactly as a Basic login is checked (the same
     * throttle per user and address), and starts a session when they are right.
     */
    public Decision login(String user, String password, HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        Duration lockedFor = throttle.lockedFor(user, address);
        if (!lockedFor.isZero()) {
            return lockedOut(lockedFor);
        }
        return checkPassword(user, password, address, request, response, true);
    }

    /** {@code POST /beholder/logout}: the request's session ends. */
    public void logout(HttpServletRequest request, HttpServletResponse response) {
        sessions.end(request, response);
    }

    /**
     * None: browsers log in on Beholder's login page (with a logout, which the browser's Basic dialog never had);
     * scripts send Basic or Bearer credentials with every request, as curl -u and HTTP libraries do.
     */
    @Override
    public String challenge() {
        return null;
    }

    @Override
    public Optional<String> authenticate(HttpServletRequest request, HttpServletResponse response) {
        return decide(request, response) instanceof Allowed allowed ? Optional.of(allowed.user()) : Optional.empty();
    }

    /** The decision about this request, made on the first call and the same on every later one. */
    public Decision decide(HttpServletRequest request, HttpServletResponse response) {
        if (request.getAttribute(DECISION) instanceof Decision decided) {
            return decided;
        }
        Decision decision = decideOnce(request, response);
        request.setAttribute(DECISION, decision);
        return decision;
    }

    private Decision decideOnce(HttpServletRequest request, HttpServletResponse response) {
        String header = request.getHeader("Authorization");
        String address = request.getRemoteAddr();
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return basic(header.substring(6).trim(), address, request, response);
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String name = tokenNames.get(PasswordChecker.sha256(header.substring(7).trim()));
            if (name != null) {
                return new Allowed("token:" + name);
            }
            return failed(null, address);
        }
        return session(request).orElseGet(Refused::new);
    }

    private Decision basic(String encoded, String address, HttpServletRequest request,
            HttpServletResponse response) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return failed(null, address);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return failed(null, address);
        }
        String user = decoded.substring(0, colon);
        Duration lockedFor = throttle.lockedFor(user, address);
        if (!lockedFor.isZero()) {
            // A browser keeps sending its Basic credentials next to its session cookie: the session still counts.
            return session(request).orElseGet(() -> lockedOut(lockedFor));
        }
        return checkPassword(user, decoded.substring(colon + 1), address, request, response, false);
    }

    /** @param ownSession a login of the login page gets a session of its own; Basic shares one per client */
    private Decision checkPassword(String user, String password, String address, HttpServletRequest request,
            HttpServletResponse response, boolean ownSession) {
        return switch (passwords.check(user, password, passwordHashes.get(user))) {
            case CORRECT -> {
                throttle.succeeded(user);
                if (ownSession) {
                    sessions.begin(user, request, response);
                } else {
                    sessions.start(user, request, response);
                }
                yield new Allowed(user);
            }
            case WRONG -> failed(user, address);
            case BUSY -> new Throttled(503, 1, "too many logins at once; try again in a second");
        };
    }

    private Decision failed(String user, String address) {
        throttle.failed(user, address);
        return new Refused();
    }

    private Optional<Decision> session(HttpServletRequest request) {
        return sessions.user(request).map(Allowed::new);
    }

    private static Throttled lockedOut(Duration lockedFor) {
        long seconds = Math.max(1, (lockedFor.toMillis() + 999) / 1000);
        return new Throttled(429, seconds, "too many failed logins; try again in " + seconds + " s");
    }
}
