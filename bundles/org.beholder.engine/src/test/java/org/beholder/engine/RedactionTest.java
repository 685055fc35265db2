package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RedactionTest {

    @Test
    void masksUserInfoOfEveryUrl() {
        assertEquals("url has no host: rtsp://***@bad_host/live",
                Redaction.redact("url has no host: rtsp://admin:S3cretCamPw@bad_host/live"));
        assertEquals("a rtsp://***@h/x and http://***@h2:80/y",
                Redaction.redact("a rtsp://u:p@h/x and http://only-user@h2:80/y"));
    }

    @Test
    void masksSecretQueryParameters() {
        String redacted = Redaction.redact(
                "Connecting to rtsp://cam/live?user=admin&password=S3cret&channel=1&api_key=K1&authToken=T&pwd=x");
        assertEquals("Connecting to rtsp://cam/live?user=admin&password=***&channel=1&api_key=***&authToken=***"
                + "&pwd=***", redacted);
        assertEquals("rtsp://cam/cgi?PASSWD=***;token=***", Redaction.redact("rtsp://cam/cgi?PASSWD=abc;token=t0k"));
        assertEquals("rtsp://cam/live?user=admin&pw=***", Redaction.redact("rtsp://cam/live?user=admin&pw=S3cret"));
    }

    @Test
    void leavesHarmlessTextAlone() {
        String text = "Channel porch: RECONNECTING (connection refused by cam.local:554) keyframe=1";
        assertEquals(text, Redaction.redact(text));
        assertNull(Redaction.redact(null));
    }

    @Test
    void masksAGivenSecretAnywhere() {
        String redacted = Redaction.redact("auth failed for admin with S3cretCamPw at rtsp://cam/live", "S3cretCamPw");
        assertFalse(redacted.contains("S3cretCamPw"));
    }

    /** A quadratic pattern took minutes on a 200,000-character value; this one must not hang on a megabyte. */
    @Test
    void longTextDoesNotHang() {
        String letters = "a".repeat(1_000_000);
        String text = letters + " rtsp" + letters + " x=" + letters + "&password=" + letters;
        String redacted = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> Redaction.redact(text));
        assertEquals(letters + " rtsp" + letters + " x=" + letters + "&password=***", redacted);
    }
}
