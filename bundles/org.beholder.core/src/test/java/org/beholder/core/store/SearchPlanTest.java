package org.beholder.core.store;

import static org.beholder.core.store.StoreFixtures.DAY;
import static org.beholder.core.store.StoreFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.beholder.core.internal.store.Connections;
import org.beholder.core.internal.store.Retention;
import org.beholder.core.internal.store.Schema;
import org.beholder.core.internal.store.SearchSql;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The searches the review page makes walk an index bounded by their filters, never the whole table, and counts
 * read the index alone: what keeps them fast with a million events (docs/benchmarks.md), checked without a clock.
 */
class SearchPlanTest {
    @TempDir
    Path data;
    Connection connection;

    @BeforeEach
    void schema() throws Exception {
        Path file = data.resolve("events.db");
        connection = Connections.open(file, false);
        Schema.migrate(connection, file, Schema.MIGRATIONS);
    }

    @AfterEach
    void close() throws Exception {
        connection.close();
    }

    private List<String> plan(String sql, List<Object> parameters) throws Exception {
        List<String> steps = new ArrayList<>();
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 0; i < parameters.size(); i++) {
                explain.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = explain.executeQuery()) {
                while (rows.next()) {
                    steps.add(rows.getString("detail"));
                }
            }
        }
        return steps;
    }

    private List<String> pagePlan(EventQuery query) throws Exception {
        SearchSql sql = new SearchSql(query, 300_000L, null, true);
        return plan(sql.selectPage(query), sql.parameters());
    }

    private List<String> countPlan(EventQuery query) throws Exception {
        SearchSql sql = new SearchSql(query, 300_000L, null, false);
        return plan(sql.selectCount(), sql.parameters());
    }

    @Test
    void channelDayLabelAndTypeSearchesUseTheirIndex() throws Exception {
        EventQuery day = EventQuery.all().withTime(T0, T0 + DAY);
        assertSearch("events_by_channel (channel=? AND start_ms>? AND start_ms<?)",
                pagePlan(day.withChannels("porch")));
        assertSearch("events_by_channel (channel=? AND start_ms>? AND start_ms<?)",
                pagePlan(day.withChannels("porch").withCursor(T0 + 5 + ":abc")));
        assertSearch("events_by_label (label=? AND start_ms>? AND start_ms<?)", pagePlan(day.withLabels("horse")));
        assertSearch("events_by_type (type=? AND start_ms>? AND start_ms<?)", pagePlan(day.withTypes("object")));
        assertSearch("events_by_start (start_ms>? AND start_ms<?)", pagePlan(day));
    }

    @Test
    void countsReadOnlyTheIndex() throws Exception {
        EventQuery day = EventQuery.all().withTime(T0, T0 + DAY);
        assertEquals(List.of("SEARCH events USING COVERING INDEX events_by_channel (channel=? AND start_ms>? AND "
                + "start_ms<?)"), countPlan(day.withChannels("porch")));
        assertEquals(List.of("SEARCH events USING COVERING INDEX events_by_label (label=? AND start_ms>? AND "
                + "start_ms<?)"), countPlan(day.withLabels("person")));
    }

    @Test
    void theOldestOngoingEventIsOneStepInItsPartialIndex() throws Exception {
        assertEquals(List.of("SCAN events USING INDEX events_ongoing"), plan(SearchSql.OLDEST_ONGOING, List.of()));
    }

    @Test
    void retentionWalksTheIndexInOrderChunkByChunk() throws Exception {
        List<Object> after = List.of(T0, T0, "abc");
        assertSearch("events_by_start (start_ms>? AND start_ms<?)", plan(Retention.candidatesSql(
                "start_ms < ? AND coalesce(end_ms, start_ms) < ?"), List.of(T0 + DAY, T0 + DAY, T0, T0, "abc")));
        assertSearch("events_by_channel (channel=? AND start_ms>?)", plan(Retention.candidatesSql("channel = ?"),
                List.of("porch", T0, T0, "abc")));
        assertSearch("events_by_start (start_ms>?)", plan(Retention.candidatesSql(null), after));
    }

    /** One index walk, bounded by the filters, in the wanted order (only ties of start_ms sorted by id). */
    private static void assertSearch(String index, List<String> plan) {
        assertTrue(plan.get(0).startsWith("SEARCH events USING ") && plan.get(0).endsWith("INDEX " + index),
                plan.toString());
        assertTrue(plan.stream().noneMatch(step -> step.startsWith("SCAN events") || step.startsWith("MULTI-INDEX")
                || step.equals("USE TEMP B-TREE FOR ORDER BY")), plan.toString());
    }
}
