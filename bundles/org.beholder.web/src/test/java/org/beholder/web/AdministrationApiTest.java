package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import org.beholder.core.Beholder;
import org.beholder.engine.EngineConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administration endpoints on the web side alone: a host without administration (openHAB) answers setup
 * "not needed" and 404 for the rest; a host's refusal reaches the client as its status and message; bodies are
 * capped and must be JSON objects, and a foreign Origin is refused before the host is asked.
 */
class AdministrationApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path data;
    private Beholder beholder;
    private JettyFixture jetty;
    private final List<String> calls = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        beholder = new Beholder(EngineConfig.of(data));
        jetty = new JettyFixture(beholder);
    }

    @AfterEach
    void stop() throws Exception {
        jetty.close();
        beholder.close();
    }

    private HttpResponse<String> send(String method, String path, String body, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(jetty.base() + path))
                .timeout(Duration.ofSeconds(20)).header("Authorization", JettyFixture.authorization())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aHostWithoutAdministrationNeedsNoSetUpAndHasNoAdministrationPaths() throws Exception {
        assertEquals("{\"needed\":false,\"login\":false}", HTTP.send(HttpRequest.newBuilder(URI.create(jetty.base()
                + "/beholder/api/setup")).build(), HttpResponse.BodyHandlers.ofString()).body(), "no login needed");
        assertEquals(404, send("POST", "/beholder/api/setup", "{\"name\":\"a\",\"password\":\"b\"}").statusCode());
        assertEquals(404, send("GET", "/beholder/api/users", null).statusCode());
        assertEquals(404, send("GET", "/beholder/api/channel-settings", null).statusCode());
        assertEquals(404, send("POST", "/beholder/api/channels", "{\"id\":\"x\"}").statusCode());
        assertEquals(404, send("PUT", "/beholder/api/channels/x", "{}").statusCode());
        assertEquals(404, send("DELETE", "/beholder/api/channels/x", null).statusCode());
        assertEquals(405, send("PUT", "/beholder/api/channels", "{}").statusCode());
        assertEquals(401, HTTP.send(HttpRequest.newBuilder(URI.create(jetty.base() + "/beholder/api/users"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode(), "login before anything else");
    }

    @Test
    void theHostsRefusalIsTheAnswerAndBadBodiesNeverReachTheHost() throws Exception {
        jetty.web.administer(new RecordingCameras(), null);
        HttpResponse<String> refused = send("POST", "/beholder/api/channels", "{\"id\":\"taken\"}");
        assertEquals(400, refused.statusCode());
        assertEquals("{\"status\":400,\"error\":\"id: channel 'taken' exists already\"}", refused.body());
        assertEquals(201, send("POST", "/beholder/api/channels", "{\"id\":\"new\"}").statusCode());
        assertEquals(409, send("DELETE", "/beholder/api/channels/file-camera", null).statusCode());
        assertEquals(200, send("PUT", "/beholder/api/channels/new", "{\"url\":\"test:\"}").statusCode());
        assertEquals(List.of("create {\"id\":\"taken\"}", "create {\"id\":\"new\"}", "delete file-camera",
                "replace new {\"url\":\"test:\"}"), calls);

        calls.clear();
        HttpResponse<String> huge = send("POST", "/beholder/api/channels", "{\"label\":\"" + "x".repeat(70_000)
                + "\"}");
        assertEquals(413, huge.statusCode());
        assertEquals(400, send("POST", "/beholder/api/channels", "[]").statusCode());
        assertEquals(400, send("POST", "/beholder/api/channels", "{broken").statusCode());
        assertEquals(400, send("POST", "/beholder/api/channels", null).statusCode(), "no body");
        HttpResponse<String> foreign = send("POST", "/beholder/api/channels", "{\"id\":\"x\"}", "Origin",
                "http://evil.example");
        assertEquals(403, foreign.statusCode());
        assertTrue(foreign.body().contains("cross-site request refused"), foreign.body());
        assertEquals(List.of(), calls, "the host was never asked");
        assertEquals(404, send("GET", "/beholder/api/users", null).statusCode(), "no user administration");
    }

    @Test
    void logoutEndsTheSessionAtOnce() throws Exception {
        HttpResponse<String> login = send("GET", "/beholder/api/channels", null);
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        HttpRequest withCookie = HttpRequest.newBuilder(URI.create(jetty.base() + "/beholder/api/channels"))
                .header("Cookie", session).build();
        assertEquals(200, HTTP.send(withCookie, HttpResponse.BodyHandlers.ofString()).statusCode());
        jetty.sessions.endAll(JettyFixture.USER);
        assertEquals(401, HTTP.send(withCookie, HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    /** A host that refuses some calls and records every call it gets. */
    private final class RecordingCameras implements CameraAdministration {
        @Override
        public List<Map<String, Object>> cameras() {
            return List.of();
        }

        @Override
        public String create(String json) throws AdministrationException {
            calls.add("create " + json);
            if (json.contains("taken")) {
                throw AdministrationException.badRequest("id: channel 'taken' exists already");
            }
            return "new";
        }

        @Override
        public void replace(String id, String json) {
            calls.add("replace " + id + " " + json);
        }

        @Override
        public void delete(String id) throws AdministrationException {
            calls.add("delete " + id);
            throw new AdministrationException(409, "read-only");
        }

        @Override
        public Map<String, Object> test(String json) {
            return Map.of();
        }
    }
}
