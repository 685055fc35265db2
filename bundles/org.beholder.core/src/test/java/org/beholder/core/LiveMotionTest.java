package org.beholder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.ChannelAnalytics;
import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Motion seen by analytics records through the recording policy, with the pre-roll. The RTSP test camera
 * alternates 4 s of a moving ball with 4 s of stillness.
 */
class LiveMotionTest {

    @Test
    void motionStartsAndStopsAndRecordsWithItsPreRoll(@TempDir Path data) throws Exception {
        List<AnalyticsEvent> events = new CopyOnWriteArrayList<>();
        try (RtspCameraFixture rtsp = RtspCameraFixture.start("--motion-toggle", "4", "--gop", "8");
                Beholder beholder = new Beholder(EngineConfig.of(data))) {
            Camera camera = beholder.addCamera(CameraSettings.builder("yard", rtsp.url())
                    .preRoll(Duration.ofSeconds(2)).postRoll(Duration.ofSeconds(2))
                    .motion(true, 0.02, Duration.ofSeconds(1)).build());
            camera.addAnalyticsListener(events::add);
            NvrChannel channel = camera.channel();
            Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE,
                    () -> channel.status().toString());

            // The first motion begins before the 2 s ring has filled; judge the pre-roll on the second one.
            Waits.until(Duration.ofSeconds(40), () -> starts(events).size() >= 2, () -> events.stream()
                    .filter(e -> !(e instanceof AnalyticsEvent.MotionLevel)).toList().toString());
            assertTrue(events.stream().anyMatch(AnalyticsEvent.MotionStopped.class::isInstance), "motion stopped");
            Instant second = starts(events).get(1).time();
            Waits.until(Duration.ofSeconds(20), () -> motionRecordingAround(channel, second) != null,
                    () -> channel.recordings(Instant.EPOCH, Instant.now()).toString());
            Recording recording = motionRecordingAround(channel, second);
            String playlist = Files.readString(recording.playlist());
            Instant firstFrame = Instant.parse(playlist.lines().filter(l -> l.startsWith("#EXT-X-PROGRAM-DATE-TIME:"))
                    .findFirst().orElseThrow().substring("#EXT-X-PROGRAM-DATE-TIME:".length()));
            double preRoll = Duration.between(firstFrame, second).toMillis() / 1000.0;
            assertTrue(preRoll >= 2.0, "recording starts " + preRoll + " s before the motion");
            ChannelAnalytics analytics = camera.analytics().orElseThrow();
            assertEquals(0, analytics.droppedKeyframes(), "one channel never outruns the analytics");
            assertTrue(analytics.analysedKeyframes() >= 5);
        }
    }

    private static List<AnalyticsEvent.MotionStarted> starts(List<AnalyticsEvent> events) {
        return events.stream().filter(AnalyticsEvent.MotionStarted.class::isInstance)
                .map(AnalyticsEvent.MotionStarted.class::cast).toList();
    }

    /** The closed motion recording that covers a moment, or null. */
    private static Recording motionRecordingAround(NvrChannel channel, Instant moment) {
        return channel.recordings(Instant.EPOCH, Instant.now()).stream().filter(r -> !r.isOpen()
                && r.reasons().contains("motion") && !r.start().isAfter(moment) && !r.end().isBefore(moment))
                .findFirst().orElse(null);
    }
}
