package org.beholder.standalone.internal.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** No config error repeats a camera password, wherever the file put it and whatever went wrong. */
class ConfigSecretsTest {
    private static final String PASSWORD = "S3cretCamPw";

    private static String error(String yaml) {
        String message = assertThrows(ConfigException.class,
                () -> ConfigLoader.parse("beholder.yml", new StringReader(yaml), Path.of("/srv"))).getMessage();
        assertFalse(message.contains(PASSWORD), message);
        assertTrue(message.startsWith("beholder.yml line "), message);
        return message;
    }

    @Test
    void aPasswordInTheUrlsUserInfoIsNeverRepeated() {
        assertTrue(error("channels:\n  - id: a\n    url: rtsp://admin:" + PASSWORD + "@bad_host/live\n")
                .startsWith("beholder.yml line 3: channels[0].url: must not contain credentials"));
        error("channels:\n  - id: a\n    url: rtsp://admin:" + PASSWORD + "@cam host/live\n");
        error("channels:\n  - id: a\n    url: rtsp://admin:" + PASSWORD + "@@cam/live\n");
    }

    @Test
    void aPasswordInTheQueryIsNeverRepeated() {
        error("channels:\n  - id: a\n    url: rtsp://cam.local/live?user=admin&password=" + PASSWORD + "\n"
                + "    preRoll: ten\n");
        error("channels:\n  - id: a\n    url: rtsp:///live?token=" + PASSWORD + "\n");
        error("channels:\n  - id: a\n    url: rtsp://cam.local/live?pwd=" + PASSWORD + " x\n");
    }

    @Test
    void theChannelsPasswordIsMaskedWhereverAMessageWouldRepeatIt() {
        String base = "channels:\n  - id: a\n    url: \"test:\"\n    password: " + PASSWORD + "\n";
        assertTrue(error(base + "    preRoll: " + PASSWORD + "\n")
                .startsWith("beholder.yml line 5: channels[0].preRoll: must be a duration"));
        error(base + "    zones:\n      - name: z\n        area: " + PASSWORD + "\n");
        error(base + "    label: [" + PASSWORD + "\n");
        error("channels:\n  - id: a\n    url: \"test:\"\n    password: \"" + PASSWORD + "\n");
        error("channels:\n  - {id: a, url: \"test:\", password: \"" + PASSWORD + "\", transport: " + PASSWORD + "}\n");
        error("channels:\n  - id: " + PASSWORD + "!\n    url: \"test:\"\n    password: " + PASSWORD + "\n");
        error("channels:\n  - id: a\n    url: \"test:\"\n    password: \"S3cret\\x43amPw\"\n    qr: "
                + PASSWORD + "\n");
    }
}
