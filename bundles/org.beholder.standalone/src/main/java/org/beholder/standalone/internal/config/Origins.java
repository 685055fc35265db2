package org.beholder.standalone.internal.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * {@code server.allowedOrigins}: web origins, besides Beholder's own, whose pages may send state-changing requests
 * and open WebSockets (e.g. a reverse proxy's public name). Written as a browser writes the {@code Origin} header —
 * {@code scheme://host[:port]} — so a plain string comparison with the header is enough.
 */
final class Origins {
    private Origins() {
    }

    /**
     * The origin in the browser's form: lower case, no default port, no trailing slash.
     *
     * @throws IllegalArgumentException with a message for the user (the key is added by the caller)
     */
    static String normalise(String text) {
        String trimmed = text.trim();
        if (trimmed.contains("*")) {
            throw new IllegalArgumentException("wildcards are not allowed: list each origin, e.g. "
                    + "https://nvr.example.com, was " + Values.quote(text));
        }
        URI uri;
        try {
            uri = new URI(trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("must be scheme://host[:port], was " + Values.quote(text));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null || uri.getUserInfo() != null
                || !uri.getRawPath().isEmpty() || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("must be http(s)://host[:port] with no path, was "
                    + Values.quote(text));
        }
        int port = uri.getPort();
        if (port == 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + Values.quote(text));
        }
        boolean defaultPort = port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }
}
