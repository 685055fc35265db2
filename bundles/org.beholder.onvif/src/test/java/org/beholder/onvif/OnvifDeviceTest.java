package org.beholder.onvif;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The façade against the loopback test device: what it asks and what it makes of the answers. */
class OnvifDeviceTest {
    private static final Credentials ADMIN = new Credentials("admin", "pa55word");

    private FakeDevice device;
    private final OnvifClient client = new OnvifClient(OnvifOptions.DEFAULTS.withRequestTimeout(Duration.ofSeconds(5)));

    @BeforeEach
    void start() throws IOException {
        // The device's clock is a day and a bit ahead: every authenticated call below needs the offset.
        device = new FakeDevice("admin", "pa55word", Duration.ofHours(26).plusSeconds(17));
        device.answer("GetServices", Fixtures.filled("GetServices.xml"))
                .answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"))
                .answer("GetScopes", Fixtures.filled("GetScopes.xml"))
                .answer("GetProfiles", Fixtures.filled("GetProfiles.xml"))
                .answer("GetStreamUri", Fixtures.filled("GetStreamUri.xml"))
                .answer("GetSnapshotUri", Fixtures.filled("GetSnapshotUri.xml"))
                .answer("GetImagingSettings", Fixtures.filled("imaging.GetImagingSettings.xml"))
                .answer("GetNodes", Fixtures.filled("GetNodes.xml"))
                .answer("GetConfigurations", Fixtures.filled("GetConfigurations.xml"))
                .answer("GetPresets", Fixtures.filled("ptz.GetPresets.xml"))
                .answer("GetStatus", Fixtures.filled("GetStatus.xml"))
                .answer("SetPreset", Fixtures.filled("ptz.SetPreset.xml"));
        for (String op : List.of("ContinuousMove", "Stop", "AbsoluteMove", "RelativeMove", "GotoPreset",
                "RemovePreset", "GotoHomePosition")) {
            device.answer(op, "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><" + op
                    + "Response xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\"/></s:Body></s:Envelope>");
        }
    }

    @AfterEach
    void stop() {
        device.close();
    }

    @Test
    void connectMeasuresTheClockAndMovesServiceAddressesOntoTheHostThatAnswered() throws Exception {
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);

