package org.beholder.standalone.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
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
 * The standalone's users: HTTP Basic against PBKDF2 hashes, {@code Authorization: Bearer <token>} against SHA-256
 * token hashes, and a session cookie handed out after a successful login so that the page (and its WebSocket)
 * need not send the password again. Checked Basic credentials are remembered for a few minutes (as a SHA-256 of
 * user and password) because PBKDF2 is deliberately slow.
 */
public final class StandaloneGuard implements AccessGuard {
    private static final long VERIFIED_MILLIS = 5 * 60_000L;

    private final Map<String, String> passwordHashes = new ConcurrentHashMap<>();
    private final Map<String, String> tokenNames = new ConcurrentHashMap<>();
    private final Map<String, Long> verified = new ConcurrentHashMap<>();
    private final SessionCookies sessions = new SessionCookies(Duration.ofHours(12));

    public StandaloneGuard(List<StandaloneConfig.User> users, List<StandaloneConfig.Token> tokens) {
        users.forEach(u -> passwordHashes.put(u.name(), u.passwordHash()));
        tokens.forEach(t -> tokenNames.put(t.sha256(), t.name()));
    }

    @Override
    public Optional<String> authenticate(HttpServletRequest request, HttpServletResponse response) {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            Optional<String> user = basic(header.substring(6).trim());
            user.ifPresent(name -> sessions.start(name, request, response));
            return user;
        }
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.ofNullable(tokenNames.get(sha256(header.substring(7).trim()))).map(n -> "token:" + n);
        }
        return sessions.user(request);
    }

    private Optional<String> basic(String encoded) {
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        String hash = passwordHashes.get(user);
        if (hash == null) {
            return Optional.empty();
        }
        String key = sha256(decoded);
        Long until = verified.get(key);
        long now = System.currentTimeMillis();
        if (until != null && until > now) {
            return Optional.of(user);
        }
        if (!PasswordHash.verify(decoded.substring(colon + 1).toCharArray(), hash)) {
            return Optional.empty();
        }
        verified.entrySet().removeIf(e -> e.getValue() < now);
        verified.put(key, now + VERIFIED_MILLIS);
        return Optional.of(user);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
