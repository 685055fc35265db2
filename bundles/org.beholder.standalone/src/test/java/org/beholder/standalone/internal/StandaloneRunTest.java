package org.beholder.standalone.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelState;
import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.config.ConfigLoader;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone host for real: embedded Jetty, its users, its command line, its shutdown. */
class StandaloneRunTest {
    private static final HttpClient http = HttpClient.newHttpClient();

    private static HttpResponse<String> get(String url, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void usersTokensAndSessionCookiesAreTheOnlyWaysIn(@TempDir Path data) throws Exception {
        String token = "tok-" + System.nanoTime();
        StandaloneConfig config = new StandaloneConfig("127.0.0.1", 0, data, 0, 1 << 20, Duration.ofMinutes(1),
                List.of(new StandaloneConfig.User("alice", PasswordHash.hash("wonderland".toCharArray()))),
                List.of(new StandaloneConfig.Token("ha", sha256(token))),
                List.of(CameraSettings.builder("garden", "test:?width=320&height=240").build()));
        Main.Running running = Main.start(config);
        try {
            String api = "http://127.0.0.1:" + running.server.port() + "/beholder/api/channels";
            assertEquals(401, get(api).statusCode());
            assertEquals(401, get(api, "Authorization", basic("alice", "wrong")).statusCode());
            assertEquals(401, get(api, "Authorization", basic("mallory", "wonderland")).statusCode());
            assertEquals(401, get(api, "Authorization", "Bearer nope").statusCode());
            assertEquals(200, get(api, "Authorization", "Bearer " + token).statusCode());

            HttpResponse<String> login = get(api, "Authorization", basic("alice", "wonderland"));
            assertEquals(200, login.statusCode());
            assertTrue(login.body().contains("\"id\":\"garden\""));
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
            String session = cookie.substring(0, cookie.indexOf(';'));
            assertEquals(200, get(api, "Cookie", session).statusCode(), "the page logs in once");
            assertEquals(401, get(api, "Cookie", "beholder_session=forged").statusCode());
            Waits.until(Duration.ofSeconds(20), () -> running.beholder.engine().channel("garden").orElseThrow().status()
                    .state() == ChannelState.ONLINE, () -> "garden online");
        } finally {
            running.stop();
        }
    }

    @Test
    void anOnvifCameraThatDoesNotAnswerKeepsNoOtherCameraOff(@TempDir Path data) throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        StandaloneConfig config = new StandaloneConfig("127.0.0.1", 0, data, 0, 1 << 20, Duration.ofMinutes(1),
                List.of(new StandaloneConfig.User("alice", PasswordHash.hash("wonderland".toCharArray()))),
                List.of(), List.of(CameraSettings.builder("door", "").credentials("admin", "door-secret")
                        .onvif("127.0.0.1", closedPort, "").build(),
                        CameraSettings.builder("garden", "test:?width=320&height=240").build()));
        Main.Running running = Main.start(config);
        try {
            Waits.until(Duration.ofSeconds(20), () -> running.beholder.engine().channel("garden").orElseThrow()
                    .status().state() == ChannelState.ONLINE, () -> "garden online");
            assertTrue(running.beholder.camera("door").isEmpty(), "tried again later, not started now");
            assertEquals(200, get("http://127.0.0.1:" + running.server.port() + "/beholder/api/channels",
                    "Authorization", "Basic " + Base64.getEncoder().encodeToString("alice:wonderland".getBytes(
                            StandardCharsets.UTF_8))).statusCode());
        } finally {
            running.stop();
        }
    }