        long offset = onvif.clockOffset().toSeconds();
        assertTrue(Math.abs(offset - Duration.ofHours(26).plusSeconds(17).toSeconds()) <= 2, "offset " + offset);
        // GetServices names 192.168.68.111; the device answered on loopback, so that is where the services are.
        assertEquals(device.uri("/onvif/services"), onvif.services().address(OnvifService.MEDIA).orElseThrow());
        assertEquals(device.uri("/onvif/services"), onvif.services().address(OnvifService.PTZ).orElseThrow());
        assertFalse(onvif.services().has(OnvifService.RECORDING));
        assertTrue(device.received("GetSystemDateAndTime").get(0).body().indexOf("UsernameToken") < 0,
                "GetSystemDateAndTime is sent without credentials");
    }

    @Test
    void aDeviceClockThatJumpsAfterConnectIsMeasuredAgainOnARefusedToken() throws Exception {
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);
        device.clockOffset(Duration.ofMinutes(-90));

        assertEquals("Mockup Model", onvif.deviceInformation().model());
        assertTrue(Math.abs(onvif.clockOffset().toSeconds() + 90 * 60) <= 2, "offset " + onvif.clockOffset());
        assertEquals(2, device.received("GetDeviceInformation").size(), "refused once, then accepted");
    }

    @Test
    void aWrongPasswordFailsConnectOnceWithoutRetrying() {
        OnvifException e = assertThrows(OnvifException.class,
                () -> client.connect(device.deviceService(), new Credentials("admin", "wrong")));
        assertEquals(OnvifException.Kind.WRONG_CREDENTIALS, e.kind());
        assertFalse(e.getMessage().contains("wrong"));
        assertEquals(1, device.received("GetServices").size(), "the clock had not moved: no retry");
    }

    @Test
    void deviceInformationAndScopes() throws Exception {
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);

        assertEquals("Mockup Manufacturer", onvif.deviceInformation().manufacturer());
        assertEquals("00000000", onvif.deviceInformation().serialNumber());
        assertEquals("PREDATOR", onvif.scopes().name());
    }

    @Test
    void olderDevicesWithoutGetServicesAreFoundThroughGetCapabilities() throws Exception {
        device.answer("GetServices", r -> new FakeDevice.Answer(400,
                FakeDevice.fault("ter:ActionNotSupported", "not implemented"), java.util.Map.of(), 0));
        device.answer("GetCapabilities", Fixtures.filled("GetCapabilitiesEncoder.xml"));

        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);

        assertEquals(device.uri("/onvif/event_service"), onvif.services().address(OnvifService.EVENTS).orElseThrow());
    }

    @Test
    void profilesStreamAndSnapshotUris() throws Exception {
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);

        List<MediaProfile> profiles = onvif.profiles();
        StreamChoice choice = StreamChoice.choose(profiles).orElseThrow();
        assertEquals("main", choice.main().token());
        assertFalse(choice.hasSeparateSub());
        assertEquals(URI.create("rtsp://192.168.68.111/h264main"), onvif.streamUri(choice.main()));
        assertTrue(onvif.snapshotUri(choice.main()).toString().startsWith("http://192.168.68.111/onvif-cgi/jpg"));

        Element request = device.received("GetStreamUri").get(0).operationElement();
        assertEquals("RTP-Unicast", Xml.text(request, "StreamSetup", "Stream").orElseThrow());
        assertEquals("RTSP", Xml.text(request, "StreamSetup", "Transport", "Protocol").orElseThrow());
        assertEquals("main", Xml.text(request, "ProfileToken").orElseThrow());
        assertTrue(device.received("GetStreamUri").get(0).contentType()
                .contains("action=\"http://www.onvif.org/ver10/media/wsdl/GetStreamUri\""));
    }

    @Test
    void media2IsPreferredWhereTheDeviceHasIt() throws Exception {
        device.answer("GetServices", Fixtures.filled("GetServices.xml").replace(
                "<tds:Service>", "<tds:Service><tds:Namespace>http://www.onvif.org/ver20/media/wsdl</tds:Namespace>"
                        + "<tds:XAddr>http://10.1.1.1/onvif/media2</tds:XAddr></tds:Service><tds:Service>"));
        device.answer("GetProfiles", ownFixture("media2.GetProfiles.xml"));
        device.answer("GetStreamUri", ownFixture("media2.GetStreamUri.xml"));
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);

        StreamChoice choice = StreamChoice.choose(onvif.profiles()).orElseThrow();
        assertEquals("H265", choice.main().video().codec());
        assertEquals(URI.create("rtsp://192.168.1.64:554/Streaming/Channels/101"), onvif.streamUri(choice.main()));

        FakeDevice.Received request = device.received("GetStreamUri").get(0);
        assertEquals("/onvif/media2", request.path());
        assertEquals("RTSP", Xml.text(request.operationElement(), "Protocol").orElseThrow());
        assertEquals("Profile_1", Xml.text(request.operationElement(), "ProfileToken").orElseThrow());
    }

    @Test
    void media1IsUsedWhenTheMedia2ServiceFails() throws Exception {
        device.answer("GetServices", Fixtures.filled("GetServices.xml").replace(
                "<tds:Service>", "<tds:Service><tds:Namespace>http://www.onvif.org/ver20/media/wsdl</tds:Namespace>"
                        + "<tds:XAddr>http://10.1.1.1/onvif/media2</tds:XAddr></tds:Service><tds:Service>"));
        String media1 = Fixtures.filled("GetProfiles.xml");
        device.answer("GetProfiles", r -> r.path().equals("/onvif/media2")
                ? new FakeDevice.Answer(500, FakeDevice.fault("ter:ActionNotSupported", "broken Media2"),
                        java.util.Map.of(), 0)
                : FakeDevice.Answer.ok(media1));
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);

        List<MediaProfile> profiles = onvif.profiles();
        assertEquals(List.of("main"), profiles.stream().map(MediaProfile::token).toList());
        assertFalse(profiles.get(0).media2());
        assertEquals(List.of("/onvif/media2", "/onvif/services"),
                device.received("GetProfiles").stream().map(FakeDevice.Received::path).toList());
    }

    @Test
    void imagingSettingsOfTheVideoSource() throws Exception {
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);
        assertEquals(255.0, onvif.imagingSettings("vidsrc0").brightness().orElseThrow());
        assertEquals("vidsrc0", Xml.text(device.received("GetImagingSettings").get(0).operationElement(),
                "VideoSourceToken").orElseThrow());
    }

    @Test
    void ptzCommandsReachTheDeviceWithTheirValues() throws Exception {
        OnvifPtz ptz = client.connect(device.deviceService(), ADMIN).ptz();
        PtzNode node = ptz.nodes().get(0);
        assertEquals("default", ptz.configurations().get(0).nodeToken());

        ptz.continuousMove("main", new PtzVector(0.5, -2.0, 0.25), null);
        Element move = device.received("ContinuousMove").get(0).operationElement();
        assertEquals("main", Xml.text(move, "ProfileToken").orElseThrow());
        Element panTilt = Xml.child(move, "Velocity", "PanTilt").orElseThrow();
        assertEquals("0.5", Xml.attribute(panTilt, "x").orElseThrow());
        assertEquals("-1.0", Xml.attribute(panTilt, "y").orElseThrow(), "velocity clamped to -1..1");
        assertEquals("0.25", Xml.attribute(Xml.child(move, "Velocity", "Zoom").orElseThrow(), "x").orElseThrow());

        ptz.stop("main");
        Element stop = device.received("Stop").get(0).operationElement();
        assertEquals("true", Xml.text(stop, "PanTilt").orElseThrow());
        assertEquals("true", Xml.text(stop, "Zoom").orElseThrow());

        ptz.absoluteMove("main", node, new PtzVector(0.1, 0.2, 0.3));
        assertEquals("0.2", Xml.attribute(Xml.child(device.received("AbsoluteMove").get(0).operationElement(),
                "Position", "PanTilt").orElseThrow(), "y").orElseThrow());
        ptz.relativeMove("main", node, new PtzVector(-0.1, 0, 0));
        assertEquals("-0.1", Xml.attribute(Xml.child(device.received("RelativeMove").get(0).operationElement(),
                "Translation", "PanTilt").orElseThrow(), "x").orElseThrow());

        assertEquals(46, ptz.presets("main").size());
        ptz.gotoPreset("main", "P003");
        assertEquals("P003", Xml.text(device.received("GotoPreset").get(0).operationElement(), "PresetToken")
                .orElseThrow());
        assertEquals("20", ptz.setPreset("main", "Gate <east>", null));
        assertEquals("Gate <east>", Xml.text(device.received("SetPreset").get(0).operationElement(), "PresetName")
                .orElseThrow());
        ptz.removePreset("main", "20");
        ptz.gotoHomePosition("main");
        assertEquals(1, device.received("GotoHomePosition").size());
        assertEquals("IDLE", ptz.status("main").zoomMoveStatus());
        assertTrue(device.received("GotoPreset").get(0).contentType()
                .contains("action=\"http://www.onvif.org/ver20/ptz/wsdl/GotoPreset\""));
    }

    @Test
    void movesTheNodeDoesNotSupportAreRefusedBeforeAnyRequest() throws Exception {
        OnvifPtz ptz = client.connect(device.deviceService(), ADMIN).ptz();
        PtzNode continuousOnly = new PtzNode("n", "n", Set.of(), Set.of(), Set.of(), Set.of(),
                Set.of("http://www.onvif.org/ver10/tptz/PanTiltSpaces/VelocityGenericSpace"), Set.of(), 0, false);

        OnvifException e = assertThrows(OnvifException.class,
                () -> ptz.relativeMove("main", continuousOnly, new PtzVector(0.1, 0, 0)));
        assertEquals(OnvifException.Kind.SERVICE_MISSING, e.kind());
        assertThrows(OnvifException.class, () -> ptz.absoluteMove("main", continuousOnly, new PtzVector(0, 0, 0)));
        assertTrue(device.received("RelativeMove").isEmpty());
        assertTrue(device.received("AbsoluteMove").isEmpty());
    }

    @Test
    void aServiceTheDeviceLacksIsServiceMissing() throws Exception {
        OnvifDevice onvif = client.connect(device.deviceService(), ADMIN);
        OnvifException e = assertThrows(OnvifException.class, onvif::media2Profiles);
        assertEquals(OnvifException.Kind.SERVICE_MISSING, e.kind());
        assertTrue(e.getMessage().contains("MEDIA2"), e.getMessage());
    }

    static String ownFixture(String name) throws IOException {
        try (InputStream in = OnvifDeviceTest.class.getResourceAsStream("/onvif-fixtures-beholder/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
