package org.beholder.web;

import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/**
 * The host's authentication, asked for every HTTP request and WebSocket upgrade: openHAB's users and roles
 * inside openHAB, the standalone's own users elsewhere. Beholder never decides who may see a camera.
 */
@NonNullByDefault
public interface AccessGuard {

    /**
     * The name of the user making this request, or empty when it is not authenticated (Beholder then answers
     * 401). May set headers on the response, e.g. a session cookie; the response is null for WebSocket upgrades.
     */
    Optional<String> authenticate(HttpServletRequest request, @Nullable HttpServletResponse response);

    /**
     * Whether an authenticated user may change settings, cameras and users (role {@code admin}); viewers may
     * watch live, review events, play recordings back and start a manual recording. Hosts without roles (openHAB,
     * whose Things are managed by openHAB itself) leave every user an administrator of what Beholder offers.
     */
    default boolean isAdmin(String user) {
        return true;
    }

    /** The WWW-Authenticate challenge sent with 401 answers, or null for none. */
    default @Nullable String challenge() {
        return "Basic realm=\"Beholder\", charset=\"UTF-8\"";
    }
}
