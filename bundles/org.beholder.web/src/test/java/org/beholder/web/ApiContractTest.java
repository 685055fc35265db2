package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.beholder.core.Beholder;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.testing.MediaChecks;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Every REST endpoint against a real Jetty, a real engine and the RTSP test camera (with a password). */
class ApiContractTest {
    private static final String CAMERA_PASSWORD = "cam-Secret-4711";
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final List<String> answers = new ArrayList<>();

    @TempDir
    static Path data;
    private static RtspCameraFixture camera;
    private static Beholder beholder;
    private static JettyFixture server;

    @BeforeAll
    static void start() throws Exception {
        camera = RtspCameraFixture.start("--user", "admin", "--password", CAMERA_PASSWORD);
        beholder = new Beholder(EngineConfig.of(data));
        server = new JettyFixture(beholder);
        NvrChannel front = beholder.addCamera(JettyFixture.camera("front", camera.url()).label("Front door")
                .credentials("admin", CAMERA_PASSWORD).preRoll(Duration.ofSeconds(2)).build()).channel();
        Waits.until(Duration.ofSeconds(20), () -> front.status().state() == ChannelState.ONLINE
                && front.lastKeyframe().isPresent(), () -> front.status().toString());
    }

    @AfterAll
    static void stop() throws Exception {
        for (String answer : answers) {
            assertFalse(answer.contains(CAMERA_PASSWORD), "camera password in an answer: " + answer);
        }
        server.close();
        beholder.close();
        camera.close();
    }

