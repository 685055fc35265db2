package org.beholder.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Beholder's browser sessions, for both hosts: after a request authenticated by the host (a password, a token), the
 * guard starts a session so that the page, its event stream and its live sockets need not carry the credential
 * again. The cookie is HttpOnly (no script reads it), SameSite=Strict (no other site rides on it) and Secure over
 * HTTPS; ids are 256 random bits, kept in memory only, so a restart signs everybody out.
 * <p>
 * Clients that never send the cookie back (curl, scripts with Basic credentials) must not pile up sessions: a
 * client that signs in again from the same address with the same User-Agent gets its session again instead of a
 * new one, each user has at most {@value #MAX_PER_USER} sessions and all users together {@value #MAX_TOTAL}.
 * Beyond that the sessions whose cookie never came back go first, oldest first, then the least recently used;
 * expired sessions are dropped whenever a session starts.
 */
public final class SessionCookies {
    public static final String COOKIE = "beholder_session";
    public static final int MAX_PER_USER = 16;
    public static final int MAX_TOTAL = 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration lifetime;
    private final int maxPerUser;
    private final int maxTotal;
    private final InstantSource clock;
    private final Map<String, Session> sessions = new HashMap<>(); // by id; guarded by this
    private final Map<String, String> idByClient = new HashMap<>(); // guarded by this

    private static final class Session {
        final String user;
        final String client;
        long expiresAt;
        long lastUsed;
        boolean returned; // the client sent the cookie back at least once: a browser, worth keeping

        Session(String user, String client, long now, long expiresAt) {
            this.user = user;
            this.client = client;
            this.lastUsed = now;
            this.expiresAt = expiresAt;
        }
    }

    /** Eviction order: sessions never sent back before those in use, then least recently used first. */
    private static final Comparator<Session> FIRST_TO_GO = Comparator.<Session, Boolean> comparing(s -> s.returned)
            .thenComparingLong(s -> s.lastUsed);

    public SessionCookies(Duration lifetime) {
        this(lifetime, InstantSource.system());
    }

    /** Sessions expire by {@code clock}: a host passes the engine's ({@code NvrEngine.clock()}). */
    public SessionCookies(Duration lifetime, InstantSource clock) {
        this(lifetime, MAX_PER_USER, MAX_TOTAL, clock);
    }

    SessionCookies(Duration lifetime, int maxPerUser, int maxTotal, InstantSource clock) {
        this.lifetime = lifetime;
        this.maxPerUser = maxPerUser;
        this.maxTotal = maxTotal;
        this.clock = clock;
    }

    /**
     * Starts (or renews) a session for the user unless the request already carries one of that user; no-op without
     * a response.
     */
    public void start(String user, HttpServletRequest request, HttpServletResponse response) {
        if (response == null || user(request).filter(user::equals).isPresent()) {
            return;
        }
        String client = user + '\n' + request.getRemoteAddr() + '\n' + request.getHeader("User-Agent");
        String id;
        synchronized (this) {
            long now = clock.millis();
            dropExpired(now);
            id = idByClient.get(client);
            Session session = id == null ? null : sessions.get(id);
            if (session == null) {
                id = newId();
                session = new Session(user, client, now, 0);
                sessions.put(id, session);
                idByClient.put(client, id);
                evictBeyondLimits(session);
            }
            session.lastUsed = now;
            session.expiresAt = now + lifetime.toMillis();
        }
        response.addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + lifetime.toSeconds() + (request.isSecure() ? "; Secure" : ""));
    }

    /**
     * Starts a session of its own for an explicit login (a login page): unlike {@link #start}, which lets every
     * request of one client (user, address and browser) share a session so that Basic credentials sent with each
     * request make one session, a login here is ended by its own logout only — another browser of the same kind on
     * the same machine keeps its session.
     */
    public void begin(String user, HttpServletRequest request, HttpServletResponse response) {
        String id;
        synchronized (this) {
            long now = clock.millis();
            dropExpired(now);
            id = newId();
            Session session = new Session(user, user + '\n' + id, now, 0);
            session.lastUsed = now;
            session.expiresAt = now + lifetime.toMillis();
            sessions.put(id, session);
            evictBeyondLimits(session);
        }
        response.addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + lifetime.toSeconds() + (request.isSecure() ? "; Secure" : ""));
    }

    /** The user of the request's live session, if it has one. */
    public Optional<String> user(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        synchronized (this) {
            long now = clock.millis();
            for (Cookie cookie : cookies) {
                Session session = COOKIE.equals(cookie.getName()) ? sessions.get(cookie.getValue()) : null;
                if (session != null && session.expiresAt > now) {
                    session.returned = true;
                    session.lastUsed = now;
                    return Optional.of(session.user);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Ends the request's session (logout): the id stops working at once, and the browser is told to drop the
     * cookie. Harmless without a session.
     */
    public void end(HttpServletRequest request, HttpServletResponse response) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            synchronized (this) {
                for (Cookie cookie : cookies) {
                    Session session = COOKIE.equals(cookie.getName()) ? sessions.get(cookie.getValue()) : null;
                    if (session != null) {
                        evict(session);
                    }
                }
            }
        }
        response.addHeader("Set-Cookie", COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"
                + (request.isSecure() ? "; Secure" : ""));
    }

    /** Ends every session of a user, e.g. one who was deleted. */
    public synchronized void endAll(String user) {
        sessions.values().removeIf(s -> {
            boolean theirs = s.user.equals(user);
            if (theirs) {
                idByClient.remove(s.client);
            }
            return theirs;
        });
    }

    /** How many sessions are live now. */
    public synchronized int size() {
        dropExpired(clock.millis());
        return sessions.size();
    }

    private void dropExpired(long now) {
        sessions.values().removeIf(s -> {
            boolean expired = s.expiresAt <= now;
            if (expired) {
                idByClient.remove(s.client);
            }
            return expired;
        });
    }

    /** Makes room for a new session; never evicts that one, which the client is about to receive. */
    private void evictBeyondLimits(Session fresh) {
        while (sessions.values().stream().filter(s -> s.user.equals(fresh.user)).count() > maxPerUser) {
            evict(sessions.values().stream().filter(s -> s != fresh && s.user.equals(fresh.user))
                    .min(FIRST_TO_GO).orElseThrow());
        }
        while (sessions.size() > maxTotal) {
            evict(sessions.values().stream().filter(s -> s != fresh).min(FIRST_TO_GO).orElseThrow());
        }
    }

    private void evict(Session session) {
        sessions.values().remove(session);
        idByClient.remove(session.client);
    }

    private static String newId() {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
