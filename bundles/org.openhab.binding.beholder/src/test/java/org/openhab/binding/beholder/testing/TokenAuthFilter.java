package org.openhab.binding.beholder.testing;

import java.security.Principal;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.SecurityContext;

import org.openhab.core.auth.AuthenticationException;
import org.openhab.core.auth.Role;
import org.openhab.core.io.rest.auth.AuthFilter;

/**
 * openHAB's AuthFilter service as openHAB 5.2 answers, with API tokens instead of its user registry: a token in
 * {@code X-OPENHAB-TOKEN}, {@code Authorization: Bearer} or, when the caller allows it, the {@code accessToken}
 * query parameter is a signed-in user (principal, scheme "ApiToken") or, unknown, an AuthenticationException. A
 * request without credentials gets openHAB's anonymous context (no principal, no scheme, the user role) while the
 * implicit user role is on — openHAB's default — and null when it is off. Shared with the OSGi integration tests
 * through this bundle's test jar.
 */
public final class TokenAuthFilter extends AuthFilter {
    public record Account(String user, String role) {
    }

    private final Map<String, Account> accounts;
    private final boolean implicitUserRole;

    /** With openHAB's default API security: implicit user role on. */
    public TokenAuthFilter(Map<String, Account> accounts) {
        this(accounts, true);
    }

    public TokenAuthFilter(Map<String, Account> accounts, boolean implicitUserRole) {
        // The real filter only keeps these for activate() and token checks, which this stand-in replaces. Their
        // types are in openHAB's unexported internal package and its user registry, so none can be made here.
        super(null, null);
        this.accounts = Map.copyOf(accounts);
        this.implicitUserRole = implicitUserRole;
    }

    @Override
    public SecurityContext getSecurityContext(HttpServletRequest request, boolean allowQueryToken)
            throws AuthenticationException {
        String token = request.getHeader("X-OPENHAB-TOKEN");
        String header = request.getHeader("Authorization");
        if (token == null && header != null && header.startsWith("Bearer ")) {
            token = header.substring(7);
        }
        if (token == null && header == null && allowQueryToken) {
            token = request.getParameter("accessToken");
        }
        if (token == null) {
            return implicitUserRole && header == null ? new Anonymous() : null;
        }
        Account account = accounts.get(token);
        if (account == null) {
            throw new AuthenticationException("unknown API token");
        }
        return new SignedIn(account);
    }

    private record SignedIn(Account account) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return account::user;
        }

        @Override
        public boolean isUserInRole(String role) {
            return account.role().equals(role);
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return "ApiToken";
        }
    }

    /** openHAB's AnonymousUserSecurityContext: no principal and no scheme, but the user role. */
    private record Anonymous() implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return role == null || Role.USER.equals(role);
        }

        @Override
        public boolean isSecure() {
            return false;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    }
}
