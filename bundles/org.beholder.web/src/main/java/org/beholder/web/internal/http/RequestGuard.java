package org.beholder.web.internal.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

/**
 * The checks every Beholder servlet makes before it asks the host who is calling: a method it serves (TRACE and
 * anything unknown are 405, so no header is ever echoed), an acceptable {@code Origin} on state-changing requests
 * and WebSocket upgrades (see {@link OriginPolicy}), and an address and parameters that decode (bad percent-encoding
 * or UTF-8 in the path, the query or a form body is 400; the container throws while decoding parameters, so they
 * are decoded here, once).
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
        if (!isWellFormed(request.getRequestURI()) || !isWellFormed(request.getQueryString())) {
            return Optional.of(Refusal.of(400, "malformed address: percent-encoding must be %XX of valid UTF-8"));
        }
        try {
            request.getParameterMap();
        } catch (RuntimeException e) { // Jetty: BadMessageException, IllegalArgumentException, IllegalStateException
            return Optional.of(Refusal.of(400,
                    "malformed parameters: the query or form data is not valid percent-encoded UTF-8 or too large"));
        }
        return Optional.empty();
    }

    /**
     * Whether raw (still encoded) text decodes strictly: every {@code %} followed by two hex digits, and the bytes
     * valid UTF-8. Jetty decodes paths leniently (a bad byte becomes U+FFFD), so Beholder checks for itself.
     */
    static boolean isWellFormed(String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
                int low = high < 0 ? -1 : hex(raw.charAt(i + 2));
                if (low < 0) {
                    return false;
                }
                bytes.write(high * 16 + low);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** The value of an ASCII hex digit, or -1 (Character.digit would accept other scripts' digits too). */
    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        char lower = Character.toLowerCase(c);
        return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
    }

    public static boolean isWebSocketUpgrade(HttpServletRequest request) {
        String upgrade = request.getHeader("Upgrade");
        return upgrade != null && upgrade.trim().equalsIgnoreCase("websocket");
    }
}
