package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.beholder.core.Beholder;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A channel whose recording is paused because the disk is "full": a real engine that wants more free space than
 * any disk has, the RTSP test camera, a real Jetty. The API says so everywhere instead of claiming to record.
 */
class RecordingPausedApiTest {
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    static Path data;
    private static RtspCameraFixture camera;
    private static Beholder beholder;
    private static JettyFixture server;
    private static NvrChannel front;

    @BeforeAll
    static void start() throws Exception {
        camera = RtspCameraFixture.start();
        long moreThanAnyDisk = 1L << 50; // 1 PiB
        beholder = new Beholder(new EngineConfig(data, 0, moreThanAnyDisk, Duration.ofMinutes(1)));
        server = new JettyFixture(beholder);
        front = beholder.addCamera(JettyFixture.camera("front", camera.url()).label("Front door")
                .preRoll(Duration.ofSeconds(1)).build()).channel();
        Waits.until(Duration.ofSeconds(20), () -> front.status().state() == ChannelState.ONLINE,
                () -> front.status().toString());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        beholder.close();
        camera.close();
    }

    private static HttpResponse<String> send(String method, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody())
                .header("Authorization", JettyFixture.authorization()).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pausedRecordingIsReportedByTheChannelTheRecordCallAndTheEventStream() throws Exception {
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(
                URI.create(server.base() + "/beholder/api/events?channel=front"))
                .header("Authorization", JettyFixture.authorization()).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // closed
            }
        });

        // The first trigger makes the recorder find the disk full (the answer may precede that discovery).
        HttpResponse<String> first = send("POST", "/beholder/api/channels/front/record?seconds=5");
        assertTrue(first.statusCode() == 202 || first.statusCode() == 503, first.body());
        Waits.until(Duration.ofSeconds(20), () -> front.recordingPaused().isPresent(), () -> "never paused");

        JsonObject channel = JsonParser.parseString(send("GET", "/beholder/api/channels/front").body())
                .getAsJsonObject();
        assertFalse(channel.get("recording").getAsBoolean());
        String reason = channel.get("recordingPaused").getAsString();
        assertTrue(reason.startsWith("disk full"), reason);
        JsonObject listed = JsonParser.parseString(send("GET", "/beholder/api/channels").body()).getAsJsonArray()
                .get(0).getAsJsonObject();
        assertEquals(reason, listed.get("recordingPaused").getAsString());

        HttpResponse<String> record = send("POST", "/beholder/api/channels/front/record?seconds=5");
        assertEquals(503, record.statusCode(), record.body());
        assertEquals("60", record.headers().firstValue("Retry-After").orElse(""));
        JsonObject error = JsonParser.parseString(record.body()).getAsJsonObject();
        assertEquals("recording paused: " + reason, error.get("error").getAsString());
        assertEquals(reason, error.get("recordingPaused").getAsString());
        assertFalse(error.get("recording").getAsBoolean());

        String status = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String line;
        boolean nextIsStatus = false;
        while (status == null && (line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (nextIsStatus && line.startsWith("data: ") && line.contains("\"recordingPaused\":\"disk full")) {
                status = line;
            }
            nextIsStatus = line.equals("event: status") || (nextIsStatus && !line.isEmpty());
        }
        assertTrue(status != null, "a status event says recording is paused");
        JsonObject details = JsonParser.parseString(status.substring(6)).getAsJsonObject().getAsJsonObject("details");
        assertFalse(details.get("recording").getAsBoolean());
        assertEquals(reason, details.get("recordingPaused").getAsString());
        stream.body().close();
        reader.interrupt();
    }
}
