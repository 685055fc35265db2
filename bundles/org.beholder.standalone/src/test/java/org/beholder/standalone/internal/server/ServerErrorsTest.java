package org.beholder.standalone.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server itself answers: Beholder's format, never Jetty's page, version, or a stack trace. */
class ServerErrorsTest {
    private static final String TOKEN_HEADER = "Authorization: Bearer " + ServerFixture.TOKEN;

    @TempDir
    static Path data;
    private static ServerFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new ServerFixture(data, ServerLimits.DEFAULTS);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    private static void assertBeholdersOwn(RawHttp answer) {
        // Beholder's servlets name themselves (that is how they hide the version inside openHAB too); Jetty never does
        String server = answer.header("Server");
        assertTrue(server == null || server.equals("Beholder"), answer.raw());
        assertNull(answer.header("X-Powered-By"), answer.raw());
        String raw = answer.raw().toLowerCase(Locale.ROOT);
        for (String leak : new String[] { "jetty", "9.4", "exception", "\tat ", "<h1>", "<pre>" }) {
            assertFalse(raw.contains(leak), "'" + leak + "' in " + answer.raw());
        }
    }

    private static void assertPlain(RawHttp answer, int status) {
        assertEquals(status, answer.status(), answer.raw());
        assertTrue(answer.header("Content-Type").startsWith("text/plain"), answer.raw());
        assertTrue(answer.body().startsWith("Beholder: " + status + " "), answer.raw());
        assertBeholdersOwn(answer);
    }

    private static void assertJson(RawHttp answer, int status, String error) {
        assertEquals(status, answer.status(), answer.raw());
        assertTrue(answer.header("Content-Type").startsWith("application/json"), answer.raw());
        assertEquals("{\"status\":" + status + ",\"error\":\"" + error + "\"}", answer.body());
        assertBeholdersOwn(answer);
    }

    @Test
    void undecodableQueriesAre400BeforeAnyServletMeetsThem() throws Exception {
        assertPlain(RawHttp.request(fixture.port(), "GET", "/beholder/?x=%ff"), 400);
        assertJson(RawHttp.request(fixture.port(), "GET", "/beholder/api/channels?x=%ff", TOKEN_HEADER), 400,
                "Bad Request");
        assertJson(RawHttp.request(fixture.port(), "GET", "/beholder/api/events?x=%ff", TOKEN_HEADER), 400,
                "Bad Request");
        assertJson(RawHttp.request(fixture.port(), "GET", "/beholder/api/events?x=%zz", TOKEN_HEADER), 400,
                "Bad Request");
    }

    @Test
    void brokenRequestsGetShortPlainAnswers() throws Exception {
        assertPlain(RawHttp.request(fixture.port(), "GET", "/nothing/here"), 404);
        assertPlain(RawHttp.request(fixture.port(), "GET", "/beholder/api/channels/%00", TOKEN_HEADER), 400);
        assertPlain(RawHttp.request(fixture.port(), "GET", "/beholder/", "X-Big: " + "a".repeat(20_000)), 431);
        assertPlain(RawHttp.exchange(fixture.port(), "GARBAGE\r\n\r\n"), 400);
        assertPlain(RawHttp.exchange(fixture.port(), "GET / HTTP/9.9\r\n\r\n"), 505);
    }

    @Test
    void normalAnswersCarryNoServerHeaderAndTheRootLeadsToThePage() throws Exception {
        RawHttp channels = RawHttp.request(fixture.port(), "GET", "/beholder/api/channels", TOKEN_HEADER);
        assertEquals(200, channels.status(), channels.raw());
        assertBeholdersOwn(channels);
        RawHttp root = RawHttp.request(fixture.port(), "GET", "/");
        assertEquals(302, root.status(), root.raw());
        assertTrue(root.header("Location").endsWith("/beholder/"), root.raw());
        assertBeholdersOwn(root);
    }

    @Test
    void traceAndOtherUnusedMethodsAre405EverywhereAndEchoNothing() throws Exception {
        String basic = Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
        for (String path : new String[] { "/", "/beholder/", "/beholder/index.html", "/beholder/api/channels",
                "/beholder/live?channel=x", "/ws/beholder", "/nothing" }) {
            for (String method : new String[] { "TRACE", "TRACK", "PUT", "DELETE", "PATCH", "OPTIONS", "CONNECT" }) {
                if (path.startsWith("/beholder/api/") && (method.equals("PUT") || method.equals("DELETE"))) {
                    continue; // the API serves PUT and DELETE for cameras and users: checked below
                }
                RawHttp answer = RawHttp.request(fixture.port(), method, path, "Cookie: beholder_session=s3cr3t-cookie",
                        "Authorization: Basic " + basic, "X-Echo-Me: s3cr3t-header");
                assertEquals(405, answer.status(), method + " " + path + ": " + answer.raw());
                assertEquals("GET, HEAD, POST", answer.header("Allow"), answer.raw());
                for (String secret : new String[] { "s3cr3t", basic, "wonderland" }) {
                    assertFalse(answer.raw().contains(secret), method + " " + path + " echoes: " + answer.raw());
                }
                assertBeholdersOwn(answer);
            }
        }
        assertJson(RawHttp.request(fixture.port(), "TRACE", "/beholder/api/channels"), 405, "Method Not Allowed");
        for (String method : new String[] { "PUT", "DELETE" }) {
            RawHttp answer = RawHttp.request(fixture.port(), method, "/beholder/api/channels",
                    "Cookie: beholder_session=s3cr3t-cookie", "Authorization: Basic " + basic,
                    "X-Echo-Me: s3cr3t-header");
            assertEquals(405, answer.status(), answer.raw());
            for (String secret : new String[] { "s3cr3t", basic, "wonderland" }) {
                assertFalse(answer.raw().contains(secret), method + " echoes: " + answer.raw());
            }
            assertBeholdersOwn(answer);
        }
    }
}
