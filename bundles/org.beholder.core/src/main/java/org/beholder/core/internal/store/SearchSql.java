package org.beholder.core.internal.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.beholder.core.store.EventQuery;

/**
 * The SQL of one search: a WHERE clause and its parameters, the order and the page. Time ranges are written so
 * that an index on {@code start_ms} bounds the scan at both ends: an event overlaps [from, to) when it starts
 * before {@code to} and ends at or after {@code from}, and since no event that ended is longer than
 * {@code longestMs}, nor any ongoing one older than {@code oldestOngoingMs}, it starts no earlier than the
 * smaller of {@code from - longestMs} and {@code oldestOngoingMs}.
 */
public final class SearchSql {
    /**
     * The start of the oldest ongoing event. INDEXED BY: left to itself, the planner may take min() over the whole
     * (start_ms, end_ms) index instead of one step in the partial index of ongoing events.
     */
    public static final String OLDEST_ONGOING = "SELECT start_ms FROM events INDEXED BY events_ongoing "
            + "WHERE end_ms IS NULL ORDER BY start_ms LIMIT 1";

    private final StringBuilder where = new StringBuilder();
    private final List<Object> parameters = new ArrayList<>();

    /**
     * @param longestMs       the longest span (end - start) of an ended event in the store
     * @param oldestOngoingMs the start of the oldest ongoing event, or null when none is ongoing
     */
    public SearchSql(EventQuery query, long longestMs, Long oldestOngoingMs, boolean withCursor) {
        in("channel", query.channels());
        in("type", query.types());
        in("label", query.labels());
        if (query.toMs() != null) {
            and("start_ms < ?", query.toMs());
        }
        if (query.fromMs() != null) {
            long lowest = saturatedMinus(query.fromMs(), longestMs);
            if (oldestOngoingMs != null) {
                lowest = Math.min(lowest, oldestOngoingMs);
            }
            and("start_ms >= ?", lowest);
            and("(end_ms IS NULL OR end_ms >= ?)", query.fromMs());
        }
        if (query.zone() != null) {
            and("instr(zones, ?) > 0", "," + query.zone() + ",");
        }
        if (query.minScore() != null) {
            and("score >= ?", query.minScore());
        }
        if (query.hasRecording() != null) {
            where.append(where.isEmpty() ? "" : " AND ")
                    .append(query.hasRecording() ? "recording_id IS NOT NULL" : "recording_id IS NULL");
        }
        if (withCursor && query.cursor() != null) {
            Cursor cursor = Cursor.parse(query.cursor());
            if (query.oldestFirst()) {
                and("start_ms >= ?", cursor.startMs());
                and("(start_ms > ? OR id > ?)", cursor.startMs(), cursor.id());
            } else {
                and("start_ms <= ?", cursor.startMs());
                and("(start_ms < ? OR id < ?)", cursor.startMs(), cursor.id());
            }
        }
    }

    public String where() {
        return where.isEmpty() ? "" : " WHERE " + where;
    }

    public List<Object> parameters() {
        return parameters;
    }

    /** SELECT of a page: one row more than the limit, to know whether there is a next page. */
    public String selectPage(EventQuery query) {
        String direction = query.oldestFirst() ? "ASC" : "DESC";
        return "SELECT " + EventRows.COLUMNS + " FROM events" + where() + " ORDER BY start_ms " + direction + ", id "
                + direction + " LIMIT " + (query.limit() + 1) + (query.offset() > 0 ? " OFFSET " + query.offset()
                : "");
    }

    public String selectCount() {
        return "SELECT count(*) FROM events" + where();
    }

    private void in(String column, Collection<String> values) {
        if (values.isEmpty()) {
            return;
        }
        where.append(where.isEmpty() ? "" : " AND ").append(column);
        if (values.size() == 1) {
            where.append(" = ?");
        } else {
            where.append(" IN (").append("?, ".repeat(values.size() - 1)).append("?)");
        }
        parameters.addAll(values.stream().sorted().toList());
    }

    private void and(String condition, Object... values) {
        where.append(where.isEmpty() ? "" : " AND ").append(condition);
        parameters.addAll(List.of(values));
    }

    private static long saturatedMinus(long a, long b) {
        long result = a - b;
        return ((a ^ b) & (a ^ result)) < 0 ? Long.MIN_VALUE : result;
    }

    /** Where a page ended: the last event's start and id. */
    public record Cursor(long startMs, String id) {
        public static Cursor parse(String text) {
            int colon = text.indexOf(':');
            try {
                if (colon > 0 && colon < text.length() - 1) {
                    return new Cursor(Long.parseLong(text.substring(0, colon)), text.substring(colon + 1));
                }
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
            throw new IllegalArgumentException("not a cursor of this event store: '" + text + "'");
        }

        @Override
        public String toString() {
            return startMs + ":" + id;
        }
    }
}
