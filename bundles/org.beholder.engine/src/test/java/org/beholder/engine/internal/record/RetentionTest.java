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

import org.beholder.engine.EngineConfig;
import org.beholder.engine.Recording;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionTest {
    @TempDir
    Path root;

    /** A closed recording of {@code bytes} that started {@code ageDays} ago. */
    private void recording(String channel, String id, double ageDays, int bytes) throws Exception {
        Instant start = Instant.now().minus(Duration.ofMinutes((long) (ageDays * 24 * 60) + 1));
        Path folder = root.resolve(channel).resolve("day").resolve(id);
        Files.createDirectories(folder);
        RecordingMeta meta = new RecordingMeta(id, channel, start, List.of("motion"));
        meta.end = start.plusSeconds(30);
        meta.save(folder);
        Files.write(folder.resolve("00000-" + start.toEpochMilli() + ".ts"), new byte[bytes]);
        Playlist.write(folder, List.of(new SegmentEntry("00000-" + start.toEpochMilli() + ".ts", 30,
                start.toEpochMilli(), false)), true);
    }

    private RecordingStore store(String... channels) throws Exception {
        RecordingStore store = new RecordingStore(root);
        for (String channel : channels) {
            store.load(channel);
        }
        return store;
    }

    private static List<String> ids(RecordingStore store, String channel) {
        return store.list(channel, Instant.EPOCH, Instant.now().plusSeconds(60)).stream().map(Recording::id).toList();
    }

    @Test
    void deletesRecordingsOlderThanTheChannelsDays() throws Exception {
        recording("a", "r1", 10, 1000);
        recording("a", "r2", 3, 1000);
        recording("a", "r3", 0.1, 1000);
        RecordingStore store = store("a");
        Retention retention = new Retention(store, new EngineConfig(root, 0, 0, Duration.ofMinutes(1)), () -> 1L << 40);
        retention.setPolicy("a", new Retention.Policy(7, 0));
        assertEquals(1, retention.run());
        assertEquals(List.of("r2", "r3"), ids(store, "a"));
        assertFalse(Files.exists(root.resolve("a/day/r1")));
    }

    @Test
    void keepsEachChannelUnderItsBytesOldestFirst() throws Exception {
        recording("a", "r1", 3, 4000);
        recording("a", "r2", 2, 4000);
        recording("a", "r3", 1, 4000);
        recording("b", "r1", 5, 4000);
        RecordingStore store = store("a", "b");
        Retention retention = new Retention(store, new EngineConfig(root, 0, 0, Duration.ofMinutes(1)), () -> 1L << 40);
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
        store.put(new Recording("old-open", "a", Instant.now().minus(Duration.ofDays(9)), null, List.of("continuous"),
                live, 4000));
        AtomicLong free = new AtomicLong(1L << 40);
        Retention retention = new Retention(store, new EngineConfig(root, 13_000, 1000, Duration.ofMinutes(1)),
                free::get);
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
}
