package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.engine.testing.TestClock;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine takes every wall-clock time from the clock it is given, down to a live channel's recordings. */
class EngineClockTest {
    private static final Instant NOW = Instant.parse("2030-06-01T23:00:00Z");

    @Test
    void aLiveChannelStampsStatusKeyframesAndRecordingsWithTheEnginesClock(@TempDir Path data) throws Exception {
        TestClock clock = new TestClock(NOW); // stands still: only the test moves it
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
}
