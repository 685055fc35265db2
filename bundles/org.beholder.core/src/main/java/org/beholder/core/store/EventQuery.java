package org.beholder.core.store;

import java.util.Set;

/**
 * What {@link EventStore#search} and {@link EventStore#count} look for. Every filter is optional (empty sets and
 * nulls match everything); filters combine with AND, the values inside one filter with OR. Build one with
 * {@link #all()} and the {@code with…} methods:
 * {@code EventQuery.all().withChannels("porch").withTime(from, to).withLabels("person").withLimit(50)}.
 *
 * @param channels     channel ids
 * @param fromMs       events that end at or after this time (epoch ms; ongoing events have not ended)
 * @param toMs         events that start before this time (epoch ms); with {@code fromMs}: events that overlap
 *                     [from, to)
 * @param types        type wire names
 * @param labels       labels (object classes)
 * @param zone         events in this zone
 * @param minScore     events scored at least this (events without a score never match)
 * @param hasRecording true: only events in a recording; false: only events without one
 * @param limit        page size, 1..{@value #MAX_LIMIT}
 * @param cursor       the {@link EventPage#nextCursor()} of the previous page; null for the first page
 * @param offset       events to skip (slower than a cursor on deep pages); 0 with a cursor
 * @param oldestFirst  false (the default): newest first
 */
public record EventQuery(Set<String> channels, Long fromMs, Long toMs, Set<String> types, Set<String> labels,
        String zone, Double minScore, Boolean hasRecording, int limit, String cursor, long offset,
        boolean oldestFirst) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public EventQuery {
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        types = types == null ? Set.of() : Set.copyOf(types);
        labels = labels == null ? Set.of() : Set.copyOf(labels);
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (fromMs != null && toMs != null && toMs < fromMs) {
            throw new IllegalArgumentException("time range ends before it begins");
        }
    }

    /** Every event, newest first, the first {@value #DEFAULT_LIMIT}. */
    public static EventQuery all() {
        return new EventQuery(Set.of(), null, null, Set.of(), Set.of(), null, null, null, DEFAULT_LIMIT, null, 0,
                false);
    }

    public EventQuery withChannels(String... ids) {
        return new EventQuery(Set.of(ids), fromMs, toMs, types, labels, zone, minScore, hasRecording, limit, cursor,
                offset, oldestFirst);
    }

    /** Events that overlap [from, to); either end may be null for open. */
    public EventQuery withTime(Long from, Long to) {
        return new EventQuery(channels, from, to, types, labels, zone, minScore, hasRecording, limit, cursor,
                offset, oldestFirst);
    }

    public EventQuery withTypes(String... wireNames) {
        return new EventQuery(channels, fromMs, toMs, Set.of(wireNames), labels, zone, minScore, hasRecording,
                limit, cursor, offset, oldestFirst);
    }

    public EventQuery withLabels(String... names) {
        return new EventQuery(channels, fromMs, toMs, types, Set.of(names), zone, minScore, hasRecording, limit,
                cursor, offset, oldestFirst);
    }

    public EventQuery withZone(String name) {
        return new EventQuery(channels, fromMs, toMs, types, labels, name, minScore, hasRecording, limit, cursor,
                offset, oldestFirst);
    }

    public EventQuery withMinScore(Double score) {
        return new EventQuery(channels, fromMs, toMs, types, labels, zone, score, hasRecording, limit, cursor,
                offset, oldestFirst);
    }

    public EventQuery withHasRecording(Boolean recorded) {
        return new EventQuery(channels, fromMs, toMs, types, labels, zone, minScore, recorded, limit, cursor,
                offset, oldestFirst);
    }

    public EventQuery withLimit(int pageSize) {
        return new EventQuery(channels, fromMs, toMs, types, labels, zone, minScore, hasRecording, pageSize,
                cursor, offset, oldestFirst);
    }

    /** The page after the one that returned this cursor. */
    public EventQuery withCursor(String next) {
        return new EventQuery(channels, fromMs, toMs, types, labels, zone, minScore, hasRecording, limit, next,
                offset, oldestFirst);
    }

    public EventQuery withOffset(long skip) {
        return new EventQuery(channels, fromMs, toMs, types, labels, zone, minScore, hasRecording, limit, cursor,
                skip, oldestFirst);
    }

    public EventQuery withOldestFirst(boolean oldest) {
        return new EventQuery(channels, fromMs, toMs, types, labels, zone, minScore, hasRecording, limit, cursor,
                offset, oldest);
    }
}
