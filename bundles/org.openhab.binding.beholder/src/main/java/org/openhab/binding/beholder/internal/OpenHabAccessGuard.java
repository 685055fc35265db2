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
 * and requires a signed-in user with the user or admin role. A browser that got in that way (token in the address,
 * Basic) receives a Beholder session cookie, so the page's scripts, event stream and live sockets need not carry
 * the token.
 * <p>
 * openHAB also answers requests without credentials with an anonymous context that has the user role (its
 * "implicit user role", on by default, or only for "trusted networks"). That context has no principal, which is
 * how it is told apart from a signed-in user. Camera video is not open to it unless the admin allows anonymous
 * viewing in the add-on's settings.
 */
public final class OpenHabAccessGuard implements AccessGuard {
    /** The name under which anonymous viewers appear (e.g. in the live viewers' list). */
    public static final String ANONYMOUS = "anonymous";

    private final AuthFilter authFilter;
    private final SessionCookies sessions = new SessionCookies(Duration.ofHours(12));
    private volatile boolean anonymousViewing;

    public OpenHabAccessGuard(AuthFilter authFilter) {
        this.authFilter = authFilter;
    }

    /** From the add-on configuration ({@code allowAnonymousViewing}). */
    public void setAnonymousViewing(boolean allowed) {
        anonymousViewing = allowed;
    }

    @Override
    public Optional<String> authenticate(HttpServletRequest request, @Nullable HttpServletResponse response) {
        SecurityContext context;
        try {
            context = authFilter.getSecurityContext(request, true);
        } catch (AuthenticationException | IOException e) {
            context = null;
        }
        Optional<String> user = signedIn(context);
        if (user.isPresent()) {
            if (!isScript(request)) {
                sessions.start(user.get(), request, response);
            }
            return user;
        }
        Optional<String> session = sessions.user(request);
        return session.isPresent() ? session : anonymous(context);
    }

    /**
     * Who may watch with this context, as openHAB's WebSocket servlet hands it over: a signed-in user with the
     * user or admin role, or openHAB's anonymous context when anonymous viewing is allowed.
     */
    public Optional<String> allowed(@Nullable SecurityContext context) {
        Optional<String> user = signedIn(context);
        return user.isPresent() ? user : anonymous(context);
    }

    /** True for openHAB's anonymous context (or none): the caller should sign in rather than be refused. */
    public static boolean isAnonymous(@Nullable SecurityContext context) {
        return context == null || context.getUserPrincipal() == null;
    }

    private static Optional<String> signedIn(@Nullable SecurityContext context) {
        if (context == null) {
            return Optional.empty();
        }
        Principal principal = context.getUserPrincipal();
        return principal != null && hasRole(context) ? Optional.of(principal.getName()) : Optional.empty();
    }

    private Optional<String> anonymous(@Nullable SecurityContext context) {
        return anonymousViewing && context != null && isAnonymous(context) && hasRole(context)
                ? Optional.of(ANONYMOUS)
                : Optional.empty();
    }

    private static boolean hasRole(SecurityContext context) {
        return context.isUserInRole(Role.USER) || context.isUserInRole(Role.ADMIN);
    }

    /** A client that sends a token header on every request needs no session (and would pile them up). */
    private static boolean isScript(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        return request.getHeader("X-OPENHAB-TOKEN") != null
                || (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    @Override
    public @Nullable String challenge() {
        // Answered by openHAB's AuthFilter when "Allow Basic Authentication" is on in openHAB's API security.
        return "Basic realm=\"openHAB\", charset=\"UTF-8\"";
    }
}
