package org.beholder.standalone.internal.server;

import java.net.InetAddress;

import org.beholder.web.BeholderWeb;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The embedded Jetty 9.4: mounts the web bundle exactly where openHAB mounts it. */
public final class WebServer {
    private static final Logger logger = LoggerFactory.getLogger(WebServer.class);

    private final Server server;

    public WebServer(BeholderWeb web, String host, int port) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("beholder-http");
        server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.addServlet(new ServletHolder("page", web.pageServlet()), "/beholder/*");
        context.addServlet(new ServletHolder("api", web.apiServlet()), "/beholder/api/*");
        // The page's live path, and openHAB's WebSocket path for scripts that work with both hosts.
        ServletHolder live = new ServletHolder("live", web.liveStreamServlet());
        context.addServlet(live, "/beholder/live");
        context.addServlet(live, "/ws/beholder");
        server.setHandler(context);
        server.setStopAtShutdown(false); // Main stops the engine first, then the server
        server.start();
        boolean loopback = InetAddress.getByName(host).isLoopbackAddress();
        logger.info("Listening on http://{}:{}/{}", host, port(), loopback
                ? " (loopback only: other machines cannot connect; set server.host to 0.0.0.0 to allow them)"
                : " (reachable from other machines)");
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    public void stop() throws Exception {
        server.stop();
    }
}
