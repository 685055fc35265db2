package org.beholder.core.store;

import static org.beholder.core.store.StoreFixtures.MINUTE;
import static org.beholder.core.store.StoreFixtures.T0;
import static org.beholder.core.store.StoreFixtures.motion;
import static org.beholder.core.store.StoreFixtures.object;
import static org.beholder.core.store.StoreFixtures.open;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writing, reading back and updating events; what survives a reopen; the database's settings. */
class EventStoreTest {
    @TempDir
    Path data;

    @Test
    void everyFieldSurvivesAReopen() {
        StoredEvent full = new StoredEvent("e1", "porch", "object", "person", 0.87, T0, T0 + 5_000L,
                List.of("drive", "door"), new Box(0.25, 0.5, 0.125, 0.375), "porch/2026-12-01/e1.jpg", "rec-1",
                1_500L, true, Map.of("counts", Map.of("person", 2L), "note", "a \"quoted\"\nline", "ratio", 0.5,
                        "flags", List.of(true, false)));
        try (EventStore store = open(data)) {
            store.put(full);
        }
        try (EventStore store = open(data)) {
            assertEquals(full, store.get("e1").orElseThrow());
            assertTrue(store.get("nope").isEmpty());
        }
    }

    @Test
    void anOngoingEventGetsItsEndLaterAndAnUpdateNeverReopensIt() {
        try (EventStore store = open(data)) {
            store.put(motion("m1", "porch", "drive", T0, null));
            store.flush();
            assertTrue(store.get("m1").orElseThrow().ongoing());

            store.end("m1", T0 + 7_000L);
            store.flush();
            assertEquals(T0 + 7_000L, store.get("m1").orElseThrow().endMs());

            store.put(motion("m1", "porch", "drive", T0, null).withZones(List.of("drive", "lawn")));
            store.flush();
            StoredEvent updated = store.get("m1").orElseThrow();
            assertEquals(T0 + 7_000L, updated.endMs());
            assertEquals(List.of("drive", "lawn"), updated.zones());

            store.end("m1", T0 - 1); // before its start: refused
            store.end("unknown", T0);
            store.flush();
            assertEquals(T0 + 7_000L, store.get("m1").orElseThrow().endMs());
        }
    }

    @Test
    void aLongEventIsFoundInsideItsSpanAfterAReopen() {
        long tenDays = 10 * 24 * 60 * MINUTE;
        try (EventStore store = open(data)) {
            store.put(motion("long", "porch", "door", T0, null));
            store.put(motion("short", "porch", "door", T0 + 1, T0 + 2));
            store.end("long", T0 + tenDays);
        }
        try (EventStore store = open(data)) {
            EventQuery middle = EventQuery.all().withTime(T0 + tenDays / 2, T0 + tenDays / 2 + MINUTE);
            assertEquals(List.of("long"), store.search(middle).events().stream().map(StoredEvent::id).toList());
            assertEquals(1, store.count(middle));
        }
    }

    @Test
    void journalEventsBecomeRowsWithPhasesJoined() {
        Instant t = Instant.ofEpochMilli(T0);
        try (EventStore store = open(data)) {
            NvrEvent start = NvrEvent.of(EventType.MOTION, "porch", t, Map.of("phase", "start", "zone", "drive",
                    "level", 0.3));
            assertTrue(store.record(start));
            assertTrue(store.record(NvrEvent.of(EventType.MOTION, "porch", t.plusSeconds(4), Map.of("phase", "stop",
                    "zone", "drive"))));
            assertFalse(store.record(NvrEvent.of(EventType.MOTION, "porch", t.plusSeconds(5), Map.of("phase",
                    "stop", "zone", "drive"))), "a stop without a start");
            store.record(NvrEvent.of(EventType.RECORDING, "porch", t, Map.of("id", "r7", "phase", "started",
                    "reasons", List.of("motion"))));
            store.record(NvrEvent.of(EventType.RECORDING, "porch", t.plusSeconds(30), Map.of("id", "r7", "phase",
                    "stopped", "reasons", List.of("motion"))));
            assertFalse(store.record(NvrEvent.of(EventType.STATISTICS, "porch", t, Map.of("fps", 15.0,
                    "bitrateBps", 1L, "width", 1L, "height", 1L, "viewerSkips", 0L))));
            store.flush();

            StoredEvent motion = store.get(start.id()).orElseThrow();
            assertEquals(List.of("drive"), motion.zones());
            assertEquals(T0 + 4_000L, motion.endMs());
            StoredEvent recording = store.get("recording-r7").orElseThrow();
            assertEquals("r7", recording.recordingId());
            assertEquals(T0 + 30_000L, recording.endMs());
            assertEquals(2, store.count(EventQuery.all()));
        }
    }

    @Test
    void theDatabaseIsOneWalFileUnderTheDataFolder() throws Exception {
        try (EventStore store = open(data)) {
            store.put(object("o1", "porch", "car", 0.9, T0, T0 + MINUTE));
            store.flush();
            Path file = data.resolve("events").resolve("events.db");
            assertTrue(Files.isRegularFile(file));
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = connection.createStatement()) {
                assertEquals("wal", single(statement, "PRAGMA journal_mode"));
                assertEquals("1", single(statement, "PRAGMA user_version"));
            }
        }
    }

    @Test
    void aJournalEventSurvivesTheRoundTrip() {
        Instant t = Instant.ofEpochMilli(T0);
        NvrEvent object = NvrEvent.of(EventType.OBJECT, "porch", t, Map.of("label", "dog", "score", 0.75, "box",
                Map.of("x", 0.5, "y", 0.25, "width", 0.125, "height", 0.0625), "counts", Map.of("dog", 1L)));
        NvrEvent qr = NvrEvent.of(EventType.QR, "porch", t, Map.of("text", "hello"));
        NvrEvent status = NvrEvent.of(EventType.STATUS, "porch", t, Map.of("state", "CONNECTED", "message", "ok",
                "recording", true));
        try (EventStore store = open(data)) {
            for (NvrEvent event : List.of(object, qr, status)) {
                store.record(event);
            }
            store.flush();
            for (NvrEvent event : List.of(object, qr, status)) {
                assertEquals(event, store.get(event.id()).orElseThrow().toNvrEvent());
            }
            StoredEvent stored = store.get(object.id()).orElseThrow();
            assertEquals("dog", stored.label());
            assertEquals(0.75, stored.score());
            assertEquals(new Box(0.5, 0.25, 0.125, 0.0625), stored.box());
            assertEquals(Map.of("counts", Map.of("dog", 1L)), stored.details());
            assertNull(store.get(qr.id()).orElseThrow().label());
        }
    }

    @Test
    void aClosedStoreRefusesWorkAndClosingTwiceIsHarmless() {
        EventStore store = open(data);
        store.close();
        store.close();
        assertThrows(IllegalStateException.class, () -> store.put(motion("m", "porch", "door", T0, null)));
        assertThrows(IllegalStateException.class, () -> store.get("m"));
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
