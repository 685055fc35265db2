package org.beholder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.EngineConfig;
import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/**
 * PTZ of a camera with an explicit stream URL that ONVIF complements: the commands reach the (fake) device with
 * the right profile and values.
 */
class OnvifPtzTest {

    @Test
    void movesStopsPresetsAndHomeReachTheDeviceWithTheRightValues(@TempDir Path data) throws Exception {
        try (FakeDevice device = new FakeDevice("admin", "pa55word", Duration.ZERO);
                Beholder beholder = new Beholder(EngineConfig.of(data))) {
            device.answer("GetServices", Fixtures.filled("GetServices.xml"))
                    .answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"))
                    .answer("GetProfiles", Fixtures.filled("GetProfiles.xml"))
                    .answer("GetNodes", Fixtures.filled("GetNodes.xml"))
                    .answer("GetPresets", Fixtures.filled("ptz.GetPresets.xml"))
                    .answer("SetPreset", Fixtures.filled("ptz.SetPreset.xml"));
            for (String op : List.of("ContinuousMove", "Stop", "AbsoluteMove", "GotoPreset", "GotoHomePosition")) {
                device.answer(op, "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><" + op
                        + "Response xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\"/></s:Body></s:Envelope>");
            }
            Camera camera = beholder.addCamera(CameraSettings.builder("porch", "test:?width=160&height=120")
                    .credentials("admin", "pa55word").onvif("127.0.0.1", device.deviceService().getPort(), "")
                    .build());
            assertEquals("test:?width=160&height=120", camera.channel().config().url(), "the URL given wins");
            assertTrue(camera.ptz());
            CameraPtz ptz = camera.ptzControl().orElseThrow();

            ptz.move(0.5, -0.25, 3);
            Element move = device.received("ContinuousMove").get(0).operationElement();
            assertEquals("main", Xml.text(move, "ProfileToken").orElseThrow());
            Element panTilt = Xml.child(move, "Velocity", "PanTilt").orElseThrow();
            assertEquals("0.5", Xml.attribute(panTilt, "x").orElseThrow());
            assertEquals("-0.25", Xml.attribute(panTilt, "y").orElseThrow());
            assertEquals("1.0", Xml.attribute(Xml.child(move, "Velocity", "Zoom").orElseThrow(), "x").orElseThrow(),
                    "clamped to 1");
            assertEquals("PT10S", Xml.text(move, "Timeout").orElseThrow(), "never moves forever");
            ptz.stop();
            assertEquals(1, device.received("Stop").size());

            List<CameraPtz.Preset> presets = ptz.presets();
            assertEquals("P002", presets.get(1).name());
            ptz.gotoPreset("P002");
            assertEquals(presets.get(1).token(), Xml.text(device.received("GotoPreset").get(0).operationElement(),
                    "PresetToken").orElseThrow(), "a name finds its token");
            assertEquals("no preset 'Balcony'", assertThrows(CameraCommandException.class,
                    () -> ptz.gotoPreset("Balcony")).getMessage().replaceFirst("^.*: ", ""));
            ptz.savePreset("Door");
            assertEquals("Door", Xml.text(device.received("SetPreset").get(0).operationElement(), "PresetName")
                    .orElseThrow());
            ptz.home();
            assertEquals(1, device.received("GotoHomePosition").size());
            ptz.moveTo(0.1, 0.2, 0.3);
            assertEquals("0.2", Xml.attribute(Xml.child(device.received("AbsoluteMove").get(0).operationElement(),
                    "Position", "PanTilt").orElseThrow(), "y").orElseThrow());
        }
    }
}
