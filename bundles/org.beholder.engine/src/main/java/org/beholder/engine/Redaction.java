package org.beholder.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes camera credentials from any text before it reaches a log, a status, an API answer or a page: the
 * user-info of every URL ({@code rtsp://user:secret@host} becomes {@code rtsp://***@host}) and the values of query
 * or form parameters that commonly carry secrets ({@code password}, {@code pwd}, {@code pw}, {@code passwd},
 * {@code pass}, {@code token}, {@code auth}, {@code key} and names ending in them, e.g. {@code api_key},
 * {@code authToken}).
 */
public final class Redaction {
    public static final String MASK = "***";

    /**
     * scheme://user-info@ — user-info may hold anything but '/', whitespace and '@' itself. Patterns start only at
     * the beginning of a run of name characters (the look-behinds): every run is tried once, so the time stays
     * linear in the text's length (a long value must not become a denial of service).
     */
    private static final Pattern USER_INFO = Pattern
            .compile("(?<![A-Za-z0-9+.-])([A-Za-z][A-Za-z0-9+.-]*://)([^/\\s@?#]+)@");
    /** name=value; the name is checked against {@link #SECRET_NAME} in code, not by backtracking. */
    private static final Pattern PARAMETER = Pattern.compile("(?<![A-Za-z0-9_.-])([A-Za-z0-9_.-]+)=([^&#;\\s\"'<>]*)");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(?:password|passwd|pwd|pw|pass|token|auth|key|secret)",
            Pattern.CASE_INSENSITIVE);

    private Redaction() {
    }

    /** The text with credentials masked; null stays null. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String withoutUserInfo = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        return PARAMETER.matcher(withoutUserInfo).replaceAll(m -> Matcher.quoteReplacement(
                SECRET_NAME.matcher(m.group(1)).matches() ? m.group(1) + "=" + MASK : m.group()));
    }

    /** The text with this one secret masked too, wherever it appears (e.g. a password given apart from the URL). */
    public static String redact(String text, String secret) {
        String redacted = redact(text);
        if (redacted == null || secret == null || secret.length() < 3) {
            return redacted;
        }
        return redacted.replace(secret, MASK);
    }
}
