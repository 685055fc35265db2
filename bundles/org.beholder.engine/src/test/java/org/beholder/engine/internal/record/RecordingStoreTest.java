package org.beholder.engine.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.beholder.engine.Recording;
import org.beholder.engine.testing.ManualClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingStoreTest {
    @TempDir
    Path root;

    @Test
    void loadingSweepsFoldersAFailedStartLeftButKeepsAnythingWithSegmentsOrMetadata() throws Exception {
        Path day = root.resolve("cam/2026-12-03");
        Path tmpOnly = Files.createDirectories(day.resolve("20261203T100000.000Z"));
        Files.write(tmpOnly.resolve("recording.properties.tmp"), new byte[0]); // ENOSPC while saving metadata
        Path withReserve = Files.createDirectories(day.resolve("20261203T100001.000Z"));
        Files.write(withReserve.resolve(".reserve"), new byte[10]);
        Path empty = Files.createDirectories(day.resolve("20261203T100002.000Z"));
        Path emptyDay = Files.createDirectories(root.resolve("cam/2026-12-02/20261202T100000.000Z"));
        Path segmentsOnly = Files.createDirectories(day.resolve("20261203T100003.000Z"));
        Files.write(segmentsOnly.resolve("00000-1.ts"), new byte[188]);
        Path valid = day.resolve("20261203T100004.000Z");
        Files.createDirectories(valid);
        RecordingMeta meta = new RecordingMeta("20261203T100004.000Z", "cam", Instant.parse("2026-12-03T10:00:04Z"),
                List.of("motion"));
        meta.end = meta.start.plusSeconds(4);
        meta.save(valid);
        Playlist.write(valid, List.of(), true);

        RecordingStore store = new RecordingStore(root, new ManualClock(Instant.parse("2026-12-05T12:00:00Z")));
        store.load("cam");

        assertFalse(Files.exists(tmpOnly));
        assertFalse(Files.exists(withReserve));
        assertFalse(Files.exists(empty));
        assertFalse(Files.exists(emptyDay.getParent()), "a day left empty goes too");
        assertTrue(Files.exists(segmentsOnly.resolve("00000-1.ts")), "recorded video is never swept");
        assertEquals(List.of("20261203T100004.000Z"),
                store.list("cam", Instant.EPOCH, Instant.now()).stream().map(Recording::id).toList());
    }

    @Test
    void anOpenRecordingReachesUntilNowByTheClock() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:05:00Z"));
        RecordingStore store = new RecordingStore(root, clock);
        store.load("cam");
        store.put(new Recording("20261205T100000.000Z", "cam", Instant.parse("2026-12-05T10:00:00Z"), null,
                List.of("continuous"), root.resolve("cam/2026-12-05/20261205T100000.000Z"), 0));
        Instant from = Instant.parse("2026-12-05T10:30:00Z");
        Instant to = Instant.parse("2026-12-05T10:40:00Z");

        assertEquals(List.of(), store.list("cam", from, to), "at 10:05 it has not reached 10:30 yet");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(1, store.list("cam", from, to).size(), "at 10:35 it has");
    }
}
