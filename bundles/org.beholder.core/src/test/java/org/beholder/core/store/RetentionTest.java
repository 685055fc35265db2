package org.beholder.core.store;

import static org.beholder.core.store.StoreFixtures.DAY;
import static org.beholder.core.store.StoreFixtures.MINUTE;
import static org.beholder.core.store.StoreFixtures.T0;
import static org.beholder.core.store.StoreFixtures.ids;
import static org.beholder.core.store.StoreFixtures.motion;
import static org.beholder.core.store.StoreFixtures.object;
import static org.beholder.core.store.StoreFixtures.open;
import static org.beholder.core.store.StoreFixtures.recording;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention by age and by count, never of an event whose recording is kept; thumbnails go with their events. */
class RetentionTest {
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 1, 2, 3, (byte) 0xff,
        (byte) 0xd9};

    @TempDir
    Path data;

    private static List<String> all(EventStore store) {
        return ids(store.search(EventQuery.all().withLimit(1000).withOldestFirst(true)));
    }

    @Test
    void byAgeDeletesWhatEndedLongerAgoButKeepsEventsOfKeptRecordings() {
        long now = T0 + 10 * DAY;
        try (EventStore store = open(data, now)) {
            store.put(object("old", "porch", "car", 0.5, T0, T0 + MINUTE));
            store.put(object("old-recorded", "porch", "car", 0.5, T0, T0 + MINUTE).withRecording("r1", 0L));
            store.put(recording("r1", "porch", T0, T0 + 2 * MINUTE));
            store.put(object("old-deleted-recording", "porch", "car", 0.5, T0, T0 + MINUTE).withRecording("r0", 0L));
            store.put(motion("ended-recently", "porch", "door", T0, now - DAY));
            store.put(object("new", "porch", "car", 0.5, now - DAY, now - DAY));
            RetentionResult result = store.applyRetention(new RetentionPolicy(7 * DAY, 0, 0),
                    Set.of("r1")::contains).join();
            // equal starts list by id
            assertEquals(List.of("ended-recently", "old-recorded", "recording-r1", "new"), all(store));
            assertEquals(2, result.deletedEvents());
            assertEquals(2, result.keptForRecording());
        }
    }

    @Test
    void byCountPerChannelAndInTotalTheOldestGoFirst() {
        try (EventStore store = open(data)) {
            for (int i = 0; i < 5; i++) {
                store.put(object("a" + i, "porch", "car", 0.5, T0 + i * MINUTE, T0 + i * MINUTE));
                store.put(object("b" + i, "yard", "car", 0.5, T0 + i * MINUTE + 1, T0 + i * MINUTE + 1));
            }
            store.applyRetention(new RetentionPolicy(0, 3, 0), id -> false).join();
            assertEquals(List.of("a2", "b2", "a3", "b3", "a4", "b4"), all(store));

            RetentionResult total = store.applyRetention(new RetentionPolicy(0, 0, 4), id -> false).join();
            assertEquals(List.of("a3", "b3", "a4", "b4"), all(store));
            assertEquals(2, total.deletedEvents());

            RetentionResult nothing = store.applyRetention(RetentionPolicy.keepAll(), id -> false).join();
            assertEquals(0, nothing.deletedEvents());
            assertEquals(4, store.count(EventQuery.all()));
        }
    }

    @Test
    void aCountLimitSkipsEventsOfKeptRecordingsAndTakesTheNextOldest() {
        try (EventStore store = open(data)) {
            store.put(object("kept", "porch", "car", 0.5, T0, T0).withRecording("r1", 0L));
            store.put(object("second", "porch", "car", 0.5, T0 + 1, T0 + 1));
            store.put(object("third", "porch", "car", 0.5, T0 + 2, T0 + 2));
            store.applyRetention(new RetentionPolicy(0, 2, 0), "r1"::equals).join();
            assertEquals(List.of("kept", "third"), all(store));
            // kept events count against the limit: the others go to honour it
            RetentionResult result = store.applyRetention(new RetentionPolicy(0, 1, 0), "r1"::equals).join();
            assertEquals(List.of("kept"), all(store));
            assertEquals(1, result.keptForRecording());
        }
    }

    @Test
    void thumbnailsAreWrittenWholeAndDeletedWithTheirEvent() throws Exception {
        try (EventStore store = open(data, T0 + 30 * DAY)) {
            StoredEvent stored = store.put(object("o1", "porch", "person", 0.9, T0, T0 + MINUTE), JPEG);
            store.flush();
            assertEquals("porch/2026-12-01/o1.jpg", stored.thumbnail());
            assertEquals(stored, store.get("o1").orElseThrow());
            Path file = store.thumbnailFile(stored).orElseThrow();
            assertEquals(data.resolve("thumbnails/porch/2026-12-01/o1.jpg").toAbsolutePath(), file);
            assertArrayEquals(JPEG, Files.readAllBytes(file));
            try (var siblings = Files.list(file.getParent())) {
                assertEquals(List.of(file), siblings.toList(), "no temporary file left beside it");
            }

            RetentionResult result = store.applyRetention(new RetentionPolicy(DAY, 0, 0), id -> false).join();
            assertEquals(1, result.deletedThumbnails());
            assertFalse(Files.exists(file));
            assertFalse(Files.exists(data.resolve("thumbnails/porch")), "empty folders go too");
        }
    }

    @Test
    void openingSweepsThumbnailsWithoutAnEventAndHalfWrittenOnes() throws Exception {
        StoredEvent kept;
        try (EventStore store = open(data)) {
            kept = store.put(object("kept", "porch", "person", 0.9, T0, T0), JPEG);
        }
        Path day = data.resolve("thumbnails/porch/2026-12-01");
        Files.write(day.resolve("gone.jpg"), JPEG); // its event was deleted, the crash came before the file went
        Files.write(day.resolve("half.jpg.tmp"), new byte[] {(byte) 0xff}); // a write the crash interrupted
        Path otherDay = data.resolve("thumbnails/yard/2026-11-30");
        Files.createDirectories(otherDay);
        Files.write(otherDay.resolve("kept.jpg"), JPEG); // the id of a stored event, in the wrong place
        try (EventStore store = open(data)) {
            assertEquals(3, store.orphanThumbnailsDeleted());
            assertTrue(Files.exists(store.thumbnailFile(kept).orElseThrow()));
            try (var left = Files.walk(data.resolve("thumbnails"))) {
                assertEquals(1, left.filter(Files::isRegularFile).count());
            }
            assertFalse(Files.exists(data.resolve("thumbnails/yard")));
        }
    }

    @Test
    void thumbnailPathsStayInsideTheirFolder() {
        try (EventStore store = open(data)) {
            assertThrows(IllegalArgumentException.class,
                    () -> store.put(object("../../etc", "porch", "car", 0.5, T0, T0), JPEG));
            assertThrows(IllegalArgumentException.class,
                    () -> store.put(object("x", "..", "car", 0.5, T0, T0), JPEG));
            assertThrows(IllegalArgumentException.class, () -> store.thumbnailFile(object("x", "porch", "car", 0.5,
                    T0, T0).withThumbnail("../events/events.db")));
        }
    }
}
