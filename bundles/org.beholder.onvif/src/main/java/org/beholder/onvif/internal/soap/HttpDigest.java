package org.beholder.onvif.internal.soap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * HTTP Digest (RFC 7616) with MD5 or SHA-256 and qop=auth, answered when a device's 401 asks for it. The
 * challenge is kept so later requests authenticate at once, each with the next nonce count.
 */
public final class HttpDigest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String realm;
    private final String nonce;
    private final String opaque;
    private final String algorithm;
    private final boolean qopAuth;
    private final boolean stale;
    private final AtomicInteger nonceCount = new AtomicInteger();

    private HttpDigest(Map<String, String> parameters) {
        realm = parameters.getOrDefault("realm", "");
        nonce = parameters.getOrDefault("nonce", "");
        opaque = parameters.get("opaque");
        algorithm = parameters.getOrDefault("algorithm", "MD5").toUpperCase(Locale.ROOT);
        String qop = parameters.get("qop");
        qopAuth = qop != null && List.of(qop.split(",")).stream().anyMatch(q -> q.trim().equals("auth"));
        stale = "true".equalsIgnoreCase(parameters.get("stale"));
    }

    /** The best Digest challenge among the WWW-Authenticate headers: SHA-256 before MD5; empty if none usable. */
    public static Optional<HttpDigest> choose(List<String> wwwAuthenticate) {
        HttpDigest best = null;
        for (String header : wwwAuthenticate) {
            if (!header.regionMatches(true, 0, "Digest ", 0, 7)) {
                continue;
            }
            HttpDigest candidate = new HttpDigest(parameters(header.substring(7)));
            if (!candidate.algorithm.equals("MD5") && !candidate.algorithm.equals("SHA-256")) {
                continue;
            }
            if (best == null || candidate.algorithm.equals("SHA-256") && !best.algorithm.equals("SHA-256")) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    public boolean stale() {
        return stale;
    }

    public String algorithm() {
        return algorithm;
    }

    /** The Authorization header value for one request. */
    public String authorization(String method, String uri, String username, String password) {
        String ha1 = hash(username + ":" + realm + ":" + password);
        String ha2 = hash(method + ":" + uri);
        StringBuilder header = new StringBuilder("Digest username=\"").append(quote(username))
                .append("\", realm=\"").append(quote(realm)).append("\", nonce=\"").append(quote(nonce))
                .append("\", uri=\"").append(quote(uri)).append("\", algorithm=").append(algorithm);
        if (qopAuth) {
            String nc = String.format("%08x", nonceCount.incrementAndGet());
            byte[] cnonceBytes = new byte[8];
            RANDOM.nextBytes(cnonceBytes);
            String cnonce = HexFormat.of().formatHex(cnonceBytes);
            String response = hash(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2);
            header.append(", response=\"").append(response).append("\", qop=auth, nc=").append(nc)
                    .append(", cnonce=\"").append(cnonce).append('"');
        } else {
            header.append(", response=\"").append(hash(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (opaque != null) {
            header.append(", opaque=\"").append(quote(opaque)).append('"');
        }
        return header.toString();
    }

    /** The hash the algorithm names, as lower-case hex; public so a test server can check answers. */
    public static String hash(String algorithm, String text) {
        try {
            String jdkName = algorithm.equals("SHA-256") ? "SHA-256" : "MD5";
            byte[] digest = MessageDigest.getInstance(jdkName).digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 and SHA-256 are part of every JDK", e);
        }
    }

    private String hash(String text) {
        return hash(algorithm, text);
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Parses {@code key=value, key="quoted, value"} lists. */
    public static Map<String, String> parameters(String list) {
        Map<String, String> parameters = new HashMap<>();
        int i = 0;
        int n = list.length();
        while (i < n) {
            while (i < n && (list.charAt(i) == ',' || Character.isWhitespace(list.charAt(i)))) {
                i++;
            }
            int equals = list.indexOf('=', i);
            if (equals < 0) {
                break;
            }
            String key = list.substring(i, equals).trim().toLowerCase(Locale.ROOT);
            i = equals + 1;
            StringBuilder value = new StringBuilder();
            if (i < n && list.charAt(i) == '"') {
                i++;
                while (i < n && list.charAt(i) != '"') {
                    if (list.charAt(i) == '\\' && i + 1 < n) {
                        i++;
                    }
                    value.append(list.charAt(i++));
                }
                i++;
            } else {
                while (i < n && list.charAt(i) != ',') {
                    value.append(list.charAt(i++));
                }
            }
            parameters.put(key, value.toString().trim());
        }
        return parameters;
    }
}
