package org.beholder.standalone.internal.config;

/** How a value from the file is shown in a message: short, on one line, with no control characters. */
final class Values {
    private static final int MAX_SHOWN = 40;

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
}
