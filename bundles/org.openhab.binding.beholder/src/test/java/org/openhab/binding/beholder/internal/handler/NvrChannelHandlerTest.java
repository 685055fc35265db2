package org.openhab.binding.beholder.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.beholder.internal.BeholderBindingConstants.*;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.Detection;
import org.beholder.engine.EngineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.beholder.internal.BeholderRuntime;
import org.openhab.binding.beholder.internal.OpenHabAccessGuard;
import org.openhab.binding.beholder.testing.ThingFixture;
import org.openhab.binding.beholder.testing.TokenAuthFilter;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.RefreshType;

/** The handler with a recording callback in place of openHAB, over a real engine on the built-in test camera. */
class NvrChannelHandlerTest {
    @TempDir
    Path data;
    private static final OpenHabAccessGuard GUARD = new OpenHabAccessGuard(new TokenAuthFilter(Map.of()));
    private BeholderRuntime runtime;
    private NvrChannelHandler handler;

    @BeforeEach
    void start() throws Exception {
        runtime = new BeholderRuntime(data, GUARD);
    }

    /** A runtime whose engine finds the disk always too full to record (it wants more free space than exists). */
    private void fullDisk() throws Exception {
        runtime.close();
        runtime = new BeholderRuntime(data, new EngineConfig(data.resolve("recordings"), 0, 1L << 50 /* 1 PiB */,
                Duration.ofMinutes(1)), GUARD);
    }

    @AfterEach
    void stop() {
        if (handler != null) {
            handler.dispose();
        }
        runtime.close();
    }

    private ThingFixture thing(Map<String, Object> config) {
        ThingFixture thing = HandlerFixture.thing("front", config, runtime);
        handler = (NvrChannelHandler) thing.getHandler();
        return thing;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        ThingFixture.await(what, condition);
    }

    @Test
    void initializeReturnsAtOnceAsUnknownThenGoesOnlineWithProperties() throws Exception {
        ThingFixture thing = thing(Map.of("url", "test:?width=320&height=240&fps=15&gop=15"));
        long started = System.nanoTime();
        handler.initialize();
        assertTrue(System.nanoTime() - started < Duration.ofMillis(500).toNanos(), "initialize() returns fast");
        assertEquals(ThingStatus.UNKNOWN, thing.statuses.get(0).getStatus());
        await("ONLINE", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE);
        await("properties", () -> "320x240".equals(thing.getProperties().get(PROPERTY_RESOLUTION)));
        assertEquals("H.264", thing.getProperties().get(PROPERTY_CODEC));
        // Measured, not configured: on a loaded machine a second may see one frame less.
        int fps = Integer.parseInt(thing.getProperties().get(PROPERTY_FPS));
        assertTrue(fps >= 14 && fps <= 16, "fps " + fps);
        assertEquals(new StringType("/beholder/embed?channel=front"), thing.lastState(CHANNEL_LIVE_URL));
    }

    @Test
    void objectDetectionAskedForInsideOpenHabIsNamedInTheStatus() throws Exception {
        ThingFixture thing = thing(Map.of("url", "test:?width=160&height=120", "objects", true));
        handler.initialize();
        await("ONLINE", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE);
        assertTrue(thing.lastStatus().getDescription().contains("object detection runs only in the standalone"),
                thing.lastStatus().toString());
    }

    @Test
    void aBadConfigurationIsAConfigurationErrorWithTheReason() {
        ThingFixture thing = thing(Map.of("url", "rtsp://admin:secret@10.0.0.2/stream"));
        handler.initialize();
        assertEquals(ThingStatus.OFFLINE, thing.lastStatus().getStatus());
        assertEquals(ThingStatusDetail.CONFIGURATION_ERROR, thing.lastStatus().getStatusDetail());
        assertTrue(thing.lastStatus().getDescription().contains("username and password separately"));
        assertFalse(thing.lastStatus().getDescription().contains("secret"));

        ThingFixture missing = thing(Map.of());
        handler.initialize();
        assertTrue(missing.lastStatus().getDescription().startsWith("url is required"));

        ThingFixture mode = thing(Map.of("url", "test:", "recordMode", "sometimes"));
        handler.initialize();
        assertTrue(mode.lastStatus().getDescription().contains("recordMode must be"));
    }

