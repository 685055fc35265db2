package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beholder.core.Beholder;
import org.beholder.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Session cookies on a real Jetty: the cookie's rules, and no pile of sessions from clients that ignore it. */
class SessionCookiesTest {
    private static final Pattern SET_COOKIE = Pattern.compile("beholder_session=([A-Za-z0-9_-]+);(.*)");

    @TempDir
    static Path data;
    private static Beholder beholder;
    private static JettyFixture server;

    @BeforeAll
    static void start() throws Exception {
        beholder = new Beholder(EngineConfig.of(data));
        server = new JettyFixture(beholder);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        beholder.close();
    }

    @BeforeEach
    void freshClock() {
        server.clock.reset();
    }

    private static RawHttp.Answer get(String... headers) throws Exception {
        List<String> all = new ArrayList<>(List.of("Host: 127.0.0.1:" + server.port()));
        all.addAll(List.of(headers));
        return RawHttp.send(server.port(), RawHttp.request("GET", "/beholder/api/channels", all, new byte[0]));
    }

    private static String cookieOf(RawHttp.Answer answer) {
        Matcher matcher = SET_COOKIE.matcher(answer.header("Set-Cookie").orElseThrow());
        assertTrue(matcher.matches(), answer.all());
        return matcher.group(1);
    }

    @Test
    void cookieIsHttpOnlyStrictRandomAndWorksWithoutThePassword() throws Exception {
        RawHttp.Answer signIn = get("Authorization: " + JettyFixture.authorization(), "User-Agent: browser-1");
        String attributes = signIn.header("Set-Cookie").orElseThrow();
        assertTrue(attributes.contains("; Path=/") && attributes.contains("; HttpOnly")
                && attributes.contains("; SameSite=Strict") && attributes.contains("; Max-Age=43200"), attributes);
        String id = cookieOf(signIn);
        assertEquals(43, id.length(), "256 bits, base64url");
        assertEquals(200, get("Cookie: beholder_session=" + id).status());
        assertEquals(401, get("Cookie: beholder_session=" + id.substring(1) + "A").status());

        server.clock.advance(Duration.ofHours(12).plusSeconds(1));
        assertEquals(401, get("Cookie: beholder_session=" + id).status(), "expired");
    }

    @Test
    void basicClientsThatIgnoreTheCookieLeaveABoundedNumberOfSessions() throws Exception {
        String browser = cookieOf(get("Authorization: " + JettyFixture.authorization(), "User-Agent: browser"));
        assertEquals(200, get("Cookie: beholder_session=" + browser).status());
        Set<String> handedOut = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            // half the same script, half a different client every time
            String agent = i % 2 == 0 ? "curl/8.5" : "script-" + i;
            RawHttp.Answer answer = get("Authorization: " + JettyFixture.authorization(), "User-Agent: " + agent);
            assertEquals(200, answer.status());
            handedOut.add(cookieOf(answer));
        }
        assertTrue(server.sessions.size() <= SessionCookies.MAX_PER_USER, "sessions: " + server.sessions.size());
        assertTrue(handedOut.size() <= 1001, "one session for the repeating script: " + handedOut.size());
        assertEquals(200, get("Cookie: beholder_session=" + browser).status(),
                "a browser's cookie (sent back before) outlives scripts that never send theirs");

        String again = cookieOf(get("Authorization: " + JettyFixture.authorization(), "User-Agent: browser"));
        String other = cookieOf(get("Authorization: " + JettyFixture.authorization(), "User-Agent: other"));
        assertEquals(browser, again, "the same client signing in again gets its session back");
        assertNotEquals(browser, other);
    }
}
