package org.beholder.engine.internal.record;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.beholder.engine.ChannelConfig;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.Recording;
import org.beholder.engine.TsChunk;
import org.beholder.engine.testing.Chunks;
import org.beholder.engine.testing.ManualClock;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous recordings rotate at the first keyframe at or after the top of each UTC hour. Synthetic frames carry
 * their own wall-clock stamps (15 fps, a keyframe every 15 frames) and the test clock follows them: no waiting.
 */
class ContinuousRotationTest {
    private static final int GOP = 15;
    private static final int PACKETS = 3;

    @TempDir
    Path root;

    private final RecorderEvents events = new RecorderEvents();

    @Test
    void rotatesAtTheFirstKeyframeOfTheNewHour() throws Exception {
        // Frames 0, 15, 30 are keyframes before 11:00 (10:59:58.000, 58.990, 59.980); frame 45 is at 11:00:00.970.
        List<Recording> recordings = recordAcross(Instant.parse("2026-12-05T10:59:58Z"), 75);

        Recording before = recordings.get(0);
        Recording after = recordings.get(1);
        assertEquals("20261205T105958.000Z", before.id());
        assertEquals("20261205T110000.970Z", after.id(), "the new recording starts at the boundary keyframe");
        assertEquals(Instant.parse("2026-12-05T11:00:00.970Z"), after.start());
        assertEquals(Instant.parse("2026-12-05T11:00:00.904Z"), before.end(), "the old one ends with frame 44");
        assertEquals("2026-12-05", dayFolderOf(before));
        assertEquals("2026-12-05", dayFolderOf(after));
    }

    @Test
    void aRecordingNeverSpansMidnightAndTheNewOneIsInTheNewDaysFolder() throws Exception {
        List<Recording> recordings = recordAcross(Instant.parse("2026-12-31T23:59:58Z"), 75);

        assertEquals("2026-12-31", dayFolderOf(recordings.get(0)));
        assertEquals("20261231T235958.000Z", recordings.get(0).id());
        assertEquals("2027-01-01", dayFolderOf(recordings.get(1)));
        assertEquals("20270101T000000.970Z", recordings.get(1).id());
        assertTrue(Files.isDirectory(root.resolve("cam/2027-01-01/20270101T000000.970Z")));
    }

    @Test
    void anHourAfterTheFirstFrameIsNotABoundary() throws Exception {
        // A recording started at 10:15 used to rotate at 11:15; now it runs to 11:00 and the next one to 12:00.
        ManualClock clock = new ManualClock(Instant.parse("2026-12-05T10:59:58Z"));
        assertEquals(Instant.parse("2026-12-05T11:00:00Z"), ChannelRecorder.topOfNextHour(clock.instant()));
        assertEquals(Instant.parse("2026-12-05T11:00:00Z"),
                ChannelRecorder.topOfNextHour(Instant.parse("2026-12-05T10:15:00Z")));
        assertEquals(Instant.parse("2026-12-05T12:00:00Z"),
                ChannelRecorder.topOfNextHour(Instant.parse("2026-12-05T11:00:00Z")));
    }

    /**
     * Streams {@code frames} frames into a continuous recorder from {@code start}, closes it and returns the
     * closed recordings, after checking that there are two and that together they hold every byte, in order.
     */
    private List<Recording> recordAcross(Instant start, int frames) throws Exception {
        ManualClock clock = new ManualClock(start);
        RecordingStore store = new RecordingStore(root, clock);
        store.load("cam");
        Retention retention = new Retention(store, new EngineConfig(root, 0, 0, Duration.ofMinutes(1)),
                () -> 1L << 40, clock);
        ChannelConfig config = ChannelConfig.builder("cam", "test:").continuous(true)
                .segmentTarget(Duration.ofSeconds(1)).build();
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        PrerollRing ring = new PrerollRing(Duration.ofSeconds(5), 64 << 20);
        try (ChannelRecorder recorder = new ChannelRecorder(config, ring, store, retention, events, clock)) {
            for (int frame = 0; frame < frames; frame++) {
                TsChunk chunk = Chunks.frame(frame, GOP, PACKETS, start.toEpochMilli());
                clock.set(Instant.ofEpochMilli(chunk.wallClockMillis()));
                ring.add(chunk);
                recorder.accept(chunk);
                streamed.write(chunk.data());
            }
            Waits.until(Duration.ofSeconds(5), () -> events.started.size() == 2 && events.stopped.size() == 1,
                    () -> events.started + " " + events.stopped);
        }
        List<Recording> closed = events.stopped;
        assertEquals(2, closed.size(), "closing the recorder closes the second recording");
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        for (Recording recording : closed) {
            String playlist = Files.readString(recording.playlist());
            assertTrue(playlist.contains("#EXT-X-ENDLIST"), recording.id() + " is closed:\n" + playlist);
            for (String line : playlist.lines().filter(l -> l.endsWith(".ts")).toList()) {
                recorded.write(Files.readAllBytes(recording.folder().resolve(line)));
            }
        }
        assertArrayEquals(streamed.toByteArray(), recorded.toByteArray(), "no frame lost or repeated at the cut");
        return closed;
    }

    private static String dayFolderOf(Recording recording) {
        return recording.folder().getParent().getFileName().toString();
    }
}
