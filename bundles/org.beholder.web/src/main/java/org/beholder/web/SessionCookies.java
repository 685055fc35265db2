package org.beholder.web;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Beholder's browser sessions, for both hosts: after a request authenticated by the host (a password, a token), the
 * guard starts a session so that the page, its event stream and its live sockets need not carry the credential
 * again. The cookie is HttpOnly (no script reads it) and SameSite=Strict (no other site rides on it); ids are 256
 * random bits, kept in memory only, so a restart signs everybody out.
 */
public final class SessionCookies {
    public static final String COOKIE = "beholder_session";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration lifetime;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private record Session(String user, long expiresAt) {
    }

    public SessionCookies(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** Starts a session for the user unless the request already carries one; no-op without a response. */
    public void start(String user, HttpServletRequest request, HttpServletResponse response) {
        if (response == null || user(request).isPresent()) {
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long now = System.currentTimeMillis();
        sessions.entrySet().removeIf(e -> e.getValue().expiresAt() < now);
        sessions.put(id, new Session(user, now + lifetime.toMillis()));
        response.addHeader("Set-Cookie", COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Strict; Max-Age="
                + lifetime.toSeconds());
    }

    /** The user of the request's live session, if it has one. */
    public Optional<String> user(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        long now = System.currentTimeMillis();
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                Session session = sessions.get(cookie.getValue());
                if (session != null && session.expiresAt() > now) {
                    return Optional.of(session.user());
                }
            }
        }
        return Optional.empty();
    }
}
