package org.beholder.web.internal.http;

import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

/**
 * The checks every Beholder servlet makes before it asks the host who is calling: a method it serves (TRACE and
 * anything unknown are 405, so no header is ever echoed), an acceptable {@code Origin} on state-changing requests
 * and WebSocket upgrades (see {@link OriginPolicy}), and parameters that decode (bad percent-encoding or UTF-8 in
 * the query or a form body is 400; the container throws while decoding, so parameters are decoded here, once).
 */
public final class RequestGuard {
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final OriginPolicy origins;
    private final Set<String> methods;
    private final String allowHeader;

    /** @param methods the methods this servlet serves at all, e.g. GET, HEAD, POST */
    public RequestGuard(OriginPolicy origins, String... methods) {
        this.origins = origins;
        this.methods = Set.of(methods);
        this.allowHeader = String.join(", ", methods);
    }

    public Optional<Refusal> check(HttpServletRequest request) {
        String method = request.getMethod();
        if (!methods.contains(method)) {
            return Optional.of(new Refusal(405, "method not allowed", "Allow", allowHeader));
        }
        if (STATE_CHANGING.contains(method) || isWebSocketUpgrade(request)) {
            Optional<String> refusal = origins.refusal(request);
            if (refusal.isPresent()) {
                return Optional.of(Refusal.of(403, refusal.get()));
            }
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) { // Jetty: BadMessageException, IllegalArgumentException, IllegalStateException
            return Optional.of(Refusal.of(400,
                    "malformed parameters: the query or form data is not valid percent-encoded UTF-8 or too large"));
        }
        return Optional.empty();
    }

    public static boolean isWebSocketUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket");
    }
}
