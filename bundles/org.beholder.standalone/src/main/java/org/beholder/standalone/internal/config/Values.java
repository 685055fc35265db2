package org.beholder.standalone.internal.config;

/** How a value from the file is shown in a message: short, on one line, with no control characters. */
final class Values {
    private static final int MAX_SHOWN = 40;
    /** Long enough for every message of ours; messages of other modules may quote a whole value. */
    static final int MAX_MESSAGE = 300;

    private Values() {
    }

    static String quote(String value) {
        StringBuilder shown = new StringBuilder();
        value.codePoints().limit(MAX_SHOWN).forEach(c -> {
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                shown.append('?');
            } else {
                shown.appendCodePoint(c);
            }
        });
        return "'" + shown + (value.codePointCount(0, value.length()) > MAX_SHOWN ? "…" : "") + "'";
    }

    /**
     * A whole message on one line (SnakeYAML's may span several or quote a control character) and cut to
     * {@link #MAX_MESSAGE} characters.
     */
    static String oneLine(String message) {
        String line = message.replaceAll("[\\p{Cntrl}\\p{Cf}\u2028\u2029]+", " ").strip();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }
}
