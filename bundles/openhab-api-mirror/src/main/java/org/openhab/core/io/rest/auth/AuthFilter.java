package org.openhab.core.io.rest.auth;

import java.io.IOException;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.core.SecurityContext;

import org.openhab.core.auth.AuthenticationException;

/**
 * Mirror of openHAB 5.2.1 {@code org.openhab.core.io.rest.auth.AuthFilter} (members the binding uses). In openHAB
 * it authenticates with the user registry and JWTs; here it only exists so the binding compiles and the
 * integration tests can register a stand-in under this class name.
 */
public class AuthFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext requestContext) throws IOException {
    }

    /** The caller's security context, or null when {@code allowBasicAuth} and credentials do not authenticate. */
    public SecurityContext getSecurityContext(HttpServletRequest request, boolean allowBasicAuth)
            throws AuthenticationException, IOException {
        throw new AuthenticationException("no authentication configured");
    }
}
