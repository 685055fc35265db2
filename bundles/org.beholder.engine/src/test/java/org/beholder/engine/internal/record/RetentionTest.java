package org.beholder.engine.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

import org.beholder.engine.EngineConfig;
import org.beholder.engine.Recording;
import org.beholder.engine.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    private static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    private static final Duration RECORDING_LENGTH = Duration.ofSeconds(30);

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock(NOW);

    /** A closed recording of {@code bytes} that ended {@code age} before {@link #NOW}. */
    private void recording(String channel, String id, Duration age, int bytes) throws Exception {
        Instant end = NOW.minus(age);
        Instant start = end.minus(RECORDING_LENGTH);
        Path folder = root.resolve(channel).resolve("day").resolve(id);
        Files.createDirectories(folder);
        RecordingMeta meta = new RecordingMeta(id, channel, start, List.of("motion"));
        meta.end = end;
        meta.save(folder);
        Files.write(folder.resolve("00000-" + start.toEpochMilli() + ".ts"), new byte[bytes]);
        Playlist.write(folder, List.of(new SegmentEntry("00000-" + start.toEpochMilli() + ".ts",
                RECORDING_LENGTH.toSeconds(), start.toEpochMilli(), false)), true);
    }

    private void recording(String channel, String id, double ageDays, int bytes) throws Exception {
        recording(channel, id, Duration.ofMinutes((long) (ageDays * 24 * 60)), bytes);
    }

    private RecordingStore store(String... channels) throws Exception {
        RecordingStore store = new RecordingStore(root, clock);
        for (String channel : channels) {
            store.load(channel);
        }
        return store;
    }

    private Retention retention(RecordingStore store, long maxTotalBytes, long minFreeBytes, LongSupplier free) {
        return new Retention(store, new EngineConfig(root, maxTotalBytes, minFreeBytes, Duration.ofMinutes(1)), free,
                clock);
    }

    private static List<String> ids(RecordingStore store, String channel) {
        return store.list(channel, Instant.EPOCH, NOW.plus(Duration.ofDays(30))).stream().map(Recording::id)
                .toList();
    }

    @Test
    void deletesRecordingsOlderThanTheChannelsDaysByTheInjectedClock() throws Exception {
        recording("a", "r1-older", Duration.ofDays(7).plusMinutes(1), 1000);
        recording("a", "r2-younger", Duration.ofDays(7).minusMinutes(1), 1000);
        recording("a", "r3-recent", Duration.ofHours(2), 1000);
        RecordingStore store = store("a");
        Path open = Files.createDirectories(root.resolve("a/day/open")); // being written since nine days ago
        store.put(new Recording("open", "a", NOW.minus(Duration.ofDays(9)), null, List.of("continuous"), open, 1000));
        Retention retention = retention(store, 0, 0, () -> 1L << 40);
        retention.setPolicy("a", new Retention.Policy(7, 0));

        assertEquals(1, retention.run());
        assertEquals(List.of("open", "r2-younger", "r3-recent"), ids(store, "a"));
        assertFalse(Files.exists(root.resolve("a/day/r1-older")));

        clock.advance(Duration.ofMinutes(2)); // "r2-younger" is now 7 days and a minute old
        assertEquals(1, retention.run());
        assertEquals(List.of("open", "r3-recent"), ids(store, "a"));
        assertTrue(Files.isDirectory(open), "a recording in progress is never deleted, however old");

        clock.advance(Duration.ofDays(30));
        retention.run();
        assertEquals(List.of("open"), ids(store, "a"));
    }

    @Test
    void keepsEachChannelUnderItsBytesOldestFirst() throws Exception {
        recording("a", "r1", 3, 4000);
        recording("a", "r2", 2, 4000);
        recording("a", "r3", 1, 4000);
        recording("b", "r1", 5, 4000);
        RecordingStore store = store("a", "b");
        Retention retention = retention(store, 0, 0, () -> 1L << 40);
        retention.setPolicy("a", new Retention.Policy(0, 9000));
        retention.setPolicy("b", new Retention.Policy(0, 0));
        retention.run();
        assertEquals(List.of("r2", "r3"), ids(store, "a"));
        assertEquals(List.of("r1"), ids(store, "b"), "another channel's limit does not touch b");
    }

    @Test
    void keepsAllChannelsUnderTheTotalAndFreesDiskSpaceButNeverDeletesAnOpenRecording() throws Exception {
        recording("a", "r2", 2, 4000);
        recording("b", "r1", 3, 4000);
        recording("b", "r3", 1, 4000);
        RecordingStore store = store("a", "b");
        Path live = Files.createDirectories(root.resolve("a/day/old-open")); // being written right now
        store.put(new Recording("old-open", "a", NOW.minus(Duration.ofDays(9)), null, List.of("continuous"), live,
                4000));
        AtomicLong free = new AtomicLong(1L << 40);
        Retention retention = retention(store, 13_000, 1000, free::get);
        retention.run();
        assertEquals(List.of("old-open", "r2"), ids(store, "a"));
        assertEquals(List.of("r3"), ids(store, "b"), "oldest closed recording of all channels went first");

        free.set(10); // disk nearly full: delete until nothing closed is left
        assertFalse(retention.ensureSpace());
        assertEquals(List.of("old-open"), ids(store, "a"));
        assertEquals(List.of(), ids(store, "b"));
        free.set(1L << 30);
        assertTrue(retention.ensureSpace());
    }

    @Test
    void freeSpaceCleanUpSparesRecordingsThatEndedWithinTheLastHourByTheClock() throws Exception {
        recording("a", "just-ended", Duration.ofMinutes(30), 4000);
        RecordingStore store = store("a");
        Retention retention = retention(store, 0, 1000, () -> 10);

        assertFalse(retention.ensureSpace());
        assertEquals(List.of("just-ended"), ids(store, "a"), "ended 30 minutes ago: the recorder pauses instead");

        clock.advance(Duration.ofMinutes(31));
        retention.run();
        assertEquals(List.of(), ids(store, "a"), "an hour and a minute later it may go");
    }
}