    @Test
    void configuredOriginsMayPostAndOtherSitesMayNot(@TempDir Path dir) throws Exception {
        String yaml = "server:\n  allowedOrigins: [https://nvr.example.com]\nusers:\n  - name: alice\n"
                + "    password: " + PasswordHash.hash("wonderland".toCharArray()) + "\nchannels:\n  - id: garden\n"
                + "    url: test:?width=320&height=240\n";
        StandaloneConfig config = ConfigLoader.parse("beholder.yml", new java.io.StringReader(yaml), dir)
                .withOverrides(null, 0, null); // any free port, as --port 0 does
        Main.Running running = Main.start(config);
        try {
            String record = "http://127.0.0.1:" + running.server.port() + "/beholder/api/channels/garden/record";
            assertEquals(202, post(record, "https://nvr.example.com").statusCode(), "the configured proxy origin");
            assertEquals(202, post(record, "http://127.0.0.1:" + running.server.port()).statusCode(), "own origin");
            HttpResponse<String> foreign = post(record, "https://evil.example");
            assertEquals(403, foreign.statusCode());
            assertTrue(foreign.body().contains("cross-site"), foreign.body());
        } finally {
            running.stop();
        }
    }

    private static HttpResponse<String> post(String url, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20))
                .header("Authorization", basic("alice", "wonderland")).header("Origin", origin)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aBrokenConfigStopsStartUpWithTheKeyAndLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("beholder.yml"), "server:\n  port: 8080\nchannels:\n  - id: x\n"
                + "    url: ftp://camera/stream\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(new String[] { "--config", config.toString() }, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(Main.EXIT_CONFIG, code);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("beholder.yml line 5: channels[0].url: must start with rtsp://"), message);
        assertFalse(Files.exists(dir.resolve("data")), "nothing started half-way");

        assertEquals(Main.EXIT_USAGE, Main.run(new String[] { "--port", "http" }, System.out,
                new PrintStream(new ByteArrayOutputStream())));
        assertEquals(Main.EXIT_CONFIG, Main.run(new String[] { "--config", dir.resolve("missing.yml").toString() },
                System.out, new PrintStream(new ByteArrayOutputStream())));
    }

    @Test
    void demoPrintsUrlAndCredentialsAndSigtermClosesTheOpenRecording(@TempDir Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process beholder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--demo", "--port", "0", "--data",
                data.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(beholder.getInputStream(),
                    StandardCharsets.UTF_8));
            String url = null;
            String password = null;
            String line;
            while ((line = out.readLine()) != null && password == null) {
                Matcher open = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+/beholder/)").matcher(line);
                if (open.find()) {
                    url = open.group(1);
                }
                if (line.trim().startsWith("password:")) {
                    password = line.trim().substring("password:".length()).trim();
                }
            }
            assertTrue(url != null && password != null && password.length() >= 12, "URL and password printed");
            Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
            String auth = basic("demo", password);
            String channels = url + "api/channels";
            Waits.until(Duration.ofSeconds(60), () -> {
                try {
                    String body = get(channels, "Authorization", auth).body();
                    return body.split("\"state\":\"ONLINE\"", -1).length - 1 == 3;
                } catch (Exception e) {
                    return false;
                }
            }, () -> "three demo cameras online");
            HttpRequest record = HttpRequest.newBuilder(URI.create(url + "api/channels/garden/record?seconds=600"))
                    .header("Authorization", auth).POST(HttpRequest.BodyPublishers.noBody()).build();
            assertEquals(202, http.send(record, HttpResponse.BodyHandlers.ofString()).statusCode());
            Path garden = data.resolve("recordings/garden");
            Waits.until(Duration.ofSeconds(30), () -> segments(garden) >= 1, () -> "a segment written");

            beholder.destroy(); // SIGTERM
            assertTrue(beholder.waitFor(30, TimeUnit.SECONDS), "exits on SIGTERM");
            assertNotEquals(137, beholder.exitValue());
            Path playlist;
            try (Stream<Path> files = Files.walk(garden)) {
                playlist = files.filter(f -> f.getFileName().toString().equals("index.m3u8")).findFirst().orElseThrow();
            }
            assertTrue(Files.readString(playlist).contains("#EXT-X-ENDLIST"), "playlist finalised on SIGTERM");
            assertTrue(Files.readString(playlist.resolveSibling("recording.properties")).contains("end="));
        } finally {
            beholder.destroyForcibly();
        }
    }

    private static long segments(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".ts")).count();
        } catch (Exception e) {
            return 0;
        }
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
