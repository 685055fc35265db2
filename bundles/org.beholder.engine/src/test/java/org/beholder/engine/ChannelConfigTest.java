package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ChannelConfigTest {

    @Test
    void rejectsCredentialsInsideTheUrl() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ChannelConfig.builder("cam", "rtsp://admin:pw@10.0.0.5/stream").build());
        assertTrue(e.getMessage().contains("username and password separately"), e.getMessage());
        assertFalse(e.getMessage().contains("pw@"), "the message does not repeat the password");
    }

    @Test
    void noMessageRepeatsAPasswordEvenWhenTheUrlIsBroken() {
        for (String url : new String[] {"rtsp://admin:S3cretCamPw@bad_host/live", "rtsp://admin:S3cretCamPw@/live",
                "rtsp://admin:S3cretCamPw@cam local/live", "rtsp://admin:S3cretCamPw@10.0.0.5:99999999999/x"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> ChannelConfig.builder("cam", url).build(),
                    url);
            assertFalse(e.getMessage().contains("S3cretCamPw"), e.getMessage());
        }
        var noHost = assertThrows(IllegalArgumentException.class,
                () -> ChannelConfig.builder("cam", "rtsp://bad_host/live?user=admin&password=Qu3rySecret").build());
        assertTrue(noHost.getMessage().startsWith("url has no valid host"), noHost.getMessage());
        assertFalse(noHost.getMessage().contains("Qu3rySecret"), noHost.getMessage());
    }

    @Test
    void theUrlIsShownWithItsSecretQueryParametersMasked() {
        ChannelConfig config = ChannelConfig.builder("cam", "rtsp://10.0.0.5/live?user=admin&password=Qu3rySecret")
                .build();
        assertEquals("rtsp://10.0.0.5/live?user=admin&password=***", config.displayUrl());
        assertFalse(config.toString().contains("Qu3rySecret"), config.toString());
        assertEquals("rtsp://10.0.0.5/live?user=admin&password=Qu3rySecret", config.url(), "GStreamer gets it all");
    }

    @Test
    void rejectsUnknownSchemesBadIdsAndNonPositiveDurations() {
        assertThrows(IllegalArgumentException.class, () -> ChannelConfig.builder("cam", "http://x/y").build());
        assertThrows(IllegalArgumentException.class, () -> ChannelConfig.builder("../etc", "test:").build());
        assertThrows(IllegalArgumentException.class,
                () -> ChannelConfig.builder("cam", "test:").preRoll(Duration.ZERO).build());
        assertThrows(IllegalArgumentException.class, () -> ChannelConfig.builder("cam", "rtsp:///path").build());
    }

    @Test
    void neverPrintsThePassword() {
        ChannelConfig config = ChannelConfig.builder("cam", "rtsp://10.0.0.5/stream")
                .credentials("admin", "hunter2").build();
        assertFalse(config.toString().contains("hunter2"));
        assertEquals("cam", config.label());
        assertEquals("rtsp", config.scheme());
    }
}
