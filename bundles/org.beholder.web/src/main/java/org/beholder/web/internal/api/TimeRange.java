package org.beholder.web.internal.api;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import javax.servlet.http.HttpServletRequest;

/** {@code from} and {@code to} query parameters: ISO-8601 instants or epoch milliseconds; default the last day. */
record TimeRange(Instant from, Instant to) {
    static final Duration DEFAULT_SPAN = Duration.ofDays(1);
    static final Duration MAX_SPAN = Duration.ofDays(400);

    static TimeRange of(HttpServletRequest request) {
        Instant to = parse("to", request.getParameter("to"), Instant.now().plusSeconds(1));
        Instant from = parse("from", request.getParameter("from"), to.minus(DEFAULT_SPAN));
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
        try {
            return value.chars().allMatch(Character::isDigit) ? Instant.ofEpochMilli(Long.parseLong(value))
                    : Instant.parse(value);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) or epoch millis");
        }
    }
}