    private static HttpResponse<byte[]> send(String method, String path, boolean authenticated) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(20));
        if (authenticated) {
            request.header("Authorization", JettyFixture.authorization());
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        answers.add(new String(response.body(), StandardCharsets.ISO_8859_1) + response.headers().map());
        return response;
    }

    private static HttpResponse<byte[]> get(String path) throws Exception {
        return send("GET", path, true);
    }

    private static JsonObject jsonObject(HttpResponse<byte[]> response) {
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    private static JsonArray jsonArray(HttpResponse<byte[]> response) {
        return JsonParser.parseString(new String(response.body(), StandardCharsets.UTF_8)).getAsJsonArray();
    }

    @Test
    void everyEndpointNeedsAuthentication() throws Exception {
        for (String path : List.of("/beholder/api/channels", "/beholder/api/channels/front/snapshot.jpg",
                "/beholder/api/channels/front/recordings", "/beholder/api/events")) {
            HttpResponse<byte[]> response = send("GET", path, false);
            assertEquals(401, response.statusCode(), path);
            assertEquals("authentication required", jsonObject(response).get("error").getAsString());
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic"));
        }
        assertEquals(401, send("POST", "/beholder/api/channels/front/record", false).statusCode());
    }

    @Test
    void listsChannelsWithStatusStatisticsAndCapabilitiesButNoSourceDetails() throws Exception {
        HttpResponse<byte[]> response = get("/beholder/api/channels");
        assertEquals(200, response.statusCode());
        JsonObject front = jsonArray(response).get(0).getAsJsonObject();
        assertEquals("front", front.get("id").getAsString());
        assertEquals("Front door", front.get("label").getAsString());
        assertEquals("ONLINE", front.getAsJsonObject("status").get("state").getAsString());
        assertEquals("H.264", front.getAsJsonObject("statistics").get("codec").getAsString());
        assertTrue(front.getAsJsonObject("capabilities").get("snapshot").getAsBoolean());
        assertFalse(front.getAsJsonObject("capabilities").get("ptz").getAsBoolean());
        assertEquals("/beholder/live?channel=front", front.get("liveUrl").getAsString());
        assertTrue(front.has("recordingPaused"), "says whether recording is paused");
        assertTrue(front.get("recordingPaused").isJsonNull(), "not paused while the disk has room");
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertFalse(text.contains("admin"), "no camera user name");
        assertFalse(text.contains(String.valueOf(camera.url())), "no camera URL");

        JsonObject one = jsonObject(get("/beholder/api/channels/front"));
        assertEquals("front", one.get("id").getAsString());
    }

    @Test
    void unknownChannelsAndResourcesAre404Json() throws Exception {
        HttpResponse<byte[]> response = get("/beholder/api/channels/nope");
        assertEquals(404, response.statusCode());
        assertEquals("channel not found", jsonObject(response).get("error").getAsString());
        assertEquals(404, get("/beholder/api/channels/front/nothing").statusCode());
        assertEquals(404, get("/beholder/api/whatever").statusCode());
        assertEquals(405, send("DELETE", "/beholder/api/channels", true).statusCode());
    }

    private static RawHttp.Answer raw(String method, String target, List<String> headers, byte[] body)
            throws Exception {
        RawHttp.Answer answer = RawHttp.send(server.port(), RawHttp.request(method, target, headers, body));
        answers.add(answer.all());
        return answer;
    }

    private static List<String> authorized(String... more) {
        List<String> headers = new ArrayList<>(List.of("Host: 127.0.0.1:" + server.port(),
                "Authorization: " + JettyFixture.authorization()));
        headers.addAll(List.of(more));
        return headers;
    }

    private static void assertJsonError(int status, RawHttp.Answer answer, String request) {
        assertEquals(status, answer.status(), request + " -> " + answer.all());
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/json"), request);
        assertEquals("Beholder", answer.header("Server").orElse(""), "no container version: " + request);
        JsonObject body = JsonParser.parseString(answer.bodyText()).getAsJsonObject();
        assertEquals(status, body.get("status").getAsInt(), request);
        assertFalse(body.get("error").getAsString().isBlank(), request);
    }

    @Test
    void malformedInputIsA400WithAMessageAndNoStackTrace() throws Exception {
        String channel = "/beholder/api/channels/front";
        List<String> targets = List.of(channel + "/events?from=%ff", channel + "/recordings?to=%zz",
                channel + "/recordings?to=-1000000000-01-01T00:00:00Z",
                channel + "/recordings?from=+1000000000-12-31T23:59:59Z", channel + "/events?to=99999999999999999999",
                channel + "/events?from=%", channel + "/events?from=%e2%82", channel + "/recordings?x=%ff%fe",
                "/beholder/api/channels?%zz=1", "/beholder/?x=%ff", "/beholder/embed?channel=%zz",
                "/beholder/live?channel=%ff", "/ws/beholder?channel=%", "/beholder/api/channels/fr%ffont",
                "/beholder/api/channels/front/recordings/%c0%af", "/beholder/%ff", "/beholder/js/app%e2%82.js",
                "/beholder/embed%fe?channel=front");
        // Jetty's parser itself refuses some broken paths, with its own fixed 400 that names no server.
        List<String> brokenPaths = List.of("/beholder/api/channels/%", "/beholder/api/channels/fr%zzont",
                "/beholder/%2");
        try (LogCapture log = new LogCapture()) {
            for (String target : targets) {
                assertJsonError(400, raw("GET", target, authorized(), new byte[0]), target);
            }
            for (String target : brokenPaths) {
                RawHttp.Answer answer = raw("GET", target, authorized(), new byte[0]);
                if (answer.bodyText().startsWith("<h1>Bad Message 400</h1>")) {
                    assertEquals(400, answer.status(), target);
                    assertFalse(answer.bodyText().toLowerCase(java.util.Locale.ROOT).contains("jetty"), target);
                } else {
                    assertJsonError(400, answer, target);
                }
            }
            String record = channel + "/record";
            byte[] notUtf8 = {'s', 'e', 'c', 'o', 'n', 'd', 's', '=', (byte) 0xff, (byte) 0xfe, '%', 'f', 'f'};
            assertJsonError(400, raw("POST", record, authorized(
                    "Content-Type: application/x-www-form-urlencoded"), notUtf8), "non-UTF-8 form");
            for (String seconds : List.of("99999999999999999999", "-5", "0", "abc", "1e3", "3601", "%ff")) {
                assertJsonError(400, raw("POST", record + "?seconds=" + seconds, authorized(), new byte[0]),
                        "seconds=" + seconds);
                assertJsonError(400, raw("POST", record, authorized("Content-Type: application/x-www-form-urlencoded"),
                        ("seconds=" + seconds).getBytes(StandardCharsets.UTF_8)), "form seconds=" + seconds);
            }
            assertEquals(List.of(), log.stackTraceLines(), log.text());
            assertTrue(log.lines().size() <= targets.size() + brokenPaths.size() + 15,
                    "at most one log line each:\n" + log.text());
        }
    }

    @Test
    void traceAndUnknownMethodsAre405EverywhereAndEchoNothing() throws Exception {
        for (String target : List.of("/beholder/", "/beholder/js/app.js", "/beholder/api/channels",
                "/beholder/api/channels/front/record", "/beholder/live?channel=front", "/ws/beholder?channel=front")) {
            // CONNECT never reaches a servlet: Jetty answers it with an empty 501 itself.
            for (String method : List.of("TRACE", "OPTIONS", "PROPFIND", "FOO", "get")) {
                for (boolean authenticated : List.of(true, false)) {
                    List<String> headers = authenticated ? authorized("Cookie: beholder_session=echo-me-not")
                            : List.of("Host: 127.0.0.1", "Cookie: beholder_session=echo-me-not");
                    RawHttp.Answer answer = raw(method, target, headers, new byte[0]);
                    assertJsonError(405, answer, method + " " + target);
                    assertFalse(answer.all().contains("echo-me-not"), method + " " + target);
                    assertFalse(answer.all().contains(JettyFixture.authorization().substring(6)),
                            method + " " + target);
                }
            }
        }
    }

    @Test
    void foreignOriginsMayNotChangeStateOrWatchLive() throws Exception {
        String record = "/beholder/api/channels/front/record?seconds=1";
        String own = "http://127.0.0.1:" + server.port();
        for (String origin : List.of("http://evil.example", "null", "https://127.0.0.1.evil.example",
                "http://127.0.0.1:1", "http://127.0.0.1:" + server.port() + "/path", "not an origin")) {
            RawHttp.Answer answer = raw("POST", record, authorized("Origin: " + origin), new byte[0]);
            assertJsonError(403, answer, origin);
            assertTrue(JsonParser.parseString(answer.bodyText()).getAsJsonObject().get("error").getAsString()
                    .startsWith("cross-site request refused (Origin "), answer.bodyText());
            for (String live : List.of("/beholder/live?channel=front", "/ws/beholder?channel=front")) {
                assertJsonError(403, raw("GET", live, upgrade(authorized("Origin: " + origin)), new byte[0]), live);
            }
            assertJsonError(403, raw("POST", "/beholder/api/channels/front/record/stop",
                    List.of("Host: 127.0.0.1:" + server.port(), "Origin: " + origin), new byte[0]), "unauthenticated");
        }
        assertEquals(202, raw("POST", record, authorized("Origin: " + own), new byte[0]).status());
        assertEquals(202, raw("POST", record, authorized("Origin: HTTP://127.0.0.1:" + server.port()), new byte[0])
                .status());
        assertEquals(202, raw("POST", record, authorized(), new byte[0]).status(), "scripts send no Origin");
        assertEquals(101, raw("GET", "/beholder/live?channel=front", upgrade(authorized("Origin: " + own)),
                new byte[0]).status());
        assertEquals(200, raw("GET", "/beholder/api/channels", authorized("Origin: http://evil.example"), new byte[0])
                .status(), "reading needs no Origin check: SameSite cookies and CORS keep other sites out");

        server.web.allowOrigins(List.of("https://nvr.example.com"));
        try {
            assertEquals(202, raw("POST", record, authorized("Origin: https://nvr.example.com:443"), new byte[0])
                    .status());
            assertEquals(403, raw("POST", record, authorized("Origin: http://nvr.example.com"), new byte[0]).status());
        } finally {
            server.web.allowOrigins(List.of());
        }
    }

    private static List<String> upgrade(List<String> headers) {
        List<String> all = new ArrayList<>(headers);
        all.addAll(List.of("Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="));
        return all;
    }

    @Test
    void snapshotIsADecodableJpegOfTheStreamSize() throws Exception {
        HttpResponse<byte[]> response = get("/beholder/api/channels/front/snapshot.jpg");
        assertEquals(200, response.statusCode());
        assertEquals("image/jpeg", response.headers().firstValue("Content-Type").orElse(""));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
        assertNotNull(image);
        assertEquals(320, image.getWidth());
        assertEquals(240, image.getHeight());
    }

    @Test
    void manualRecordingIsListedAndPlaysAndDownloads(@TempDir Path downloads) throws Exception {
        Instant before = Instant.now();
        HttpResponse<byte[]> started = send("POST", "/beholder/api/channels/front/record?seconds=2", true);
        assertEquals(202, started.statusCode());
        assertEquals(400, send("POST", "/beholder/api/channels/front/record?seconds=abc", true).statusCode());
        assertEquals(400, send("POST", "/beholder/api/channels/front/record?seconds=99999", true).statusCode());

        JsonObject recording = awaitClosedRecording(before);
        String id = recording.get("id").getAsString();
        assertEquals("manual", recording.getAsJsonArray("reasons").get(0).getAsString());
        String playlist = new String(get(recording.get("playlistUrl").getAsString()).body(), StandardCharsets.UTF_8);
        assertTrue(playlist.contains("#EXT-X-ENDLIST"), playlist);
        assertTrue(playlist.contains("#EXT-X-PROGRAM-DATE-TIME:"), playlist);
        String segment = playlist.lines().filter(l -> l.endsWith(".ts")).findFirst().orElseThrow();
        String base = "/beholder/api/channels/front/recordings/" + id + "/";
        HttpResponse<byte[]> segmentResponse = get(base + segment);
        assertEquals("video/mp2t", segmentResponse.headers().firstValue("Content-Type").orElse(""));
        Path segmentFile = Files.write(downloads.resolve("segment.ts"), segmentResponse.body());
        assertTrue(MediaChecks.decodeFrames(segmentFile) > 0);

        HttpResponse<byte[]> download = get(base + "download");
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
        Path whole = Files.write(downloads.resolve("whole.ts"), download.body());
        assertTrue(MediaChecks.decodeFrames(whole) >= 2 * 15, "pre-roll and 2 s of video");

        JsonArray events = jsonArray(get("/beholder/api/channels/front/events?from=" + before.minusSeconds(60)));
        // other tests of this class may record too: find this recording's event among the list
        JsonObject event = null;
        for (int i = 0; i < events.size(); i++) {
            JsonObject candidate = events.get(i).getAsJsonObject();
            if (candidate.get("type").getAsString().equals("recording")
                    && id.equals(candidate.getAsJsonObject("details").get("id").getAsString())) {
                event = candidate;
            }
        }
        assertNotNull(event, "the recording is in the event list: " + events);
        assertEquals("recording-" + id, event.get("id").getAsString(), "a listed recording keeps its event id");
        assertEquals(recording.get("playlistUrl").getAsString(),
                event.getAsJsonObject("details").get("playlistUrl").getAsString());
        Instant.parse(event.get("time").getAsString());
        assertEquals(400, get("/beholder/api/channels/front/events?from=yesterday").statusCode());
    }

    private static JsonObject awaitClosedRecording(Instant since) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            JsonArray list = jsonArray(get("/beholder/api/channels/front/recordings?from="
                    + since.minusSeconds(30).toEpochMilli()));
            for (int i = 0; i < list.size(); i++) {
                JsonObject recording = list.get(i).getAsJsonObject();
                if (!recording.get("open").getAsBoolean() && recording.getAsJsonArray("reasons").toString()
                        .contains("manual")) {
                    return recording;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no closed manual recording listed");
    }

    @Test
    void liveHlsOfTheRingPlaysForBrowsersWithoutMse(@TempDir Path downloads) throws Exception {
        String base = "/beholder/api/channels/front/";
        HttpResponse<byte[]> playlist = get(base + "live.m3u8");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (playlist.statusCode() == 503 && System.nanoTime() < deadline) {
            assertEquals("1", playlist.headers().firstValue("Retry-After").orElse(""));
            Thread.sleep(500);
            playlist = get(base + "live.m3u8");
        }
        assertEquals(200, playlist.statusCode());
        String text = new String(playlist.body(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("#EXTM3U") && text.contains("#EXT-X-MEDIA-SEQUENCE:"), text);
        assertFalse(text.contains("#EXT-X-ENDLIST"), "a live playlist never ends");
        String segment = text.lines().filter(l -> l.startsWith("live-")).reduce((a, b) -> b).orElseThrow();
        Path file = Files.write(downloads.resolve("live.ts"), get(base + segment).body());
        assertTrue(MediaChecks.decodeFrames(file) >= 15, "a whole keyframe interval");
        assertEquals(404, get(base + "live-999999.ts").statusCode());
    }

    @Test
    void pathTraversalNeverLeavesTheRecordingFolder() throws Exception {
        Files.writeString(data.resolve("secret.txt"), "top secret");
        String id = beholder.engine().channel("front").orElseThrow().recordings(Instant.EPOCH, Instant.now().plusSeconds(5))
                .stream().findFirst().map(r -> r.id()).orElse("20260101T000000.000Z");
        String base = "/beholder/api/channels/front/recordings/";
        for (String attack : List.of(id + "/../../../secret.txt", id + "/..%2F..%2F..%2Fsecret.txt",
                id + "/%2e%2e/%2e%2e/%2e%2e/secret.txt", "..%2f..%2fsecret.txt", id + "//etc/passwd",
                id + "/%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/%2e%2e/secret.txt", id + "/..%5C..%5Csecret.txt",
                id + "/index.m3u8%00.ts")) {
            HttpResponse<byte[]> response = get(base + attack);
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404,
                    attack + " -> " + response.statusCode());
            assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains("top secret"), attack);
            assertFalse(new String(response.body(), StandardCharsets.UTF_8).contains("root:"), attack);
        }
    }

    @Test
    void pushedEventStreamDeliversRecordingEvents() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + "/beholder/api/events?channel=front"))
                .header("Authorization", JettyFixture.authorization()).build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream;charset=utf-8",
                response.headers().firstValue("Content-Type").orElse("").replace(" ", "").toLowerCase());
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    lines.add(line);
                }
            } catch (Exception e) {
                // closed
            }
        });
        send("POST", "/beholder/api/channels/front/record?seconds=1", true);
        String line;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        boolean sawRecording = false;
        while (!sawRecording && (line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            sawRecording = line.equals("event: recording");
        }
        assertTrue(sawRecording, "a recording event was pushed");
        String data = lines.poll(5, TimeUnit.SECONDS);
        assertTrue(data.startsWith("data: {") && data.contains("\"channel\":\"front\""), data);
        response.body().close();
        reader.interrupt();
    }
}
