package org.openhab.binding.beholder.testing;

import java.security.Principal;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.core.SecurityContext;

import org.openhab.core.io.rest.auth.AuthFilter;

/**
 * openHAB's AuthFilter service as it answers API tokens: each known token is a user with one role, sent as
 * {@code Authorization: Bearer} or, when the caller allows it, as the {@code accessToken} query parameter.
 * Shared with the OSGi integration tests through this bundle's test jar.
 */
public final class TokenAuthFilter extends AuthFilter {
    public record Account(String user, String role) {
    }

    private final Map<String, Account> accounts;

    public TokenAuthFilter(Map<String, Account> accounts) {
        this.accounts = Map.copyOf(accounts);
    }

    @Override
    public SecurityContext getSecurityContext(HttpServletRequest request, boolean allowQueryToken) {
        String header = request.getHeader("Authorization");
        String token = header != null && header.startsWith("Bearer ") ? header.substring(7)
                : allowQueryToken ? request.getParameter("accessToken") : null;
        Account account = token == null ? null : accounts.get(token);
        return account == null ? null : new Context(account);
    }

    private record Context(Account account) implements SecurityContext {
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
            return "Bearer";
        }
    }
}
