package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Distinctive passwords, in a URL's user-info, in its query string and given separately, never appear in a
 * status message, a warning, an exception message or the log (slf4j-simple writes to System.err, captured here)
 * of channels that fail in every way the camera fixture can make them fail.
 */
class CredentialLeakTest {
    private static final String USER_INFO_SECRET = "Us3rInf0Secret";
    private static final String QUERY_SECRET = "Qu3ryS3cretPw";
    private static final String GIVEN_SECRET = "G1venS3cretPw";

    @TempDir
    Path data;
    private PrintStream originalErr;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        PrintStream original = originalErr;
        System.setErr(new PrintStream(new OutputStream() { // still shown, and kept to be searched
            @Override
            public void write(int b) {
                original.write(b);
                synchronized (log) {
                    log.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                original.write(bytes, offset, length);
                synchronized (log) {
                    log.write(bytes, offset, length);
                }
            }
        }, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    @Test
    void noSecretLeaksFromConfigStatusWarningsOrLogs() throws Exception {
        var refused = assertThrows(IllegalArgumentException.class, () -> ChannelConfig.builder("ui",
                "rtsp://admin:" + USER_INFO_SECRET + "@bad_host/live").build());
        seen.add(refused.getMessage());
        var noHost = assertThrows(IllegalArgumentException.class, () -> ChannelConfig.builder("nohost",
                "rtsp:///live?user=admin&password=" + QUERY_SECRET).build());
        seen.add(noHost.getMessage());

        try (RtspCameraFixture camera = RtspCameraFixture.start("--user", "admin", "--password", GIVEN_SECRET);
                NvrEngine engine = new NvrEngine(EngineConfig.of(data))) {
            String query = "?user=admin&password=" + QUERY_SECRET;
            NvrChannel refusedConnection = watch(engine.add(ChannelConfig.builder("refused",
                    "rtsp://127.0.0.1:" + RtspCameraFixture.freePort() + "/live" + query).build()));
            NvrChannel wrongPath = watch(engine.add(ChannelConfig.builder("path", camera.url("/nothing" + query))
                    .credentials("admin", GIVEN_SECRET).build()));
            NvrChannel wrongPassword = watch(engine.add(ChannelConfig.builder("password", camera.url("/cam" + query))
                    .credentials("admin", GIVEN_SECRET + "-wrong").build()));
            Waits.until(Duration.ofSeconds(30), () -> refusedConnection.status().state() == ChannelState.RECONNECTING
                    && wrongPath.status().state() == ChannelState.ERROR
                    && wrongPassword.status().state() == ChannelState.ERROR,
                    () -> refusedConnection.status() + " / " + wrongPath.status() + " / " + wrongPassword.status());
            assertTrue(wrongPath.status().message().contains("not found (404)"), wrongPath.status().message());
            assertTrue(wrongPassword.status().message().contains("Wrong username or password"),
                    wrongPassword.status().message());
            assertTrue(refusedConnection.config().displayUrl().endsWith("/live?user=admin&password=***"),
                    refusedConnection.config().displayUrl());
            seen.add(refusedConnection.config().toString());
        }
        String everything = String.join("\n", seen) + "\n" + logText();
        assertTrue(everything.contains("Connecting to rtsp://127.0.0.1:"), "statuses were seen: " + seen);
        for (String secret : List.of(USER_INFO_SECRET, QUERY_SECRET, GIVEN_SECRET)) {
            assertFalse(everything.contains(secret), secret + " leaked:\n" + everything);
        }
    }

    /** Records every status (message and warning) the channel ever shows, the first one included. */
    private NvrChannel watch(NvrChannel channel) {
        seen.add(channel.status().message());
        channel.addListener(new ChannelListener() {
            @Override
            public void statusChanged(NvrChannel c, ChannelStatus status) {
                seen.add(status.message() + " | " + status.warning());
            }
        });
        return channel;
    }

    private String logText() {
        synchronized (log) {
            return log.toString(StandardCharsets.UTF_8);
        }
    }
}
