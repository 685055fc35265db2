package org.beholder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.core.events.NvrEvent;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.InvalidSettingsException;
import org.beholder.core.settings.RecordMode;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade with a real engine and the built-in test camera. */
class BeholderTest {
    private static final String SOURCE = "test:?width=320&height=240&fps=15&gop=15";

    @Test
    void aCameraRunsRecordsOnRequestAndEverythingBecomesEvents(@TempDir Path data) throws Exception {
        try (Beholder beholder = new Beholder(EngineConfig.of(data))) {
            List<NvrEvent> pushed = new CopyOnWriteArrayList<>();
            beholder.journal().addListener(pushed::add);
            Camera camera = beholder.addCamera(CameraSettings.builder("garden", SOURCE).preRoll(Duration.ofSeconds(1))
                    .recording(RecordMode.MANUAL, false, Set.of()).build());
            assertEquals(camera, beholder.camera("garden").orElseThrow());
            Waits.until(Duration.ofSeconds(20), () -> camera.channel().status().state() == ChannelState.ONLINE,
                    () -> camera.channel().status().toString());
            Waits.until(Duration.ofSeconds(10), () -> camera.analytics().orElseThrow().analysedKeyframes() > 0,
                    () -> "no keyframe analysed");

            camera.channel().record("manual", Duration.ofSeconds(1));
            Waits.until(Duration.ofSeconds(20), () -> pushed.stream().anyMatch(e -> e.type().equals("recording")
                    && "stopped".equals(e.details().get("phase"))), pushed::toString);
            assertTrue(pushed.stream().anyMatch(e -> e.type().equals("status")), "status is pushed");
            List<NvrEvent> kept = beholder.journal().list("garden", Instant.EPOCH, Instant.now().plusSeconds(1));
            assertEquals(List.of("started", "stopped"), kept.stream().filter(e -> e.type().equals("recording"))
                    .map(e -> e.details().get("phase")).toList(), "recordings are kept, status is not");
            assertFalse(camera.detectorNote().isPresent(), "no objects asked for");

            beholder.removeCamera("garden");
            assertTrue(beholder.camera("garden").isEmpty());
            assertTrue(beholder.engine().channel("garden").isEmpty(), "its channel stopped");
            assertEquals(1, camera.channel().recordings(Instant.EPOCH, Instant.now()).size(), "recordings stay");
        }
    }

    @Test
    void invalidSettingsAreRefusedBeforeAnythingStarts(@TempDir Path data) throws Exception {
        try (Beholder beholder = new Beholder(EngineConfig.of(data))) {
            InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> beholder.addCamera(
                    CameraSettings.builder("garden", SOURCE).motion(true, 2, Duration.ofSeconds(5)).build()));
            assertEquals("motionThreshold must be between 0 and 1 (exclusive), was 2.0", e.getMessage());
            assertTrue(beholder.engine().channels().isEmpty());
            beholder.addCamera(CameraSettings.builder("garden", SOURCE).build());
            assertThrows(IllegalArgumentException.class,
                    () -> beholder.addCamera(CameraSettings.builder("garden", SOURCE).build()));
        }
    }

    @Test
    void objectsWithoutADetectorSaySoAndADetectorArrivingIsUsedWithTheListenersKept(@TempDir Path data)
            throws Exception {
        try (Beholder beholder = new Beholder(EngineConfig.of(data))) {
            beholder.useDetector(null, "no detector in this test");
            Camera camera = beholder.addCamera(CameraSettings.builder("garden", SOURCE).objects(true, Set.of())
                    .objectSchedule(Duration.ofSeconds(1), 0.5).build());
            assertEquals("no detector in this test", camera.detectorNote().orElseThrow());
            List<AnalyticsEvent> seen = new CopyOnWriteArrayList<>();
            camera.addAnalyticsListener(seen::add);

            FixedDetector detector = new FixedDetector();
            beholder.useDetector(detector);
            assertTrue(camera.detectorNote().isEmpty());
            Waits.until(Duration.ofSeconds(20), () -> seen.stream().anyMatch(AnalyticsEvent.ObjectsSeen.class
                    ::isInstance), () -> "no detector run reached the listener added before");
            assertTrue(beholder.journal().list("garden", Instant.EPOCH, Instant.now().plusSeconds(1)).stream()
                    .anyMatch(e -> e.type().equals("object") && e.details().get("label").equals("kite")));
        }
    }
}