    @Test
    void theRecordingSwitchStartsAndEndsAManualRecordingAndRefreshRepeatsStates() throws Exception {
        ThingFixture thing = thing(Map.of("url", "test:?width=160&height=120", "recordMode", "manual"));
        handler.initialize();
        await("ONLINE", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE);
        ChannelUID recording = new ChannelUID(thing.getUID(), CHANNEL_RECORDING);
        handler.handleCommand(recording, OnOffType.ON);
        await("recording ON", () -> OnOffType.ON.equals(thing.lastState(CHANNEL_RECORDING)));
        assertTrue(handler.channel().isRecording());
        handler.handleCommand(recording, OnOffType.OFF);
        await("recording OFF", () -> OnOffType.OFF.equals(thing.lastState(CHANNEL_RECORDING)));

        int before = thing.states.size();
        handler.handleCommand(new ChannelUID(thing.getUID(), CHANNEL_LIVE_URL), RefreshType.REFRESH);
        assertEquals(new ThingFixture.StateUpdate(CHANNEL_LIVE_URL, new StringType("/beholder/embed?channel=front")),
                thing.states.get(before));
    }

    @Test
    void analyticsBecomeStatesAndTriggers() {
        ThingFixture thing = thing(Map.of("url", "test:"));
        Instant now = Instant.now();
        handler.event(new AnalyticsEvent.MotionStarted("front", now, "all", 0.2));
        handler.event(new AnalyticsEvent.MotionLevel("front", now, 0.2, "all"));
        handler.event(new AnalyticsEvent.ObjectsSeen("front", now, List.of(new Detection("person", 0.9, 0, 0, 1, 1),
                new Detection("person", 0.8, 0, 0, 1, 1)), Map.of("person", 2), List.of("person")));
        handler.event(new AnalyticsEvent.QrCodeSeen("front", now, "parcel-4711"));
        handler.event(new AnalyticsEvent.MotionStopped("front", now, "all"));
        assertEquals(List.of(new ThingFixture.Trigger(CHANNEL_MOTION_EVENT, EVENT_MOTION_START),
                new ThingFixture.Trigger(CHANNEL_OBJECT_EVENT, "person"),
                new ThingFixture.Trigger(CHANNEL_QR_EVENT, "parcel-4711"),
                new ThingFixture.Trigger(CHANNEL_MOTION_EVENT, EVENT_MOTION_STOP)), thing.triggers);
        assertEquals(OnOffType.OFF, thing.lastState(CHANNEL_MOTION));
        assertEquals(new DecimalType(0.2), thing.lastState(CHANNEL_MOTION_LEVEL));
        assertEquals(new DecimalType(2), thing.lastState(CHANNEL_PERSON_COUNT));
        assertEquals(new StringType("person=2"), thing.lastState(CHANNEL_OBJECTS));
        assertEquals(new StringType("parcel-4711"), thing.lastState(CHANNEL_QR_CODE));
        assertNotNull(handler.lastEvent());
    }

    @Test
    void ruleActionsRecordAndSnapshot() throws Exception {
        ThingFixture thing = thing(Map.of("url", "test:?width=160&height=120", "recordMode", "manual"));
        NvrChannelActions actions = new NvrChannelActions();
        actions.setThingHandler(handler);
        assertFalse(NvrChannelActions.record(actions, 5), "not before the channel runs");
        handler.initialize();
        await("ONLINE", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE);
        assertTrue(NvrChannelActions.record(actions, 5));
        await("recording", () -> OnOffType.ON.equals(thing.lastState(CHANNEL_RECORDING)));
        await("a snapshot", () -> NvrChannelActions.snapshot(actions) != null);
        byte[] jpeg = NvrChannelActions.snapshot(actions);
        assertEquals((byte) 0xFF, jpeg[0]);
        assertEquals((byte) 0xD8, jpeg[1]);
    }

    @Test
    void whileRecordingIsPausedTheSwitchIsOffTheStatusSaysWhyAndRecordSaysNo() throws Exception {
        fullDisk();
        ThingFixture thing = thing(Map.of("url", "test:?width=160&height=120", "recordMode", "manual"));
        NvrChannelActions actions = new NvrChannelActions();
        actions.setThingHandler(handler);
        handler.initialize();
        await("ONLINE", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE);

        handler.handleCommand(new ChannelUID(thing.getUID(), CHANNEL_RECORDING), OnOffType.ON);
        await("paused in the status", () -> String.valueOf(thing.lastStatus().getDescription())
                .startsWith("Recording paused: disk full"));
        ThingStatusInfo status = thing.lastStatus();
        assertEquals(ThingStatus.ONLINE, status.getStatus(), "the camera itself is fine");
        assertFalse(String.valueOf(status.getDescription()).contains("paused: Recording paused"), status.toString());
        assertEquals(OnOffType.OFF, thing.lastState(CHANNEL_RECORDING), "ON would claim a recording");
        assertFalse(handler.channel().isRecording());

        assertFalse(NvrChannelActions.record(actions, 5), "nothing can be written: the action says so");
        Thread.sleep(3000); // statistics ticks and recording events have run
        assertEquals(OnOffType.OFF, thing.lastState(CHANNEL_RECORDING));
        assertTrue(String.valueOf(thing.lastStatus().getDescription()).startsWith("Recording paused: "),
                thing.lastStatus().toString());
    }
}
