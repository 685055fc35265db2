package org.beholder.standalone.internal.config;

import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as written in {@code beholder.yml}: a whole number and a unit ({@code 500ms}, {@code 10s}, {@code 5m},
 * {@code 2h}, {@code 1d}; no unit means seconds). The number is read as a {@link BigInteger}, so any number of digits
 * is compared with the key's bounds instead of overflowing.
 */
final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)?");
    private static final Map<String, Long> MILLIS_PER_UNIT = Map.of("ms", 1L, "s", 1_000L, "m", 60_000L,
            "h", 3_600_000L, "d", 86_400_000L);

    private Durations() {
    }

    /**
     * @throws IllegalArgumentException with a message for the user (the key is added by the caller)
     */
    static Duration parse(String text, Duration min, Duration max) {
        Matcher matcher = DURATION.matcher(text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("must be a duration like 500ms, 10s, 5m, 2h or 1d, was "
                    + Values.quote(text));
        }
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        BigInteger millis = new BigInteger(matcher.group(1)).multiply(BigInteger.valueOf(MILLIS_PER_UNIT.get(unit)));
        if (millis.compareTo(BigInteger.valueOf(min.toMillis())) < 0
                || millis.compareTo(BigInteger.valueOf(max.toMillis())) > 0) {
            throw new IllegalArgumentException("must be between " + format(min) + " and " + format(max) + ", was "
                    + Values.quote(text));
        }
        return Duration.ofMillis(millis.longValueExact());
    }

    /** The shortest way to write the duration in the file's own units, for messages. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        for (String unit : new String[] { "d", "h", "m", "s" }) {
            long per = MILLIS_PER_UNIT.get(unit);
            if (millis >= per && millis % per == 0) {
                return millis / per + unit;
            }
        }
        return millis + "ms";
    }
}
