package org.beholder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Function;

import org.beholder.core.events.NvrEvent;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.FakePullPoint;
import org.beholder.onvif.testserver.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera configured by its ONVIF address and credentials only: a fake ONVIF device (real HTTP on loopback)
 * hands out the RTSP test camera's URL; its motion events become channel events and record with the pre-roll, and
 * a dropped subscription is made again.
 */
class OnvifCameraTest {
    private static final String USER = "admin";
    private static final String PASSWORD = "pa55word";

    private static FakeDevice device(String streamUrl) throws Exception {
        FakeDevice device = new FakeDevice(USER, PASSWORD, Duration.ofMinutes(7));
        device.answer("GetServices", Fixtures.filled("GetServices.xml"))
                .answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"))
                .answer("GetProfiles", Fixtures.filled("GetProfiles.xml"))
                .answer("GetStreamUri", Fixtures.filled("GetStreamUri.xml")
                        .replace("rtsp://192.168.68.111/h264main", streamUrl));
        return device;
    }

    private static CameraSettings.Builder byOnvif(FakeDevice device) {
        return CameraSettings.builder("door", "").credentials(USER, PASSWORD)
                .onvif("127.0.0.1", device.deviceService().getPort(), "");
    }

    @Test
    void hostAndCredentialsAreEnoughAndCameraMotionRecordsWithItsPreRoll(@TempDir Path data) throws Exception {
        try (RtspCameraFixture rtsp = RtspCameraFixture.start("--gop", "15");
                FakeDevice device = device(rtsp.url());
                Beholder beholder = new Beholder(EngineConfig.of(data))) {
            FakePullPoint pullPoint = new FakePullPoint(device);
            Function<FakeDevice.Received, FakeDevice.Answer> pull = device.answerFor("PullMessages");
            device.answer("PullMessages", r -> { // a real device holds an empty pull open; so does this one, briefly
                FakeDevice.Answer answer = pull.apply(r);
                return new FakeDevice.Answer(answer.status(), answer.body(), answer.headers(), 200);
            });
            Camera camera = beholder.addCamera(byOnvif(device).preRoll(Duration.ofSeconds(2))
                    .postRoll(Duration.ofSeconds(1)).motion(false, 0.02, Duration.ofSeconds(5))
                    .recording(RecordMode.EVENTS, true, Set.of()).build());
            NvrChannel channel = camera.channel();
            assertEquals(rtsp.url(), channel.config().url(), "the stream ONVIF named");
            assertEquals(new DeviceInfo("Mockup Manufacturer", "Mockup Model", camera.device().orElseThrow()
                    .firmware(), camera.device().orElseThrow().serial()), camera.device().orElseThrow());
            Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE
                    && channel.lastKeyframe().isPresent(), () -> channel.status().toString());
            Thread.sleep(2500); // let the 2 s pre-roll ring fill with real video

            Instant before = Instant.now();
            pullPoint.queue(FakePullPoint.motion(true));
            Waits.until(Duration.ofSeconds(15), () -> cameraEvents(beholder, before) >= 1, () -> "no camera event");
            NvrEvent event = beholder.journal().list("door", before, Instant.now().plusSeconds(1)).stream()
                    .filter(e -> e.type().equals("camera")).findFirst().orElseThrow();
            assertEquals("RuleEngine/CellMotionDetector/Motion", event.details().get("topic"));
            assertEquals("motion", event.details().get("kind"));
            assertEquals(true, event.details().get("active"));
            pullPoint.queue(FakePullPoint.motion(false));

            Waits.until(Duration.ofSeconds(20), () -> cameraMotionRecording(channel) != null,
                    () -> channel.recordings(Instant.EPOCH, Instant.now()).toString());
            Recording recording = cameraMotionRecording(channel);
            String playlist = Files.readString(recording.playlist());
            Instant firstFrame = Instant.parse(playlist.lines().filter(l -> l.startsWith("#EXT-X-PROGRAM-DATE-TIME:"))
                    .findFirst().orElseThrow().substring("#EXT-X-PROGRAM-DATE-TIME:".length()));
            assertTrue(Duration.between(firstFrame, event.time()).toMillis() >= 1500,
                    "the recording starts before the camera's event: " + firstFrame + " vs " + event.time());

            int subscriptions = pullPoint.created();
            pullPoint.drop(); // the device forgets the subscription (a reboot)
            Waits.until(Duration.ofSeconds(20), () -> pullPoint.created() > subscriptions,
                    () -> "no new subscription");
            Instant later = Instant.now();
            pullPoint.queue(FakePullPoint.motion(true));
            Waits.until(Duration.ofSeconds(15), () -> cameraEvents(beholder, later) >= 1,
                    () -> "events stopped after the subscription was dropped");

            beholder.removeCamera("door");
            Waits.until(Duration.ofSeconds(10), () -> !device.received("Unsubscribe").isEmpty(),
                    () -> "the subscription was not ended");
        }
    }

    @Test
    void aSubscriptionTheCameraRefusesIsSaidUntilItWorksAgain(@TempDir Path data) throws Exception {
        try (FakeDevice device = device("rtsp://127.0.0.1:1/none");
                Beholder beholder = new Beholder(EngineConfig.of(data))) {
            FakePullPoint pullPoint = new FakePullPoint(device);
            pullPoint.refuseSubscriptions(true);
            Camera camera = beholder.addCamera(CameraSettings.builder("door", "test:?width=160&height=120")
                    .credentials(USER, PASSWORD).onvif("127.0.0.1", device.deviceService().getPort(), "").build());
            Waits.until(Duration.ofSeconds(15), () -> camera.cameraEventsProblem().isPresent(),
                    () -> "the refusal is not said");
            assertTrue(camera.cameraEventsProblem().orElseThrow().startsWith("camera events: resubscribing in "),
                    camera.cameraEventsProblem().orElseThrow());
            pullPoint.refuseSubscriptions(false);
            Waits.until(Duration.ofSeconds(30), () -> camera.eventSubscription().orElseThrow().healthy(),
                    () -> "never healthy again: " + camera.eventSubscription());
            assertTrue(camera.cameraEventsProblem().isEmpty());
        }
    }

    @Test
    void aWrongPasswordIsAClearErrorAndNothingStarts(@TempDir Path data) throws Exception {
        try (FakeDevice device = device("rtsp://127.0.0.1:1/none");
                Beholder beholder = new Beholder(EngineConfig.of(data))) {
            CameraSetupException e = assertThrows(CameraSetupException.class, () -> beholder.addCamera(
                    byOnvif(device).credentials(USER, "wrong-secret").build()));
            assertTrue(e.getMessage().startsWith("ONVIF device 127.0.0.1:" + device.deviceService().getPort() + ": "),
                    e.getMessage());
            assertFalse(e.getMessage().contains("wrong-secret"));
            assertTrue(beholder.engine().channels().isEmpty());
            assertTrue(beholder.camera("door").isEmpty());
        }
    }

    @Test
    void anUnknownProfileNamesTheOnesThereAre(@TempDir Path data) throws Exception {
        try (FakeDevice device = device("rtsp://127.0.0.1:1/none");
                Beholder beholder = new Beholder(EngineConfig.of(data))) {
            CameraSetupException e = assertThrows(CameraSetupException.class, () -> beholder.addCamera(
                    CameraSettings.builder("door", "").credentials(USER, PASSWORD)
                            .onvif("127.0.0.1", device.deviceService().getPort(), "balcony").build()));
            assertTrue(e.getMessage().contains("has no video profile 'balcony' (it has: "), e.getMessage());
        }
    }

    private static long cameraEvents(Beholder beholder, Instant since) {
        return beholder.journal().list("door", since, Instant.now().plusSeconds(1)).stream()
                .filter(e -> e.type().equals("camera")).count();
    }

    private static Recording cameraMotionRecording(NvrChannel channel) {
        return channel.recordings(Instant.EPOCH, Instant.now()).stream()
                .filter(r -> !r.isOpen() && r.reasons().contains(RecordingPolicy.CAMERA_MOTION)).findFirst()
                .orElse(null);
    }
}
