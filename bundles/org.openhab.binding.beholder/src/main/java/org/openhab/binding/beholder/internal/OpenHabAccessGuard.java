package org.openhab.binding.beholder.internal;

import java.io.IOException;
import java.security.Principal;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.SecurityContext;

import org.beholder.web.AccessGuard;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.auth.AuthenticationException;
import org.openhab.core.auth.Role;
import org.openhab.core.io.rest.auth.AuthFilter;

/**
 * openHAB's own authentication for Beholder's pages, REST and WebSocket: openHAB's default HTTP context does not
 * authenticate add-on servlets, so every request asks the {@link AuthFilter} (tokens, sessions, Basic when openHAB
 * allows it) and requires the user or admin role.
 */
public final class OpenHabAccessGuard implements AccessGuard {
    private final AuthFilter authFilter;

    public OpenHabAccessGuard(AuthFilter authFilter) {
        this.authFilter = authFilter;
    }

    @Override
    public Optional<String> authenticate(HttpServletRequest request, @Nullable HttpServletResponse response) {
        try {
            return allowed(authFilter.getSecurityContext(request, true));
        } catch (AuthenticationException | IOException e) {
            return Optional.empty();
        }
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
        return null; // openHAB's UI logs in with its own page; no browser Basic prompt
    }
}
