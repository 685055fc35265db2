package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.engine.testing.ManualClock;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine takes every wall-clock time from the clock it is given, down to a live channel's recordings. */
class EngineClockTest {
    private static final Instant NOW = Instant.parse("2030-06-01T23:00:00Z");

    @Test
    void aLiveChannelStampsStatusKeyframesAndRecordingsWithTheEnginesClock(@TempDir Path data) throws Exception {
        ManualClock clock = new ManualClock(NOW); // stands still: only the test moves it
        try (NvrEngine engine = new NvrEngine(new EngineConfig(data, 0, 0, Duration.ofMinutes(1)), clock)) {
            assertSame(clock, engine.clock());
            NvrChannel channel = engine.add(ChannelConfig.builder("cam", "test:?width=160&height=120&fps=15&gop=5")
                    .preRoll(Duration.ofSeconds(1)).build());
            List<Recording> started = new CopyOnWriteArrayList<>();
            channel.addListener(new ChannelListener() {
                @Override
                public void recordingStarted(NvrChannel source, Recording recording) {
                    started.add(recording);
                }
            });
            Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE
                    && channel.lastKeyframe().isPresent(), channel.status()::toString);
            assertEquals(NOW, channel.status().since());
            assertEquals(NOW, channel.lastKeyframe().orElseThrow().time());

            channel.record("manual", Duration.ofSeconds(2));
            Waits.until(Duration.ofSeconds(10), () -> started.size() == 1, started::toString);
            Recording recording = started.get(0);
            assertEquals("20300601T230000.000Z", recording.id());
            assertEquals(data.resolve("cam/2030-06-01/20300601T230000.000Z"), recording.folder());
            AtomicInteger keyframes = new AtomicInteger();
            try (TsSubscription viewer = channel.subscribe("counter", chunk -> {
                if (chunk.keyframe()) {
                    keyframes.incrementAndGet();
                }
            })) {
                // 10 GOPs of 1/3 s: more video than the 2 s hold has passed, but not by the engine's clock
                Waits.until(Duration.ofSeconds(20), () -> keyframes.get() >= 10, () -> keyframes + " keyframes");
            }
            assertTrue(channel.isRecording(), "the hold is 2 s by the engine's clock, which has not moved");

            clock.advance(Duration.ofSeconds(3));
            Waits.until(Duration.ofSeconds(10), () -> !channel.isRecording(), () -> "the hold has passed");
            Recording closed = channel.recording(recording.id()).orElseThrow();
            assertTrue(Files.readString(closed.playlist()).contains("#EXT-X-ENDLIST"));
            assertEquals(List.of(closed), channel.recordings(NOW.minusSeconds(1), NOW.plusSeconds(1)));
        }
    }

    @Test
    void retentionAgesRecordingsByTheEnginesClock(@TempDir Path data) throws Exception {
        // Both recordings lie in the real future: only the engine's clock can make one of them old enough.
        Path old = closedRecording(data, Instant.parse("2031-01-01T10:00:00Z"));
        Path young = closedRecording(data, Instant.parse("2031-01-05T10:00:00Z"));
        ManualClock clock = new ManualClock(Instant.parse("2031-01-09T10:00:00Z")); // 8 and 4 days later
        EngineConfig config = new EngineConfig(data, 0, 0, Duration.ofSeconds(1));
        try (NvrEngine engine = new NvrEngine(config, clock)) {
            NvrChannel channel = engine.add(ChannelConfig.builder("cam", "test:?width=160&height=120&fps=15&gop=5")
                    .retention(7, 0).build());
            Waits.until(Duration.ofSeconds(10), () -> !Files.exists(old), () -> "retention runs every second");
            assertTrue(Files.exists(young), "4 days old by the clock: kept");
            assertEquals(1, channel.recordings(Instant.EPOCH, clock.instant()).size());
        }
    }

    /** A closed 30 s recording on disk, as the recorder leaves it. */
    private static Path closedRecording(Path data, Instant start) throws Exception {
        String id = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC).format(start);
        Path folder = Files.createDirectories(data.resolve("cam").resolve(start.toString().substring(0, 10))
                .resolve(id));
        String segment = "00000-" + start.toEpochMilli() + ".ts";
        Files.write(folder.resolve(segment), new byte[188]);
        Files.writeString(folder.resolve("index.m3u8"), "#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-TARGETDURATION:30\n"
                + "#EXTINF:30.000,\n" + segment + "\n#EXT-X-ENDLIST\n");
        Files.writeString(folder.resolve("recording.properties"), "id=" + id + "\nchannel=cam\nstart=" + start
                + "\nend=" + start.plusSeconds(30) + "\nreasons=motion\n");
        return folder;
    }
}
