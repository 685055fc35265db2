package org.openhab.binding.beholder.internal;

import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.SecurityContext;

import org.beholder.web.AccessGuard;
import org.beholder.web.SessionCookies;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.auth.AuthenticationException;
import org.openhab.core.auth.Role;
import org.openhab.core.io.rest.auth.AuthFilter;

/**
 * openHAB's own authentication for Beholder's page, REST and live sockets: openHAB's default HTTP context does not
 * authenticate add-on servlets, so every request asks the {@link AuthFilter} (API tokens and the UI's tokens in the
 * Authorization or X-OPENHAB-TOKEN header, the {@code accessToken} query parameter, Basic when openHAB allows it)
 * and requires the user or admin role. A browser that got in that way (token in the address, Basic) receives a
 * Beholder session cookie, so the page's scripts, event stream and live sockets need not carry the token.
 */
public final class OpenHabAccessGuard implements AccessGuard {
    private final AuthFilter authFilter;
    private final SessionCookies sessions = new SessionCookies(Duration.ofHours(12));

    public OpenHabAccessGuard(AuthFilter authFilter) {
        this.authFilter = authFilter;
    }

    @Override
    public Optional<String> authenticate(HttpServletRequest request, @Nullable HttpServletResponse response) {
        Optional<String> user;
        try {
            user = allowed(authFilter.getSecurityContext(request, true));
        } catch (AuthenticationException | IOException e) {
            user = Optional.empty();
        }
        if (user.isPresent()) {
            if (!isScript(request)) {
                sessions.start(user.get(), request, response);
            }
            return user;
        }
        return sessions.user(request);
    }

    /** A client that sends a token header on every request needs no session (and would pile them up). */
    private static boolean isScript(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return request.getHeader("X-OPENHAB-TOKEN") != null
                || (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    /** The user's name when the security context has the user or admin role. */
    public static Optional<String> allowed(@Nullable SecurityContext context) {
        if (context == null || !(context.isUserInRole(Role.USER) || context.isUserInRole(Role.ADMIN))) {
            return Optional.empty();
        }
        Principal principal = context.getUserPrincipal();
        return Optional.of(principal == null ? "openhab" : principal.getName());
    }

    @Override
    public @Nullable String challenge() {
        // Answered by openHAB's AuthFilter when "Allow Basic Authentication" is on in openHAB's API security.
        return "Basic realm=\"openHAB\", charset=\"UTF-8\"";
    }
}
