package org.beholder.web.internal.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.servlet.http.HttpServletRequest;

import org.beholder.engine.Redaction;

/**
 * Which web origins may change state (POST and friends) or open a live socket: the server's own origin, i.e. the
 * one whose host and port are the request's {@code Host} header, and the origins a host configured. Browsers send
 * {@code Origin} on every cross-site POST and every WebSocket, so a request without one comes from a script
 * (curl, a rule) and is let through; its credentials are checked by the host as usual.
 * <p>
 * {@code X-Forwarded-Host} and {@code X-Forwarded-Proto} are deliberately ignored: any client can send them, and
 * a proxy that passes a client's value on would let a foreign page name itself the server. Behind a reverse proxy
 * that keeps the {@code Host} header (nginx {@code proxy_set_header Host $host}, Apache
 * {@code ProxyPreserveHost On}) nothing needs configuring; otherwise list the public origin as allowed. The scheme
 * is not compared with the request's own, because TLS usually ends at that proxy (Go's CrossOriginProtection and
 * Grafana decide the same way).
 */
public final class OriginPolicy {
    private volatile Set<String> allowed = Set.of();

    /**
     * Replaces the configured origins ({@code https://nvr.example.com}, {@code http://192.168.1.5:8080}).
     *
     * @throws IllegalArgumentException naming the first entry that is not scheme://host[:port]
     */
    public void allow(Collection<String> origins) {
        Set<String> normalized = new LinkedHashSet<>();
        for (String origin : origins) {
            String value = normalize(origin.trim());
            if (value == null) {
                throw new IllegalArgumentException("not an origin (scheme://host[:port], no path): "
                        + printable(origin));
            }
            normalized.add(value);
        }
        allowed = Collections.unmodifiableSet(normalized);
    }

    public Set<String> allowed() {
        return allowed;
    }

    /** Empty when the request may go on; otherwise why it is refused. */
    public Optional<String> refusal(HttpServletRequest request) {
        Enumeration<String> headers = request.getHeaders("Origin");
        if (headers == null || !headers.hasMoreElements()) {
            return Optional.empty();
        }
        String origin = headers.nextElement();
        String normalized = headers.hasMoreElements() ? null : normalize(origin);
        if (normalized != null && (allowed.contains(normalized) || isOwn(normalized, request.getHeader("Host")))) {
            return Optional.empty();
        }
        return Optional.of("cross-site request refused (Origin " + printable(origin) + ")");
    }

    /** The request's Host header (host[:port], default port of the origin's scheme dropped) is the origin's. */
    private static boolean isOwn(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String scheme = origin.substring(0, origin.indexOf("://"));
        String authority = host.trim().toLowerCase(Locale.ROOT);
        String defaultPort = scheme.equals("https") ? ":443" : ":80";
        if (authority.endsWith(defaultPort)) {
            authority = authority.substring(0, authority.length() - defaultPort.length());
        }
        return origin.equals(scheme + "://" + authority);
    }

    /** scheme://host[:port] in lower case without the scheme's default port, or null if it is not an origin. */
    static String normalize(String origin) {
        if (origin == null || origin.equals("null")) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawUserInfo() != null || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
                || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return null;
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    /** A header value fit for a message: no control characters, bounded, credentials masked. */
    static String printable(String value) {
        String cleaned = value.codePoints().filter(c -> c >= 0x20 && c != 0x7f)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return Redaction.redact(cleaned.length() > 100 ? cleaned.substring(0, 100) + "…" : cleaned);
    }
}
