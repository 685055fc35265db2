package org.beholder.standalone.internal.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Login throttling through the real server: 429 with Retry-After, lock-outs that end, sessions that survive. */
class LoginThrottlingTest {
    private static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path data;
    private ServerFixture fixture;

    @BeforeEach
    void start() throws Exception {
        fixture = new ServerFixture(data, ServerLimits.DEFAULTS);
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + path))
                .timeout(Duration.ofSeconds(30));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static final String API = "/beholder/api/channels";

    @Test
    void fiveWrongPasswordsLockTheUserOutUntilTheLockOutEnds() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, get(API, "Authorization", basic("alice", "guess" + i)).statusCode(), "attempt " + i);
        }
        HttpResponse<String> locked = get(API, "Authorization", basic("alice", "guess6"));
        assertEquals(429, locked.statusCode());
        assertEquals("60", locked.headers().firstValue("Retry-After").orElseThrow());
        assertEquals("{\"status\":429,\"error\":\"too many failed logins; try again in 60 s\"}", locked.body());
        assertEquals(429, get(API, "Authorization", basic("alice", "wonderland")).statusCode(),
                "the right password is refused while locked out");
        HttpResponse<String> page = get("/beholder/", "Authorization", basic("alice", "wonderland"));
        assertEquals(429, page.statusCode(), "the page too");
        assertTrue(page.body().startsWith("Beholder: 429 Too Many Requests"), page.body());
        assertEquals(200, get(API, "Authorization", basic("bob", "builder")).statusCode(), "other users log in");

        fixture.advance(Duration.ofSeconds(30));
        assertEquals("30", get(API, "Authorization", basic("alice", "wonderland")).headers()
                .firstValue("Retry-After").orElseThrow());
        fixture.advance(Duration.ofSeconds(30));
        assertEquals(200, get(API, "Authorization", basic("alice", "wonderland")).statusCode(), "after the lock-out");
    }

    @Test
    void aLockOutNeverRefusesAValidSessionCookieOrToken() throws Exception {
        HttpResponse<String> login = get(API, "Authorization", basic("alice", "wonderland"));
        assertEquals(200, login.statusCode());
        String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));
        for (int i = 1; i <= 5; i++) {
            get(API, "Authorization", basic("alice", "guess" + i));
        }
        assertEquals(429, get(API, "Authorization", basic("alice", "wonderland")).statusCode());
        assertEquals(200, get(API, "Cookie", session).statusCode(), "the signed-in page goes on working");
        assertEquals(200, get(API, "Cookie", session, "Authorization", basic("alice", "wonderland")).statusCode(),
                "a browser sends its Basic credentials next to the cookie");
        assertEquals(200, get(API, "Authorization", "Bearer " + ServerFixture.TOKEN).statusCode());
        assertEquals(429, get(API, "Cookie", "beholder_session=forged", "Authorization",
                basic("alice", "wonderland")).statusCode(), "a forged cookie is no way round");
    }

    @Test
    void oneAddressTryingManyUserNamesIsLockedOutForEveryUser() throws Exception {
        for (int i = 1; i <= 20; i++) {
            assertEquals(401, get(API, "Authorization", basic("user" + i, "guess")).statusCode(), "attempt " + i);
        }
        HttpResponse<String> locked = get(API, "Authorization", basic("bob", "builder"));
        assertEquals(429, locked.statusCode(), "bob's right password from this address");
        assertEquals("60", locked.headers().firstValue("Retry-After").orElseThrow());
        assertEquals(200, get(API, "Authorization", "Bearer " + ServerFixture.TOKEN).statusCode(), "tokens work");
        fixture.advance(Duration.ofMinutes(1));
        assertEquals(200, get(API, "Authorization", basic("bob", "builder")).statusCode());
    }

    private HttpResponse<String> login(String name, String password) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + fixture.port() + "/beholder/login"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("name=" + name + "&password=" + password)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theLoginPageIsThrottledLikeBasicWithALockOutThatGrows() throws Exception {
        for (int i = 1; i <= 5; i++) {
            assertEquals(401, login("alice", "guess" + i).statusCode(), "attempt " + i);
        }
        HttpResponse<String> locked = login("alice", "wonderland");
        assertEquals(429, locked.statusCode(), "the right password is refused while locked out");
        assertEquals("60", locked.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(locked.headers().firstValue("Set-Cookie").isEmpty());
        assertEquals(429, get(API, "Authorization", basic("alice", "wonderland")).statusCode(),
                "the page's failures lock Basic out too: one throttle");
        assertEquals(200, login("bob", "builder").statusCode(), "other users log in");

        fixture.advance(Duration.ofSeconds(60));
        assertEquals(401, login("alice", "guess6").statusCode(), "checked again after the lock-out");
        HttpResponse<String> longer = login("alice", "wonderland");
        assertEquals(429, longer.statusCode());
        assertEquals("120", longer.headers().firstValue("Retry-After").orElseThrow(), "each failure doubles it");

        fixture.advance(Duration.ofSeconds(120));
        HttpResponse<String> in = login("alice", "wonderland");
        assertEquals(200, in.statusCode(), in.body());
        assertTrue(in.headers().firstValue("Set-Cookie").orElseThrow().startsWith("beholder_session="));
    }
}
