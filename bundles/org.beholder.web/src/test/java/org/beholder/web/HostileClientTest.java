package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beholder.core.Beholder;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Beholder's servlets against hostile and broken clients, on a real Jetty with a real engine and the RTSP test
 * camera (whose password must never show): every endpoint without valid credentials, from foreign origins and
 * with TRACE; and thousands of mutated requests from a fixed seed. No answer is a 5xx (except a designed 503 with
 * Retry-After), none shows a stack trace or the server's make, and the log shows no stack trace either.
 */
class HostileClientTest {
    private static final String CAMERA_PASSWORD = "Cam-Pass-31337-zebra";
    private static final long SEED = 20261203L;
    private static final int FUZZ_REQUESTS = 4000;
    private static final Pattern LEAKS = Pattern.compile("(?i)(\\bat (org|java|javax|com|sun)\\.|exception|jetty|"
            + "9\\.4\\.\\d|caused by|" + Pattern.quote(CAMERA_PASSWORD) + ")");

    @TempDir
    static Path data;
    private static RtspCameraFixture camera;
    private static Beholder beholder;
    private static JettyFixture server;
    private static LogCapture log;
    private static String recordingId;
    private static String segmentName;
    private static final List<String> everyAnswer = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        log = new LogCapture();
        camera = RtspCameraFixture.start("--user", "admin", "--password", CAMERA_PASSWORD);
        beholder = new Beholder(EngineConfig.of(data));
        server = new JettyFixture(beholder);
        NvrChannel front = beholder.addCamera(JettyFixture.camera("front", camera.url()).label("Front door")
                .credentials("admin", CAMERA_PASSWORD).preRoll(Duration.ofSeconds(1)).build()).channel();
        Waits.until(Duration.ofSeconds(20), () -> front.status().state() == ChannelState.ONLINE
                && front.lastKeyframe().isPresent(), () -> front.status().toString());
        front.record("setup", Duration.ofSeconds(1));
        Waits.until(Duration.ofSeconds(30), () -> front.recordings(Instant.EPOCH, Instant.now().plusSeconds(5))
                .stream().anyMatch(r -> !r.isOpen()), () -> "no closed recording");
        Recording recording = front.recordings(Instant.EPOCH, Instant.now().plusSeconds(5)).stream()
                .filter(r -> !r.isOpen()).findFirst().orElseThrow();
        recordingId = recording.id();
        try (var files = java.nio.file.Files.list(recording.folder())) {
            segmentName = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ts")).sorted()
                    .findFirst().orElseThrow();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            for (String answer : everyAnswer) {
                assertFalse(answer.contains(CAMERA_PASSWORD), "camera password in an answer: " + answer);
            }
            assertFalse(log.text().contains(CAMERA_PASSWORD), "camera password in the log");
            assertEquals(List.of(), log.stackTraceLines(), "stack traces in the log");
        } finally {
            log.close();
            server.close();
            beholder.close();
            camera.close();
        }
    }

    private static RawHttp.Answer send(String method, String target, List<String> headers, byte[] body)
            throws Exception {
        RawHttp.Answer answer = RawHttp.send(server.port(), RawHttp.request(method, target, headers, body));
        everyAnswer.add(answer.all());
        return answer;
    }

    private static String host() {
        return "Host: 127.0.0.1:" + server.port();
    }

    private static final String UPGRADE = "Upgrade: websocket";
    private static final List<String> WS_HEADERS = List.of(UPGRADE, "Connection: Upgrade", "Sec-WebSocket-Version: 13",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==");

    /** An endpoint: method, target, and whether it is a WebSocket upgrade. */
    private record Endpoint(String method, String target, boolean webSocket) {
        boolean changesState() {
            return webSocket || method.equals("POST");
        }

        List<String> headers(String... more) {
            List<String> all = new ArrayList<>(List.of("Host: 127.0.0.1:" + server.port()));
            if (webSocket) {
                all.addAll(WS_HEADERS);
            }
            all.addAll(List.of(more));
            return all;
        }

        @Override
        public String toString() {
            return method + " " + target;
        }
    }

    private static List<Endpoint> endpoints() {
        String channel = "/beholder/api/channels/front";
        String recording = channel + "/recordings/" + recordingId;
        List<Endpoint> endpoints = new ArrayList<>();
        for (String page : List.of("/beholder/", "/beholder/index.html", "/beholder/embed?channel=front",
                "/beholder/events?channel=front", "/beholder/js/app.js", "/beholder/app.css",
                "/beholder/vendor/mpegts.js", "/beholder/api/channels", channel, channel + "/snapshot.jpg",
                channel + "/events", channel + "/recordings", recording, recording + "/index.m3u8",
                recording + "/" + segmentName, recording + "/download", channel + "/live.m3u8",
                channel + "/live-0.ts", "/beholder/api/events", "/beholder/api/events?channel=front",
                "/beholder/api/channels/nope")) {
            endpoints.add(new Endpoint("GET", page, false));
        }
        endpoints.add(new Endpoint("POST", channel + "/record?seconds=1", false));
        endpoints.add(new Endpoint("POST", channel + "/record/stop", false));
        endpoints.add(new Endpoint("GET", "/beholder/live?channel=front", true));
        endpoints.add(new Endpoint("GET", "/ws/beholder?channel=front", true));
        return endpoints;
    }

    private static void assertJsonError(int status, RawHttp.Answer answer, String what) {
        assertEquals(status, answer.status(), what + " -> " + answer.all());
        assertEquals("Beholder", answer.header("Server").orElse(""), "no version of the container: " + what);
        assertTrue(answer.header("Content-Type").orElse("").startsWith("application/json"), what);
        assertEquals(status, JsonParser.parseString(answer.bodyText()).getAsJsonObject().get("status").getAsInt());
    }

    @Test
    void everyEndpointRefusesEveryWrongCredentialForeignOriginAndTrace() throws Exception {
        Map<String, String> wrong = Map.of("no credentials", "X-Nothing: 1",
                "wrong password", "Authorization: " + JettyFixture.basic(JettyFixture.USER, "correct horsE"),
                "unknown user", "Authorization: " + JettyFixture.basic("mallory", JettyFixture.PASSWORD),
                "not base64", "Authorization: Basic !!!not-base64!!!",
                "no colon", "Authorization: Basic " + Base64.getEncoder().encodeToString("viewer".getBytes()),
                "empty scheme", "Authorization: Basic",
                "other scheme", "Authorization: Bearer " + JettyFixture.PASSWORD,
                "forged cookie", "Cookie: beholder_session=" + "A".repeat(43));
        String valid = "Authorization: " + JettyFixture.authorization();
        String cookie = "Cookie: beholder_session=" + signIn();
        for (Endpoint endpoint : endpoints()) {
            RawHttp.Answer allowed = send(endpoint.method, endpoint.target, endpoint.headers(valid), new byte[0]);
            assertTrue(allowed.status() != 401 && allowed.status() != 403 && allowed.status() < 500
                    || allowed.status() == 503 && allowed.header("Retry-After").isPresent(), endpoint + " -> "
                    + allowed.status());
            assertNotEquals(401, send(endpoint.method, endpoint.target, endpoint.headers(cookie), new byte[0])
                    .status(), endpoint + " with the session cookie");
            for (Map.Entry<String, String> credential : wrong.entrySet()) {
                RawHttp.Answer refused = send(endpoint.method, endpoint.target, endpoint.headers(credential.getValue()),
                        new byte[0]);
                assertJsonError(401, refused, endpoint + " with " + credential.getKey());
                assertTrue(refused.header("WWW-Authenticate").orElse("").startsWith("Basic realm="), endpoint + "");
            }
            for (String origin : List.of("http://evil.example", "null")) {
                RawHttp.Answer foreign = send(endpoint.method, endpoint.target,
                        endpoint.headers(valid, "Origin: " + origin), new byte[0]);
                if (endpoint.changesState()) {
                    assertJsonError(403, foreign, endpoint + " from " + origin);
                    assertJsonError(403, send(endpoint.method, endpoint.target, endpoint.headers("Origin: " + origin),
                            new byte[0]), endpoint + " from " + origin + " without credentials");
                } else {
                    assertNotEquals(403, foreign.status(), endpoint + ": reading is not state-changing");
                }
            }
            RawHttp.Answer trace = send("TRACE", endpoint.target, endpoint.headers(valid, cookie), new byte[0]);
            assertJsonError(405, trace, "TRACE " + endpoint.target);
            assertFalse(trace.all().contains(JettyFixture.authorization().substring(6)), "TRACE echoes nothing");
            assertFalse(trace.all().contains(cookie.substring(8)), "TRACE echoes nothing");
        }

        String expiring = signIn();
        server.clock.advance(Duration.ofHours(13));
        try {
            for (Endpoint endpoint : endpoints()) {
                assertJsonError(401, send(endpoint.method, endpoint.target,
                        endpoint.headers("Cookie: beholder_session=" + expiring), new byte[0]), endpoint + " expired");
            }
        } finally {
            server.clock.reset();
        }
    }

    private static String signIn() throws Exception {
        RawHttp.Answer answer = send("GET", "/beholder/api/channels",
                List.of(host(), "Authorization: " + JettyFixture.authorization(),
                        "User-Agent: test-" + System.nanoTime()),
                new byte[0]);
        Matcher matcher = Pattern.compile("beholder_session=([^;]+);")
                .matcher(answer.header("Set-Cookie").orElseThrow());
        assertTrue(matcher.find());
        return matcher.group(1);
    }

    @Test
    void thousandsOfMutatedRequestsGetCleanAnswers() throws Exception {
        Fuzzer fuzzer = new Fuzzer(new Random(SEED), endpoints(), recordingId, segmentName, signIn());
        int[] byClass = new int[6];
        int hostAnswers = 0;
        for (int i = 0; i < FUZZ_REQUESTS; i++) {
            Fuzzer.Request request = fuzzer.next();
            RawHttp.Answer answer = RawHttp.send(server.port(), request.bytes());
            String shown = answer.all();
            String what = "#" + i + " " + request.describe() + " -> "
                    + (shown.length() > 2000 ? shown.substring(0, 2000) + "…" : shown);
            byClass[Math.min(answer.status() / 100, 5)]++;
            assertNotEquals(0, answer.status(), "no answer: " + what);
            assertFalse(answer.all().contains(CAMERA_PASSWORD), what);
            assertFalse(answer.all().contains("\tat "), what);
            if (!request.reachesBeholder() || request.damaged()) {
                // Dot segments led out of Beholder's mounts, or a damaged byte may have: the host's own answer
                // (Jetty's 404 page, 501 for an unknown method), which Beholder never sees.
                hostAnswers++;
                continue;
            }
            // 5xx only as designed: 503 with Retry-After (live playlist starting).
            assertTrue(answer.status() < 500 || answer.status() == 503 && answer.header("Retry-After").isPresent(),
                    what);
            String type = answer.header("Content-Type").orElse("");
            // Bodies of errors and JSON are Beholder's words; successful scripts, pictures and video are content.
            boolean words = answer.status() >= 300 || type.startsWith("application/json");
            List<String> headers = answer.headers();
            if (isParserRejection(answer, request.head())) { // Jetty's, before any servlet: the host's Server header
                headers = headers.stream().filter(h -> !h.regionMatches(true, 0, "Server:", 0, 7)).toList();
            } else {
                assertEquals("Beholder", answer.header("Server").orElse(""), what);
            }
            String checked = answer.status() + "\n" + String.join("\n", headers) + "\n\n"
                    + (words ? answer.bodyText() : "");
            Matcher leak = LEAKS.matcher(checked);
            assertFalse(leak.find(), () -> "'" + leak.group() + "' in " + what);
            if (answer.status() >= 400 && !isParserRejection(answer, request.head())) {
                assertTrue(type.startsWith("application/json"), "Beholder answers errors in JSON: " + what);
                if (!request.head()) {
                    JsonObject body = JsonParser.parseString(answer.bodyText()).getAsJsonObject();
                    assertEquals(answer.status(), body.get("status").getAsInt(), what);
                }
            }
        }
        System.out.printf(Locale.ROOT, "Fuzzed %d requests: 1xx %d, 2xx %d, 3xx %d, 4xx %d, 5xx %d; %d damaged or"
                + " outside Beholder's paths%n", FUZZ_REQUESTS, byClass[1], byClass[2], byClass[3], byClass[4],
                byClass[5], hostAnswers);
        assertTrue(byClass[2] > FUZZ_REQUESTS / 20, "enough requests got through to real work");
        assertTrue(byClass[4] > FUZZ_REQUESTS / 5, "enough requests were refused");
    }

    /**
     * Jetty's HTTP parser refuses some requests (a bad request line, an illegal header, an ambiguous path) before
     * any servlet sees them, with a fixed body naming no server; everything else is Beholder's.
     */
    private static boolean isParserRejection(RawHttp.Answer answer, boolean head) {
        // A HEAD answer has no body to look at; Beholder never sends Latin-1 HTML.
        return answer.bodyText().startsWith("<h1>Bad Message ")
                || head && answer.header("Content-Type").orElse("").equals("text/html;charset=iso-8859-1");
    }

    /** Mutated requests from a seeded random source: same seed, same requests. */
    private static final class Fuzzer {
        private static final List<String> METHODS = List.of("GET", "GET", "GET", "GET", "POST", "POST", "HEAD",
                "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "get", "G\u00c9T", "X");
        private static final List<String> SEGMENTS = List.of("..", ".", "%2e%2e", "%2E", "%2F", "%2f..", "%00",
                "%ff", "%zz", "%", "%e2%82", "%c0%af", "\u00e9", "\u65e5\u672c", "\uD83D\uDE00", "a;b=c",
                ";jsessionid=1",
                "%5c", "*", "~", "%20", "+", "front", "nope", "index.m3u8", "download", "stop", "live-1.ts",
                "00000-1.ts", "snapshot.jpg", "recordings", "events", "record", "", "%25", "%u0041", "\\", "CON",
                "a".repeat(300), "%3Cscript%3E", "'\"", "{}", "$(id)", "%0d%0aX-Injected:%201");
        private static final List<String> NAMES = List.of("from", "to", "seconds", "channel", "type", "accessToken",
                "x", "", "from[]", "%ff", "%zz");
        private static final List<String> VALUES = List.of("%ff", "%zz", "%", "-1000000000-01-01T00:00:00Z",
                "+1000000000-12-31T23:59:59Z", "99999999999999999999", "-1", "0", "1", "30", "3600", "3601", "1e9",
                "NaN", "", "%00", "2026-01-31T12:00:00Z", "1700000000000", "\u0663\u0663", "front", "nope",
                "x".repeat(5000), "%e2%82%ac", "%c3%28", "a%2Fb", "recording", "motion", "<img src=x>");

        private final Random random;
        private final List<Endpoint> endpoints;
        private final String cookie;

        record Request(byte[] bytes, String describe, String target, boolean damaged) {
            boolean head() {
                return describe.startsWith("HEAD ");
            }

            /**
             * Whether Jetty hands this target to one of Beholder's servlets: it drops path parameters, decodes
             * {@code %2e} and resolves dot segments before it picks a servlet.
             */
            boolean reachesBeholder() {
                List<String> canonical = new ArrayList<>();
                boolean trailingSlash = false;
                for (String segment : target.split("\\?", 2)[0].split("/", -1)) {
                    String name = segment.replaceAll(";.*", "").replaceAll("(?i)%2e", ".");
                    trailingSlash = name.equals(".") || name.equals("..");
                    if (name.equals("..")) {
                        if (canonical.size() > 1) {
                            canonical.remove(canonical.size() - 1);
                        }
                    } else if (!name.equals(".")) {
                        canonical.add(name);
                    }
                }
                if (trailingSlash) { // "/ws/beholder/." is "/ws/beholder/"
                    canonical.add("");
                }
                String path = String.join("/", canonical);
                return path.equals("/beholder") || path.startsWith("/beholder/") || path.equals("/ws/beholder");
            }
        }

        Fuzzer(Random random, List<Endpoint> endpoints, String recordingId, String segment, String cookie) {
            this.random = random;
            this.endpoints = endpoints;
            this.cookie = cookie;
        }

        private <T> T pick(List<T> from) {
            return from.get(random.nextInt(from.size()));
        }

        Request next() {
            Endpoint base = pick(endpoints);
            String method = random.nextInt(3) == 0 ? pick(METHODS) : base.method;
            String target = mutatePath(base.target.split("\\?")[0]);
            if (random.nextInt(3) > 0) {
                target += "?" + query();
            } else if (base.target.contains("?")) {
                target += base.target.substring(base.target.indexOf('?'));
            }
            List<String> headers = headers(base);
            byte[] body = body(headers);
            byte[] bytes = RawHttp.request(method, target, headers, body);
            boolean damaged = random.nextInt(40) == 0;
            if (damaged) { // raw damage: a NUL, a bare CR or LF, a non-UTF-8 byte in the head
                int at = random.nextInt(Math.max(1, bytes.length - body.length - 4));
                bytes[at] = (byte) pick(List.of(0, 13, 0xff, 0x7f, 10)).intValue();
            }
            String shown = method + " " + (target.length() > 200 ? target.substring(0, 200) + "…" : target)
                    + " " + headers;
            return new Request(bytes, (shown.length() > 600 ? shown.substring(0, 600) + "…" : shown)
                    + (damaged ? " (one byte damaged)" : ""), target, damaged);
        }

        private String mutatePath(String path) {
            List<String> segments = new ArrayList<>(List.of(path.split("/", -1)));
            int edits = random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int where = 2 + random.nextInt(Math.max(1, segments.size() - 1)); // keep "/beholder" or "/ws"
                where = Math.min(where, segments.size());
                switch (random.nextInt(3)) {
                    case 0 -> segments.add(where, pick(SEGMENTS));
                    case 1 -> {
                        if (where < segments.size()) {
                            segments.set(where, pick(SEGMENTS));
                        }
                    }
                    default -> {
                        if (where < segments.size() && segments.size() > 3) {
                            segments.remove(where);
                        }
                    }
                }
            }
            if (random.nextInt(60) == 0) {
                segments.add("o".repeat(9000)); // over Jetty's header buffer: refused by the parser
            }
            return String.join("/", segments);
        }

        private String query() {
            StringBuilder query = new StringBuilder();
            int count = 1 + random.nextInt(3);
            for (int i = 0; i < count; i++) {
                query.append(i == 0 ? "" : pick(List.of("&", "&&", ";"))).append(pick(NAMES));
                if (random.nextInt(6) > 0) {
                    query.append('=').append(pick(VALUES));
                }
            }
            return query.toString();
        }

        private List<String> headers(Endpoint base) {
            List<String> headers = new ArrayList<>();
            if (random.nextInt(25) > 0) {
                headers.add(pick(List.of("Host: 127.0.0.1:" + server.port(), "Host: 127.0.0.1:" + server.port(),
                        "Host: evil.example", "Host: [::1]", "Host: a b", "Host: 127.0.0.1:" + server.port())));
            }
            switch (random.nextInt(10)) {
                case 0 -> headers.add("Cookie: beholder_session=" + cookie);
                case 1 -> headers.add("Cookie: beholder_session=" + pick(VALUES));
                case 2 -> headers.add("Authorization: " + pick(List.of("Basic", "Basic %ff", "Bearer x",
                        "Basic " + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, ':', (byte) 0xfe}),
                        JettyFixture.basic(JettyFixture.USER, "x"), "\u00e9")));
                case 3 -> {
                    // none
                }
                default -> headers.add("Authorization: " + JettyFixture.authorization());
            }
            if (base.webSocket || random.nextInt(15) == 0) {
                headers.addAll(random.nextBoolean() ? WS_HEADERS : List.of(UPGRADE, "Connection: Upgrade",
                        "Sec-WebSocket-Version: " + pick(List.of("8", "x", "13"))));
            }
            if (random.nextInt(4) == 0) {
                headers.add("Origin: " + pick(List.of("http://evil.example", "null",
                        "http://127.0.0.1:" + server.port(),
                        "%ff", "http://127.0.0.1:" + server.port() + "/x", "file://", "http://[::1")));
            }
            if (random.nextInt(8) == 0) {
                headers.add(pick(List.of("X-Forwarded-Host: evil.example", "X-Forwarded-Proto: gopher",
                        "Accept: */*;q=%ff", "User-Agent: " + "u".repeat(2000), "Range: bytes=5-1",
                        "If-Modified-Since: yesterday", "Expect: 100-continue", "Content-Type: multipart/form-data",
                        "Accept-Encoding: gzip;q=NaN", "X-\u00e9: \u00e9")));
            }
            return headers;
        }

        private byte[] body(List<String> headers) {
            switch (random.nextInt(8)) {
                case 0 -> {
                    headers.add("Content-Type: application/x-www-form-urlencoded");
                    return (pick(NAMES) + "=" + pick(VALUES)).getBytes(StandardCharsets.UTF_8);
                }
                case 1 -> {
                    headers.add("Content-Type: application/x-www-form-urlencoded; charset=" + pick(List.of("utf-8",
                            "latin1", "bogus", "utf-16")));
                    byte[] garbage = new byte[1 + random.nextInt(64)];
                    random.nextBytes(garbage);
                    return garbage;
                }
                case 2 -> {
                    headers.add("Content-Type: application/x-www-form-urlencoded");
                    ByteArrayOutputStream big = new ByteArrayOutputStream();
                    byte[] pair = "seconds=1&".getBytes(StandardCharsets.UTF_8);
                    for (int i = 0; i < 25_000; i++) { // 250 kB: over Jetty's form size limit
                        big.write(pair, 0, pair.length);
                    }
                    return big.toByteArray();
                }
                case 3 -> {
                    headers.add("Content-Type: application/json");
                    return "{\"seconds\": -1, \"__proto__\": {}}".getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                    return new byte[0];
                }
            }
        }
    }
}
