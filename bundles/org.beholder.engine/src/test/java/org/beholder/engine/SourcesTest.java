package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.engine.internal.ts.TsInspector;
import org.beholder.engine.testing.MediaChecks;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The other sources: a looping file, H.265 over RTSP, RTSP over UDP. */
class SourcesTest {
    @TempDir
    Path data;
    private NvrEngine engine;

    @BeforeEach
    void start() throws Exception {
        engine = new NvrEngine(EngineConfig.of(data.resolve("recordings")));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private static byte[] watch(NvrChannel channel, Duration duration) throws InterruptedException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (TsSubscription subscription = channel.subscribe("test", chunk -> {
            synchronized (received) {
                received.write(chunk.data(), 0, chunk.data().length);
            }
        })) {
            Thread.sleep(duration.toMillis());
        }
        synchronized (received) {
            return received.toByteArray();
        }
    }

    private static void awaitOnline(NvrChannel channel) throws InterruptedException {
        Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE,
                () -> channel.status().toString());
    }

    @Test
    void aOneSecondFileLoopsAtRealTimePace() throws Exception {
        Path file = data.resolve("clip.ts");
        MediaChecks.runToEnd("videotestsrc num-buffers=15 pattern=ball ! video/x-raw,width=320,height=240,"
                + "framerate=15/1 ! x264enc key-int-max=15 speed-preset=veryfast option-string=scenecut=0"
                + " ! h264parse ! mpegtsmux" // veryfast uses B-frames: timestamps arrive out of order
                + " ! filesink location=\"" + file + "\"", new AtomicInteger());

        NvrChannel channel = engine.add(ChannelConfig.builder("clip", file.toUri().toString()).build());
        awaitOnline(channel);
        long started = System.nanoTime();
        byte[] ts = watch(channel, Duration.ofMillis(3500));
        double seconds = (System.nanoTime() - started) / 1e9;
        TsInspector inspector = new TsInspector();
        inspector.accept(ts);
        inspector.finish();
        assertEquals(List.of(), inspector.problems());
        assertTrue(inspector.firstVideoUnitIsKeyframe());
        double played = inspector.videoPtsSpan90k() / 90_000.0;
        assertTrue(played > 2.5 && played < seconds + 0.5, "a 1 s clip played for " + played + " s of " + seconds
                + " s: it loops, at real-time pace");
        assertTrue(inspector.keyframeUnits() >= 3, "each loop starts at the clip's keyframe");
        Waits.until(Duration.ofSeconds(10), () -> channel.statistics().ringSeconds() >= 3
                && channel.statistics().gopSeconds() > 0.9, () -> "B-frames keep the ring filling: "
                + channel.statistics());
    }

    @Test
    void h265OverRtspIsRemuxedWithoutReencoding() throws Exception {
        try (RtspCameraFixture camera = RtspCameraFixture.start("--codec", "h265", "--gop", "15")) {
            NvrChannel channel = engine.add(ChannelConfig.builder("hevc", camera.url()).build());
            awaitOnline(channel);
            byte[] ts = watch(channel, Duration.ofSeconds(3));
            TsInspector inspector = new TsInspector();
            inspector.accept(ts);
            inspector.finish();
            assertEquals(List.of(), inspector.problems());
            assertTrue(inspector.firstVideoUnitIsKeyframe(), "starts at an IRAP picture");
            Waits.until(Duration.ofSeconds(10), () -> channel.statistics().width() == 320,
                    () -> channel.statistics().toString());
            assertEquals("H.265", channel.statistics().codec());
            assertTrue(channel.lastKeyframe().orElseThrow().jpeg().length > 1000, "snapshot from an H.265 keyframe");
        }
    }

    @Test
    void aCameraGopLongerThanThePreRollShowsAWarning() throws Exception {
        NvrChannel channel = engine.add(ChannelConfig.builder("slowgop", "test:?width=160&height=120&fps=15&gop=45")
                .preRoll(Duration.ofSeconds(2)).build());
        Waits.until(Duration.ofSeconds(20), () -> channel.status().warning() != null, () -> channel.status()
                + " " + channel.statistics());
        assertTrue(channel.status().warning().startsWith("Camera keyframe interval (3.0 s) is longer than the"
                + " pre-roll (2 s)"), channel.status().warning());
        assertEquals(ChannelState.ONLINE, channel.status().state(), "a warning, not an error");
    }

    @Test
    void continuousModeRecordsWithoutATrigger() throws Exception {
        NvrChannel channel = engine.add(ChannelConfig.builder("always", "test:?width=160&height=120&fps=15&gop=15")
                .continuous(true).segmentTarget(Duration.ofSeconds(1)).build());
        Waits.until(Duration.ofSeconds(20), () -> channel.recordings(java.time.Instant.EPOCH,
                java.time.Instant.now().plusSeconds(1)).stream().anyMatch(r -> r.isOpen()
                        && r.reasons().equals(List.of("continuous")) && r.bytes() > 10_000),
                () -> channel.recordings(java.time.Instant.EPOCH, java.time.Instant.now()).toString());
        assertTrue(channel.isRecording());
        engine.remove("always");
        Recording closed = engine.channel("always").isPresent() ? null
                : channel.recordings(java.time.Instant.EPOCH, java.time.Instant.now().plusSeconds(1)).get(0);
        assertTrue(closed != null && !closed.isOpen(), "stopping the channel closes the recording");
    }

    @Test
    void rtspOverUdpWorks() throws Exception {
        try (RtspCameraFixture camera = RtspCameraFixture.start()) {
            NvrChannel channel = engine.add(ChannelConfig.builder("udp", camera.url()).transport(Transport.UDP)
                    .build());
            awaitOnline(channel);
            assertTrue(watch(channel, Duration.ofSeconds(2)).length > 10_000);
        }
    }
}
