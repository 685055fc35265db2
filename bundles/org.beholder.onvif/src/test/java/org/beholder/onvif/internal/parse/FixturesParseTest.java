package org.beholder.onvif.internal.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.beholder.onvif.DeviceInformation;
import org.beholder.onvif.DeviceScopes;
import org.beholder.onvif.ImagingSettings;
import org.beholder.onvif.MediaProfile;
import org.beholder.onvif.OnvifService;
import org.beholder.onvif.PtzConfiguration;
import org.beholder.onvif.PtzNode;
import org.beholder.onvif.PtzPreset;
import org.beholder.onvif.PtzStatus;
import org.beholder.onvif.ServiceAddresses;
import org.beholder.onvif.StreamChoice;
import org.beholder.onvif.VideoEncoding;
import org.beholder.onvif.internal.soap.SoapFault;
import org.beholder.onvif.internal.xml.SafeXml;
import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Element;

/** Every shared fixture parses, and the values readable in them come out of the parsers. */
class FixturesParseTest {

    static Stream<String> allFixtures() throws Exception {
        Path folder = Path.of(FixturesParseTest.class.getResource("/onvif-fixtures/README.md").toURI()).getParent();
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("README.md"))
                    .sorted().toList();
            assertTrue(names.size() >= 70, "all fixtures were copied: " + names.size());
            return names.stream();
        }
    }

    static Element response(String fixture) throws Exception {
        Element envelope = SafeXml.parse(Fixtures.filled(fixture)).getDocumentElement();
        return Xml.children(Xml.child(envelope, "Body").orElseThrow()).get(0);
    }

    @ParameterizedTest
    @MethodSource("allFixtures")
    void everyFixtureParsesToAnEnvelopeWithABody(String fixture) throws Exception {
        Element envelope = SafeXml.parse(Fixtures.filled(fixture)).getDocumentElement();
        assertEquals("Envelope", Xml.localName(envelope));
        Element body = Xml.child(envelope, "Body").orElseThrow();
        assertFalse(Xml.children(body).isEmpty(), fixture + " has an operation in its Body");
    }

    @Test
    void deviceInformation() throws Exception {
        assertEquals(new DeviceInformation("Mockup Manufacturer", "Mockup Model", "Mockup_15_14_13", "00000000",
                "MOCKUP"), DeviceParser.deviceInformation(response("GetDeviceInformation.xml")));
    }

    @Test
    void systemDateAndTime() throws Exception {
        assertEquals(Instant.parse("2014-12-24T19:14:37Z"),
                DeviceParser.systemDateAndTime(response("GetSystemDateAndTime.xml")));
    }

    @Test
    void scopes() throws Exception {
        DeviceScopes scopes = DeviceParser.scopes(response("GetScopes.xml"));
        assertEquals("PREDATOR", scopes.name());
        assertEquals("HD_PREDATOR", scopes.hardware());
        assertEquals("", scopes.location());
        assertEquals(List.of("Streaming"), scopes.profiles());
        assertEquals(7, scopes.all().size());
    }

    @Test
    void capabilitiesAndServices() throws Exception {
        URI services = URI.create("http://192.168.68.111/onvif/services");
        ServiceAddresses capabilities = DeviceParser.capabilities(response("GetCapabilities.xml"));
        for (OnvifService s : List.of(OnvifService.DEVICE, OnvifService.EVENTS, OnvifService.IMAGING,
                OnvifService.MEDIA, OnvifService.PTZ, OnvifService.DEVICE_IO)) {
            assertEquals(services, capabilities.address(s).orElseThrow(), s.name());
        }
        assertFalse(capabilities.has(OnvifService.RECORDING));
        assertTrue(DeviceParser.pullPointSupported(response("GetCapabilities.xml")));

        ServiceAddresses encoder = DeviceParser.capabilities(response("GetCapabilitiesEncoder.xml"));
        assertEquals(URI.create("http://192.168.30.65/onvif/event_service"),
                encoder.address(OnvifService.EVENTS).orElseThrow());
        assertEquals(URI.create("http://192.168.30.65/onvif/deviceio_service"),
                encoder.address(OnvifService.DEVICE_IO).orElseThrow());

        ServiceAddresses fromServices = DeviceParser.services(response("GetServices.xml"));
        assertEquals(6, fromServices.addresses().size());
        assertEquals(services, fromServices.address(OnvifService.PTZ).orElseThrow());
        assertFalse(fromServices.has(OnvifService.MEDIA2));
    }

    @Test
    void media1Profiles() throws Exception {
        List<MediaProfile> profiles = MediaParser.profiles(response("GetProfiles.xml"));
        assertEquals(1, profiles.size());
        MediaProfile main = profiles.get(0);
        assertEquals("main", main.token());
        assertEquals("main", main.name());
        assertEquals("vidsrc0", main.videoSourceToken());
        assertEquals("default", main.ptzConfigurationToken());
        assertFalse(main.media2());
        assertEquals(new VideoEncoding("main", "H264", 1920, 1080, 5.0, 30, 1000), main.video());
        // 30 frames at 5 fps: a keyframe every 6 s, longer than a 5 s pre-roll.
        assertEquals(Duration.ofSeconds(6), main.video().gopDuration().orElseThrow());
        assertTrue(main.video().gopLongerThan(Duration.ofSeconds(5)));
        assertFalse(main.video().gopLongerThan(Duration.ofSeconds(6)));
    }

    @Test
    void media2ProfilesWithH265AndChoiceOfMainAndSub() throws Exception {
        Element answer = SafeXml.parse(new String(FixturesParseTest.class
                .getResourceAsStream("/onvif-fixtures-beholder/media2.GetProfiles.xml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8)).getDocumentElement();
        List<MediaProfile> profiles = MediaParser.media2Profiles(
                Xml.children(Xml.child(answer, "Body").orElseThrow()).get(0));
        assertEquals(3, profiles.size());
        MediaProfile main = profiles.get(0);
        assertTrue(main.media2());
        assertEquals("VideoSource_1", main.videoSourceToken());
        assertEquals("PTZToken", main.ptzConfigurationToken());
        assertEquals(new VideoEncoding("VideoEncoderToken_1", "H265", 3840, 2160, 20.0, 100, 8192), main.video());
        assertEquals(Duration.ofSeconds(5), main.video().gopDuration().orElseThrow());
        assertNull(profiles.get(2).video());

        StreamChoice choice = StreamChoice.choose(profiles).orElseThrow();
        assertEquals("Profile_1", choice.main().token());
        assertEquals("Profile_2", choice.sub().token());
        assertTrue(choice.hasSeparateSub());
    }

    @Test
    void streamAndSnapshotUris() throws Exception {
        assertEquals(URI.create("rtsp://192.168.68.111/h264main"),
                MediaParser.mediaUri(response("GetStreamUri.xml"), "GetStreamUri"));
        assertEquals(URI.create("http://192.168.68.111/onvif-cgi/jpg/image.cgi?resolution=800x600&compression=20&camera=1"),
                MediaParser.mediaUri(response("GetSnapshotUri.xml"), "GetSnapshotUri"));
    }

    @Test
    void ptzNodesConfigurationsPresetsAndStatus() throws Exception {
        List<PtzNode> nodes = PtzParser.nodes(response("GetNodes.xml"));
        assertFalse(nodes.isEmpty());
        PtzNode node = nodes.get(0);
        assertEquals("default", node.token());
        assertTrue(node.supportsAbsolute());
        assertTrue(node.supportsRelative());
        assertTrue(node.supportsContinuous());
        assertTrue(node.absolutePanTiltSpaces()
                .contains("http://www.onvif.org/ver10/tptz/PanTiltSpaces/PositionGenericSpace"));

        assertEquals(List.of(new PtzConfiguration("default", "default", "default")),
                PtzParser.configurations(response("GetConfigurations.xml")));

        List<PtzPreset> presets = PtzParser.presets(response("ptz.GetPresets.xml"));
        assertEquals(46, presets.size());
        assertEquals(new PtzPreset("P001", "P001"), presets.get(0));
        assertEquals("Home2", presets.get(45).token());

        PtzStatus status = PtzParser.status(response("GetStatus.xml"));
        assertEquals(-0.864665985, status.pan(), 1e-9);
        assertEquals(0.267444015, status.tilt(), 1e-9);
        assertEquals(0.211861998, status.zoom(), 1e-9);
        assertEquals("IDLE", status.panTiltMoveStatus());
        assertEquals(Instant.parse("2014-12-29T20:01:31Z"), status.utcTime());

        assertEquals("20", Xml.textOr(response("ptz.SetPreset.xml"), "", "PresetToken"));
    }

    @Test
    void imagingSettings() throws Exception {
        ImagingSettings settings = PtzParser.imagingSettings(response("imaging.GetImagingSettings.xml"));
        assertEquals(255.0, settings.brightness().orElseThrow());
        assertEquals(128.0, settings.colorSaturation().orElseThrow());
        assertEquals(128.0, settings.contrast().orElseThrow());
        assertEquals(128.0, settings.sharpness().orElseThrow());
        assertEquals("AUTO", settings.value("Focus/AutoFocusMode").orElseThrow());
    }

    @Test
    void errorFixtureIsAFaultWithReasonAndSubcodes() throws Exception {
        Element envelope = SafeXml.parse(Fixtures.raw("Error.xml")).getDocumentElement();
        SoapFault fault = SoapFault.from(Xml.child(envelope, "Body").orElseThrow()).orElseThrow();
        assertEquals("fault reason", fault.reason());
        assertEquals("fault code", fault.code());
        assertEquals(List.of("ter:fault subcode", "ter:fault subcode"), fault.subcodes());
    }

    @Test
    void scopesAreDecodedAndVendorScopesKept() {
        DeviceScopes scopes = DeviceScopes.of(List.of("onvif://www.onvif.org/name/Front%20Door",
                "onvif://www.onvif.org/Profile/T", "onvif://www.onvif.org/Profile/G",
                "onvif://www.onvif.org/location/country/germany", "http://vendor.example/x"));
        assertEquals("Front Door", scopes.name());
        assertEquals(List.of("T", "G"), scopes.profiles());
        assertEquals("country/germany", scopes.location());
        assertEquals(5, scopes.all().size());
    }
}
