package org.openhab.core.io.rest.auth;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.SecurityContext;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.core.auth.AuthenticationException;
import org.openhab.core.auth.UserRegistry;
import org.openhab.core.io.rest.auth.internal.JwtHelper;

/**
 * Mirror of openHAB 5.2.1 {@code org.openhab.core.io.rest.auth.AuthFilter} (members the binding uses). In openHAB
 * it authenticates API tokens and users with the user registry and JWTs with the helper, and, when no credentials
 * are sent, answers an anonymous context with the user role if {@code implicitUserRole} is on (the default) or the
 * client is in {@code trustedNetworks}, else null. The mirror has neither registry nor keys and authenticates
 * nobody: tests subclass it to stand in for openHAB's behaviour.
 */
@NonNullByDefault
public class AuthFilter implements ContainerRequestFilter {

    public AuthFilter(JwtHelper jwtHelper, UserRegistry userRegistry) {
    }

    @Override
    public void filter(@Nullable ContainerRequestContext requestContext) throws IOException {
    }

    /**
     * The caller's security context: a user's from a token or Basic credentials (which throw
     * {@link AuthenticationException} when they do not authenticate), openHAB's anonymous one, or null.
     */
    public @Nullable SecurityContext getSecurityContext(HttpServletRequest request, boolean allowQueryToken)
            throws AuthenticationException, IOException {
        throw new AuthenticationException("no authentication configured");
    }
}
