package org.beholder.standalone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;

import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.beholder.engine.Transport;
import org.beholder.standalone.internal.config.ConfigException;
import org.beholder.standalone.internal.config.ConfigLoader;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
    private static final String HASH = "pbkdf2-sha256:210000:AAAAAAAAAAAAAAAAAAAAAA==:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

    private static StandaloneConfig parse(String yaml) throws ConfigException {
        return ConfigLoader.parse("beholder.yml", new StringReader(yaml), Path.of("/srv/beholder"));
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> parse(yaml)).getMessage();
    }

    @Test
    void readsEveryKey() throws Exception {
        StandaloneConfig config = parse("""
                server:
                  host: 0.0.0.0
                  port: 8443
                data: /var/lib/beholder
                storage:
                  maxTotalGB: 1.5
                  minFreeMB: 1024
                  retentionInterval: 5m
                users:
                  - name: alice
                    password: %s
                tokens:
                  - name: home-assistant
                    sha256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
                channels:
                  - id: front
                    label: Front door
                    url: rtsp://192.168.1.20:554/stream1
                    username: admin
                    password: "p@ss: word"
                    transport: udp
                    preRoll: 5s
                    postRoll: 1m
                    record: continuous
                    retentionDays: 30
                    retentionGB: 2
                    stallTimeout: 15s
                    analyticsWidth: 416
                    motionThreshold: 0.05
                    motionHold: 8s
                    zones:
                      - name: path
                        area: "0,0.5 1,0.5 1,1 0,1"
                    masks: ["0,0 0.3,0 0.3,0.4"]
                    qr: yes
                    objects: [person, car]
                    objectInterval: 1m
                    objectMinScore: 0.6
                    recordOn: [person]
                  - id: back
                    url: "test:"
                """.formatted(HASH));
        assertEquals("0.0.0.0", config.host());
        assertEquals(8443, config.port());
        assertEquals(Path.of("/var/lib/beholder"), config.dataDir());
        assertEquals(1_500_000_000L, config.maxTotalBytes());
        assertEquals(1024L << 20, config.minFreeBytes());
        assertEquals(Duration.ofMinutes(5), config.retentionInterval());
        assertEquals("alice", config.users().get(0).name());
        assertEquals("home-assistant", config.tokens().get(0).name());
        CameraSettings front = config.cameras().get(0);
        assertEquals("Front door", front.label());
        assertEquals("p@ss: word", front.password());
        assertEquals(Transport.UDP, front.transport());
        assertEquals(Duration.ofSeconds(5), front.preRoll());
        assertEquals(Duration.ofMinutes(1), front.postRoll());
        assertEquals(RecordMode.CONTINUOUS, front.recordMode());
        assertEquals(30, front.retentionDays());
        assertEquals(2_000_000_000L, front.retentionBytes());
        assertEquals(416, front.analyticsWidth());

        assertEquals(0.05, front.motionThreshold());
        assertEquals(Duration.ofSeconds(8), front.motionHold());
        assertEquals("path", front.zones().get(0).name());
        assertTrue(front.zones().get(0).area().contains(0.5, 0.75));
        assertTrue(front.masks().get(0).contains(0.1, 0.1));
        assertTrue(front.qr());
        assertTrue(front.objects());
        assertEquals(java.util.Set.of("person", "car"), front.objectClasses());
        assertEquals(Duration.ofMinutes(1), front.objectInterval());
        assertFalse(front.recordOnMotion());
        assertEquals(java.util.Set.of(), front.recordOnClasses(), "recording continuously: triggers mean nothing");

        CameraSettings back = config.cameras().get(1);
        assertTrue(back.motion() && back.recordOnMotion() && back.recordMode() == RecordMode.EVENTS,
                "motion records by default");
        assertFalse(back.objects(), "no classes, no detector");
    }

    @Test
    void defaultsForAnEmptyFile() throws Exception {
        StandaloneConfig config = parse("");
        assertEquals("127.0.0.1", config.host(), "loopback unless told otherwise");
        assertEquals(8080, config.port());
        assertEquals(Path.of("/srv/beholder/data"), config.dataDir());
    }

    @Test
    void mistakesNameTheKeyAndLine() {
        assertEquals("beholder.yml line 3: unknown key 'server.prot' (expected one of allowedOrigins, host, port)",
                error("server:\n  host: 127.0.0.1\n  prot: 80\n"));
        assertEquals("beholder.yml line 2: server.port: must be a whole number, was 'eighty'",
                error("server:\n  port: eighty\n"));
        assertEquals("beholder.yml line 4: channels[0].preRoll: must be a duration like 500ms, 10s, 5m, 2h or 1d,"
                + " was 'ten'", error("channels:\n  - id: a\n    url: \"test:\"\n    preRoll: ten\n"));
        assertTrue(error("channels:\n  - id: a\n    url: \"test:\"\n  - id: a\n    url: \"test:\"\n")
                .startsWith("beholder.yml line 4: channels[1].id: channel 'a' is listed twice"));
        assertTrue(error("channels:\n  - id: a\n").contains("channels[0].url: is required"));
        assertTrue(error("users:\n  - name: bob\n    password: hunter2\n").contains("--hash-password"));
        assertTrue(error("server: [1, 2]\n").startsWith("beholder.yml line 1: server must be a mapping"));
        assertTrue(error("channels:\n  - id: a\n    url: \"test:\"\n    transport: carrier-pigeon\n")
                .startsWith("beholder.yml line 4: channels[0].transport"));
        assertTrue(error("server:\n  host: a\n  host: b\n").startsWith("beholder.yml line 3:"), "duplicate keys");
        assertTrue(error("channels:\n  - id: a\n    url: \"test:\"\n    zones:\n      - name: z\n        area: \"0,0 2,0 1,1\"\n")
                .startsWith("beholder.yml line 6: channels[0].zones[0].area: polygon points must lie in 0..1"));
        assertTrue(error("channels:\n  - id: a\n    url: \"test:\"\n    qr: maybe\n")
                .contains("channels[0].qr: must be true or false"));
        assertTrue(error("server:\n  port: [80\nchannels: x\n").startsWith("beholder.yml line "), "YAML syntax");
    }

    @Test
    void credentialsInTheUrlAreRefusedWithoutRepeatingThem() {
        String message = error("channels:\n  - id: a\n    url: rtsp://admin:hunter2@10.0.0.1/s\n");
        assertTrue(message.startsWith("beholder.yml line 3: channels[0].url: must not contain credentials"),
                message);
        assertFalse(message.contains("hunter2"));
    }
}
