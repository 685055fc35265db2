package org.openhab.binding.beholder.internal.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openhab.binding.beholder.internal.BeholderBindingConstants.*;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.FakePullPoint;
import org.beholder.onvif.testserver.Fixtures;
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
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;

/** An NVR Channel Thing with an ONVIF address: properties, camera events as channels, PTZ commands and actions. */
class OnvifThingTest {
    @TempDir
    Path data;
    private FakeDevice device;
    private FakePullPoint pullPoint;
    private BeholderRuntime runtime;
    private NvrChannelHandler handler;

    @BeforeEach
    void start() throws Exception {
        device = new FakeDevice("admin", "pa55word", Duration.ofMinutes(3));
        device.answer("GetServices", Fixtures.filled("GetServices.xml"))
                .answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"))
                .answer("GetProfiles", Fixtures.filled("GetProfiles.xml"))
                .answer("GetPresets", Fixtures.filled("ptz.GetPresets.xml"));
        for (String op : List.of("ContinuousMove", "Stop", "GotoPreset")) {
            device.answer(op, "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><" + op
                    + "Response xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\"/></s:Body></s:Envelope>");
        }
        pullPoint = new FakePullPoint(device);
        runtime = new BeholderRuntime(data, new OpenHabAccessGuard(new TokenAuthFilter(Map.of())));
    }

    @AfterEach
    void stop() {
        if (handler != null) {
            handler.dispose();
        }
        runtime.close();
        device.close();
    }

    private ThingFixture thing(Map<String, Object> config) {
        ThingFixture thing = HandlerFixture.thing("porch", config, runtime);
        handler = (NvrChannelHandler) thing.getHandler();
        return thing;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        ThingFixture.await(what, condition);
    }

    @Test
    void propertiesCameraEventsAndPtz() throws Exception {
        ThingFixture thing = thing(Map.of("url", "test:?width=160&height=120", "username", "admin", "password",
                "pa55word", "onvifHost", "127.0.0.1", "onvifPort", device.deviceService().getPort()));
        handler.initialize();
        await("ONLINE", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE);
        assertEquals("Mockup Manufacturer", thing.getProperties().get(Thing.PROPERTY_VENDOR));
        assertEquals("Mockup Model", thing.getProperties().get(Thing.PROPERTY_MODEL_ID));

        pullPoint.queue(FakePullPoint.motion(true));
        await("camera-motion ON", () -> OnOffType.ON.equals(thing.lastState(CHANNEL_CAMERA_MOTION)));
        assertTrue(thing.triggers.stream().anyMatch(t -> t.channel().equals(CHANNEL_CAMERA_EVENT)
                && t.event().startsWith("RuleEngine/CellMotionDetector/Motion IsMotion=true")), thing.triggers::toString);

        handler.handleCommand(new ChannelUID(thing.getUID(), CHANNEL_PAN), new DecimalType(0.5));
        await("a move", () -> !device.received("ContinuousMove").isEmpty());
        assertEquals("0.5", Xml.attribute(Xml.child(device.received("ContinuousMove").get(0).operationElement(),
                "Velocity", "PanTilt").orElseThrow(), "x").orElseThrow());
        handler.handleCommand(new ChannelUID(thing.getUID(), CHANNEL_PAN), new DecimalType(0));
        await("a stop", () -> !device.received("Stop").isEmpty());
        handler.handleCommand(new ChannelUID(thing.getUID(), CHANNEL_PTZ_PRESET), new StringType("P002"));
        await("a preset", () -> !device.received("GotoPreset").isEmpty());

        NvrChannelActions actions = new NvrChannelActions();
        actions.setThingHandler(handler);
        assertTrue(actions.gotoPreset("P003"));
        assertFalse(actions.gotoPreset("nowhere"), "an unknown preset is refused");
    }

    @Test
    void anUnreachableOnvifCameraIsACommunicationErrorWithTheReason() throws Exception {
        int port = device.deviceService().getPort();
        device.close();
        ThingFixture thing = thing(Map.of("onvifHost", "127.0.0.1", "onvifPort", port, "username", "admin",
                "password", "pa55word"));
        handler.initialize();
        await("OFFLINE", () -> thing.lastStatus().getStatus() == ThingStatus.OFFLINE);
        assertEquals(ThingStatusDetail.COMMUNICATION_ERROR, thing.lastStatus().getStatusDetail());
        assertTrue(thing.lastStatus().getDescription().startsWith("ONVIF device 127.0.0.1:" + port),
                thing.lastStatus().getDescription());
        assertFalse(thing.lastStatus().getDescription().contains("pa55word"));
    }
}
