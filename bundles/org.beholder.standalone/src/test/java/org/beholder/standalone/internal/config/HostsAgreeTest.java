package org.beholder.standalone.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.Map;

import org.beholder.core.settings.CameraSettings;
import org.junit.jupiter.api.Test;
import org.openhab.binding.beholder.internal.NvrChannelConfiguration;
import org.openhab.core.config.core.Configuration;

/**
 * The same camera described to both hosts — a {@code beholder.yml} entry and an openHAB Thing configuration
 * (filled the way openHAB fills it) — becomes the same {@link CameraSettings}, and a wrong value gets the same
 * message from core's validator in both.
 */
class HostsAgreeTest {

    private static CameraSettings fromYaml(String entry) throws ConfigException {
        return ConfigLoader.parse("beholder.yml", new StringReader("channels:\n" + entry), Path.of("/tmp"))
                .cameras().get(0);
    }

    private static CameraSettings fromThing(String label, Map<String, Object> parameters) {
        return new Configuration(parameters).as(NvrChannelConfiguration.class).toCameraSettings("front", label);
    }

    @Test
    void aCameraRecordingOnObjectsWithZonesIsTheSameInBothHosts() throws Exception {
        CameraSettings yaml = fromYaml("""
                  - id: front
                    label: Front door
                    url: rtsp://camera.local:554/main
                    username: admin
                    password: "p@ss"
                    transport: udp
                    preRoll: 5s
                    postRoll: 20s
                    record: events
                    recordOn: [person, car]
                    objects: [person, car]
                    retentionDays: 7
                    retentionGB: 2.5
                    motionThreshold: 0.05
                    qr: true
                    zones:
                      - name: door
                        area: "0,0 0.5,0 0.5,1"
                """);
        CameraSettings thing = fromThing("Front door", Map.ofEntries(Map.entry("url", "rtsp://camera.local:554/main"),
                Map.entry("username", "admin"), Map.entry("password", "p@ss"), Map.entry("transport", "udp"),
                Map.entry("preRoll", 5), Map.entry("postRoll", 20), Map.entry("recordMode", "objects"),
                Map.entry("objects", true), Map.entry("objectClasses", "person, car"), Map.entry("retentionDays", 7),
                Map.entry("retentionGB", "2.5"), Map.entry("motionThreshold", "0.05"), Map.entry("qr", true),
                Map.entry("zones", "door=0,0 0.5,0 0.5,1")));
        assertEquals(yaml, thing);
    }

    @Test
    void theDefaultsAreTheSameInBothHosts() throws Exception {
        assertEquals(fromYaml("  - id: front\n    url: rtsp://camera.local/main\n"),
                fromThing(null, Map.of("url", "rtsp://camera.local/main")));
    }

    @Test
    void continuousRecordingIsTheSameInBothHosts() throws Exception {
        assertEquals(fromYaml("  - id: front\n    url: rtsp://camera.local/main\n    record: continuous\n"
                + "    retentionDays: 30\n"), fromThing(null, Map.of("url", "rtsp://camera.local/main",
                        "recordMode", "continuous", "retentionDays", 30)));
    }

    @Test
    void aCameraSetUpByOnvifIsTheSameInBothHosts() throws Exception {
        CameraSettings yaml = fromYaml("  - id: front\n    onvif: 192.168.1.20:8080\n    profile: main\n"
                + "    username: admin\n    password: secret\n");
        assertEquals(yaml, fromThing(null, Map.of("onvifHost", "192.168.1.20", "onvifPort", 8080, "onvifProfile",
                "main", "username", "admin", "password", "secret")));
        assertEquals("192.168.1.20", yaml.onvifHost());
        assertEquals(8080, yaml.onvifPort());
        assertEquals("", yaml.url(), "ONVIF finds the stream");
        assertEquals(80, fromYaml("  - id: front\n    onvif: \"[fe80::1]\"\n").onvifPort());
        assertEquals("fe80::1", fromYaml("  - id: front\n    onvif: \"[fe80::1]:8000\"\n").onvifHost());
        assertEquals("beholder.yml line 3: channels[0].onvif: must be host or host:port, was 'cam:http'",
                assertThrows(ConfigException.class, () -> fromYaml("  - id: front\n    onvif: cam:http\n"))
                        .getMessage());
    }

    @Test
    void aWrongValueGetsTheValidatorsMessageInBothHosts() {
        String rule = "motionThreshold must be between 0 and 1 (exclusive), was 1.5";
        ConfigException yaml = assertThrows(ConfigException.class, () -> fromYaml(
                "  - id: front\n    url: rtsp://camera.local/main\n    motionThreshold: 1.5\n"));
        assertEquals("beholder.yml line 4: channels[0]." + rule.replace("motionThreshold ", "motionThreshold: "),
                yaml.getMessage());
        IllegalArgumentException thing = assertThrows(IllegalArgumentException.class, () -> fromThing(null,
                Map.of("url", "rtsp://camera.local/main", "motionThreshold", "1.5")));
        assertEquals(rule, thing.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> fromThing(null, Map.of("url",
                "rtsp://camera.local/main", "recordMode", "objects"))).getMessage().startsWith(
                        "recordMode records on object classes (person) but object detection is off"),
                "the Thing names its own parameter");
    }
}
