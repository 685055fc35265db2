package org.beholder.web.internal.api;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletRequest;

/**
 * {@code from} and {@code to} query parameters: ISO-8601 instants or epoch milliseconds; default the last day.
 * Both must lie between {@link #EARLIEST} and {@link #LATEST}: nothing Beholder keeps is older or newer, and
 * instants at the edge of Java's range would overflow when the default span is subtracted.
 */
record TimeRange(Instant from, Instant to) {
    static final Duration DEFAULT_SPAN = Duration.ofDays(1);
    static final Duration MAX_SPAN = Duration.ofDays(400);
    static final Instant EARLIEST = Instant.EPOCH;
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");
    private static final Pattern MILLIS = Pattern.compile("[0-9]{1,16}");

    static TimeRange of(HttpServletRequest request, InstantSource clock) {
        Instant to = parse("to", request.getParameter("to"), clock.instant().plusSeconds(1));
        Instant from = parse("from", request.getParameter("from"),
                to.isBefore(EARLIEST.plus(DEFAULT_SPAN)) ? EARLIEST : to.minus(DEFAULT_SPAN));
        if (!from.isBefore(to)) {
            throw ApiError.badRequest("from must be before to");
        }
        if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
            throw ApiError.badRequest("a range may span at most " + MAX_SPAN.toDays() + " days");
        }
        return new TimeRange(from, to);
    }

    private static Instant parse(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        Instant instant;
        try {
            instant = MILLIS.matcher(value).matches() ? Instant.ofEpochMilli(Long.parseLong(value))
                    : Instant.parse(value);
        } catch (DateTimeException | NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch millis");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ApiError.badRequest(name + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return instant;
    }
}
