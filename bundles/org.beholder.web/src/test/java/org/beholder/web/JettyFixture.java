package org.beholder.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.core.Beholder;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * A real Jetty 9.4 on a free loopback port with the web bundle mounted as the standalone mounts it: the page at
 * {@code /beholder/*}, the API at {@code /beholder/api/*}, the live servlet at {@code /beholder/live} and
 * {@code /ws/beholder}. The connector does not announce Jetty's version, as a careful host configures it.
 */
final class JettyFixture {
    static final String USER = "viewer";
    static final String PASSWORD = "correct horse";

    private final Server server;
    final BeholderWeb web;
    /** The session store's clock; tests move it forward to expire cookies. */
    final MovableClock clock = new MovableClock();
    final SessionCookies sessions = new SessionCookies(Duration.ofHours(12), SessionCookies.MAX_PER_USER,
            SessionCookies.MAX_TOTAL, clock);

    JettyFixture(Beholder beholder) throws Exception {
        web = new BeholderWeb(beholder, new BasicGuard(sessions));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder("page", web.pageServlet()), "/beholder/*");
        context.addServlet(new ServletHolder("api", web.apiServlet()), "/beholder/api/*");
        ServletHolder live = new ServletHolder("live", web.liveStreamServlet());
        context.addServlet(live, "/beholder/live");
        context.addServlet(live, "/ws/beholder");
        server.setHandler(context);
        server.start();
    }

    /**
     * A camera as these tests want it: no motion analysis and recording only on request, so that nothing records
     * unless a test asks (the test camera's picture moves all the time).
     */
    static CameraSettings.Builder camera(String id, String url) {
        return CameraSettings.builder(id, url).motion(false, 0.02, Duration.ofSeconds(5))
                .recording(RecordMode.MANUAL, false, java.util.Set.of());
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    static String authorization() {
        return basic(USER, PASSWORD);
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    void close() throws Exception {
        server.stop();
    }

    /**
     * A real guard shaped like the standalone's: one user over HTTP Basic, then the session cookie. A request
     * with an Authorization header is judged by that header alone.
     */
    private static final class BasicGuard implements AccessGuard {
        private final SessionCookies sessions;

        BasicGuard(SessionCookies sessions) {
            this.sessions = sessions;
        }

        @Override
        public Optional<String> authenticate(HttpServletRequest request, HttpServletResponse response) {
            String header = request.getHeader("Authorization");
            if (header == null) {
                return sessions.user(request);
            }
            if (!authorization().equals(header)) {
                return Optional.empty();
            }
            sessions.start(USER, request, response);
            return Optional.of(USER);
        }
    }

    /** A clock that tests can move forward (and back). */
    static final class MovableClock extends Clock {
        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        void reset() {
            offset = Duration.ZERO;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
