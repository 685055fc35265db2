package org.beholder.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.NvrEngine;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/** A real Jetty 9.4 on a free loopback port with the web bundle mounted as a host would mount it. */
final class JettyFixture {
    static final String USER = "viewer";
    static final String PASSWORD = "correct horse";

    private final Server server;
    final BeholderWeb web;

    JettyFixture(NvrEngine engine) throws Exception {
        web = new BeholderWeb(engine, new BasicGuard(), new EventJournal(1000));
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        context.addServlet(new ServletHolder(web.apiServlet()), "/beholder/api/*");
        context.addServlet(new ServletHolder(web.liveStreamServlet()), "/ws/beholder");
        server.setHandler(context);
        server.start();
    }

    int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    String base() {
        return "http://127.0.0.1:" + port();
    }

    static String authorization() {
        return "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    void close() throws Exception {
        server.stop();
    }

    /** The simplest real guard: one user over HTTP Basic. */
    private static final class BasicGuard implements AccessGuard {
        @Override
        public Optional<String> authenticate(HttpServletRequest request, HttpServletResponse response) {
            return authorization().equals(request.getHeader("Authorization")) ? Optional.of(USER) : Optional.empty();
        }
    }
}
