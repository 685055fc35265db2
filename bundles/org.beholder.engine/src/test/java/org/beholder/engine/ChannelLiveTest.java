package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beholder.engine.internal.ts.TsInspector;
import org.beholder.engine.internal.ts.TsPacket;
import org.beholder.engine.testing.MediaChecks;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real engine against a real RTSP camera (GStreamer's RTSP server, 15 fps, a keyframe every second). */
class ChannelLiveTest {
    private static final Duration ONLINE_WITHIN = Duration.ofSeconds(20);
    private static RtspCameraFixture camera;

    @TempDir
    Path data;
    private NvrEngine engine;

    @BeforeAll
    static void startCamera() throws Exception {
        camera = RtspCameraFixture.start("--user", "admin", "--password", "s3cret-Pa55", "--gop", "15");
    }

    @AfterAll
    static void stopCamera() throws Exception {
        camera.close();
    }

    @BeforeEach
    void startEngine() throws Exception {
        engine = new NvrEngine(EngineConfig.of(data));
    }

    @AfterEach
    void stopEngine() {
        engine.close();
    }

    private ChannelConfig.Builder camera(String id) {
        return ChannelConfig.builder(id, camera.url()).credentials("admin", "s3cret-Pa55");
    }

    private static void awaitState(NvrChannel channel, ChannelState state) throws InterruptedException {
        Waits.until(ONLINE_WITHIN, () -> channel.status().state() == state, () -> channel.status().toString());
    }

    @Test
    void newViewerStartsWithPatPmtAndKeyframeAndStaysContinuous() throws Exception {
        NvrChannel channel = engine.add(camera("front").build());
        awaitState(channel, ChannelState.ONLINE);
        Thread.sleep(1500); // join mid-GOP: the hub must replay from the cached keyframe

        ByteArrayOutputStream received = new ByteArrayOutputStream();
        try (TsSubscription subscription = channel.subscribe("test", chunk -> {
            synchronized (received) {
                received.write(chunk.data(), 0, chunk.data().length);
            }
        })) {
            Thread.sleep(3000);
        }
        byte[] ts;
        synchronized (received) {
            ts = received.toByteArray();
        }
        assertTrue(ts.length > 10 * TsPacket.SIZE, "received " + ts.length + " bytes");
        assertEquals(TsPacket.PAT_PID, TsPacket.pid(ts, 0), "first packet is the PAT");
        TsInspector inspector = new TsInspector();
        inspector.accept(ts);
        inspector.finish();
        assertEquals(List.of(), inspector.problems(), "sync bytes, continuity, PAT/PMT before data");
        assertTrue(inspector.firstVideoUnitIsKeyframe(), "first video PES is a keyframe");
        assertTrue(inspector.keyframeUnits() >= 3, "a keyframe every second");

        ChannelStatistics statistics = channel.statistics();
        assertEquals("H.264", statistics.codec());
        assertEquals(320, statistics.width());
        assertEquals(240, statistics.height());
        assertEquals(15, statistics.gopFrames());
        assertTrue(statistics.fps() > 10 && statistics.fps() < 20, "fps " + statistics.fps());
        assertTrue(statistics.bitrateBps() > 0);
    }

    @Test
    void eventRecordingHasItsPreRollAndEverySegmentDecodes() throws Exception {
        NvrChannel channel = engine.add(camera("porch").preRoll(Duration.ofSeconds(3))
                .segmentTarget(Duration.ofSeconds(2)).build());
        CountDownLatch stopped = new CountDownLatch(1);
        List<Recording> finished = new CopyOnWriteArrayList<>();
        channel.addListener(new ChannelListener() {
            @Override
            public void recordingStopped(NvrChannel c, Recording recording) {
                finished.add(recording);
                stopped.countDown();
            }
        });
        awaitState(channel, ChannelState.ONLINE);
        Waits.until(Duration.ofSeconds(15), () -> channel.statistics().ringSeconds() >= 3.5,
                () -> "ring " + channel.statistics().ringSeconds());
        Instant trigger = Instant.now();
        channel.record("manual", Duration.ofSeconds(3));
        assertTrue(stopped.await(30, TimeUnit.SECONDS), "recording stopped");

        Recording recording = finished.get(0);
        assertEquals(List.of("manual"), recording.reasons());
        assertFalse(recording.isOpen());
        String playlist = Files.readString(recording.playlist());
        assertTrue(playlist.contains("#EXT-X-ENDLIST"), playlist);
        List<String> dates = all(Pattern.compile("#EXT-X-PROGRAM-DATE-TIME:(\\S+)"), playlist);
        List<String> durations = all(Pattern.compile("#EXTINF:([0-9.]+),"), playlist);
        List<String> segments = playlist.lines().filter(l -> l.endsWith(".ts")).toList();
        assertEquals(segments.size(), dates.size());
        Instant firstFrame = Instant.parse(dates.get(0));
        double preRoll = Duration.between(firstFrame, trigger).toMillis() / 1000.0;
        assertTrue(preRoll >= 3.0, "pre-roll " + preRoll + " s");
        assertEquals(firstFrame, recording.start(), "a recording starts at its first frame, pre-roll included");

        double listed = 0;
        int frames = 0;
        for (int i = 0; i < segments.size(); i++) {
            Path segment = recording.folder().resolve(segments.get(i));
            int decoded = MediaChecks.decodeFrames(segment);
            assertTrue(decoded > 0, segment + " decodes");
            frames += decoded;
            listed += Double.parseDouble(durations.get(i));
        }
        double media = frames / 15.0;
        assertTrue(Math.abs(listed - media) < 0.25, "playlist says " + listed + " s, media has " + media + " s");
        assertTrue(listed >= 3.0 + 3.0 - 0.5, "pre-roll + hold recorded: " + listed);
        assertEquals(List.of(recording.id()),
                channel.recordings(trigger.minusSeconds(60), Instant.now()).stream().map(Recording::id).toList());
    }

    private static List<String> all(Pattern pattern, String text) {
        List<String> out = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            out.add(matcher.group(1));
        }
        return out;
    }

    @Test
    void aViewerThatNeverReadsDoesNotSlowTheOthersOrTheRecorder() throws Exception {
        NvrChannel channel = engine.add(camera("yard").build());
        awaitState(channel, ChannelState.ONLINE);
        CountDownLatch never = new CountDownLatch(1);
        AtomicLong stuckCalls = new AtomicLong();
        TsSubscription stuck = channel.subscribe("stuck", chunk -> {
            stuckCalls.incrementAndGet();
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        AtomicLong keyframes = new AtomicLong();
        try (TsSubscription healthy = channel.subscribe("healthy", chunk -> {
            if (chunk.keyframe()) {
                keyframes.incrementAndGet();
            }
        })) {
            channel.record("manual", Duration.ofSeconds(4));
            Thread.sleep(5000);
            assertTrue(keyframes.get() >= 4, "healthy viewer got " + keyframes.get() + " keyframes in 5 s");
            assertEquals(1, stuckCalls.get(), "the stuck viewer is blocked in its first delivery");
            assertEquals(ChannelState.ONLINE, channel.status().state());
        } finally {
            never.countDown();
            stuck.close();
        }
        Waits.until(Duration.ofSeconds(20), () -> !channel.isRecording(), () -> "still recording");
        Recording recording = channel.recordings(Instant.EPOCH, Instant.now().plusSeconds(1)).get(0);
        assertTrue(Files.readString(recording.playlist()).contains("#EXT-X-ENDLIST"));
    }

    @Test
    void cameraThatDiesComesBackOnline() throws Exception {
        try (RtspCameraFixture flaky = RtspCameraFixture.start("--gop", "15")) {
            NvrChannel channel = engine.add(ChannelConfig.builder("flaky", flaky.url())
                    .stallTimeout(Duration.ofSeconds(3)).build());
            awaitState(channel, ChannelState.ONLINE);
            flaky.kill();
            Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.RECONNECTING,
                    () -> channel.status().toString());
            flaky.launch();
            Waits.until(Duration.ofSeconds(90), () -> channel.status().state() == ChannelState.ONLINE,
                    () -> channel.status().toString());
            Waits.until(Duration.ofSeconds(5), () -> channel.statistics().reconnects() >= 1,
                    () -> channel.statistics().toString());
        }
    }

    @Test
    void wrongPasswordIsAnErrorThatSaysSo() throws Exception {
        NvrChannel channel = engine.add(ChannelConfig.builder("wrong", camera.url())
                .credentials("admin", "not-the-password").build());
        awaitState(channel, ChannelState.ERROR);
        assertTrue(channel.status().message().contains("Wrong username or password"), channel.status().message());
        assertFalse(channel.status().message().contains("not-the-password"));
    }

    @Test
    void badPathIsAnErrorThatSaysSo() throws Exception {
        NvrChannel channel = engine.add(ChannelConfig.builder("badpath", camera.url("/nothing-here"))
                .credentials("admin", "s3cret-Pa55").build());
        awaitState(channel, ChannelState.ERROR);
        assertTrue(channel.status().message().contains("not found (404)"), channel.status().message());
    }

    @Test
    void unreachableHostIsRetried() throws Exception {
        NvrChannel channel = engine.add(ChannelConfig.builder("nobody",
                "rtsp://127.0.0.1:" + RtspCameraFixture.freePort() + "/cam").build());
        awaitState(channel, ChannelState.RECONNECTING);
        assertTrue(channel.status().message().contains("Cannot connect"), channel.status().message());
    }
}
