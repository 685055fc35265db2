package org.beholder.standalone.internal.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Whole numbers, decimals and sizes as written in {@code beholder.yml}. Plain digits only: Java's own parsers
 * would also take {@code 2d}, {@code 0x1p3}, {@code NaN} or {@code Infinity}. Values are compared with their
 * bounds as {@link BigDecimal}, so no number of digits overflows, and every size comes out as a {@code long}.
 */
final class Numbers {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    static final long MB = 1L << 20;
    static final long GB = 1_000_000_000L;

    private Numbers() {
    }

    /** @throws IllegalArgumentException with a message for the user (the key is added by the caller) */
    static int whole(String text, int min, int max) {
        String trimmed = text.trim();
        if (!WHOLE.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("must be a whole number, was " + Values.quote(text));
        }
        BigInteger value = new BigInteger(trimmed);
        if (value.compareTo(BigInteger.valueOf(min)) < 0 || value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new IllegalArgumentException("must be between " + min + " and " + max + ", was "
                    + Values.quote(text));
        }
        return value.intValueExact();
    }

    /** @throws IllegalArgumentException with a message for the user (the key is added by the caller) */
    static double decimal(String text, double min, double max) {
        return inRange(text, BigDecimal.valueOf(min), BigDecimal.valueOf(max)).doubleValue();
    }

    /**
     * A size written in {@code unit}s (e.g. {@code 1.5} GB), in bytes.
     *
     * @throws IllegalArgumentException with a message for the user (the key is added by the caller)
     */
    static long bytes(String text, long unit, long maxUnits) {
        BigDecimal units = inRange(text, BigDecimal.ZERO, BigDecimal.valueOf(maxUnits));
        return units.multiply(BigDecimal.valueOf(unit)).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }

    private static BigDecimal inRange(String text, BigDecimal min, BigDecimal max) {
        String trimmed = text.trim();
        if (!DECIMAL.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("must be a number, was " + Values.quote(text));
        }
        BigDecimal value = new BigDecimal(trimmed);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException("must be between " + min.toPlainString() + " and "
                    + max.toPlainString() + ", was " + Values.quote(text));
        }
        return value;
    }
}
