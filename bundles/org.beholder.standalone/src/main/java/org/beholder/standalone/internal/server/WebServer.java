package org.beholder.standalone.internal.server;

import java.io.IOException;
import java.net.InetAddress;
import java.util.EnumSet;

import javax.servlet.DispatcherType;

import org.beholder.standalone.internal.auth.StandaloneGuard;
import org.beholder.web.BeholderWeb;
import org.eclipse.jetty.server.ConnectionLimit;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded Jetty 9.4: mounts the web bundle exactly where openHAB mounts it. Made in two steps so that the
 * port is taken before the engine starts (a busy port fails before anything touches the data folder) and served
 * once Beholder is ready. Hardened for a recorder on a small machine: {@link ServerLimits}, no Server header or
 * version anywhere, Beholder's own error answers ({@link ErrorAnswers}), only the methods Beholder uses and
 * queries that decode ({@link RequestGate}), login throttling in front of every Beholder path
 * ({@link LoginThrottleFilter}).
 */
public final class WebServer {
    private static final Logger logger = LoggerFactory.getLogger(WebServer.class);
    private static final int ACCEPTORS = 1;
    private static final int SELECTORS = 1;

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    /** Takes the port now (IOException "… in use" when it is busy); serves nothing until {@link #start}. */
    public WebServer(String host, int port, ServerLimits limits) throws IOException {
        this.host = host;
        QueuedThreadPool threads = new QueuedThreadPool(limits.maxThreads(), 4, 60_000,
                new BlockingArrayQueue<>(32, 32, limits.maxQueuedJobs()));
        threads.setName("beholder-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(limits.maxRequestHeaderBytes());
        connector = new ServerConnector(server, ACCEPTORS, SELECTORS, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        connector.setIdleTimeout(limits.idleTimeout().toMillis());
        ConnectionLimit connectionLimit = new ConnectionLimit(limits.maxConnections(), server);
        connectionLimit.setIdleTimeout(limits.idleTimeoutAtLimit().toMillis());
        server.addBean(connectionLimit);
        server.addConnector(connector);
        server.setErrorHandler(new ErrorAnswers());
        server.setStopAtShutdown(false); // Main stops the engine first, then the server
        try {
            connector.open();
        } catch (IOException e) {
            throw new IOException("cannot listen on " + host + ":" + port + " (" + describe(e)
                    + "; is another program using the port? choose another with --port or server.port)", e);
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** Mounts Beholder and starts answering requests. */
    public void start(BeholderWeb web, StandaloneGuard guard) throws Exception {
        ServletContextHandler context = new ServletContextHandler(ServletContextHandler.NO_SESSIONS);
        context.setContextPath("/");
        context.setErrorHandler(new ErrorAnswers());
        FilterHolder throttle = new FilterHolder(new LoginThrottleFilter(guard));
        for (String path : new String[] { "/beholder/*", "/ws/beholder" }) {
            context.addFilter(throttle, path, EnumSet.of(DispatcherType.REQUEST));
        }
        context.addServlet(new ServletHolder("root", new RootRedirect()), "");
        context.addServlet(new ServletHolder("page", web.pageServlet()), "/beholder/*");
        context.addServlet(new ServletHolder("api", web.apiServlet()), "/beholder/api/*");
        context.addServlet(new ServletHolder("login", new LoginServlet(guard, web, false)), "/beholder/login");
        context.addServlet(new ServletHolder("logout", new LoginServlet(guard, web, true)), "/beholder/logout");
        // The page's live path, and openHAB's WebSocket path for scripts that work with both hosts.
        ServletHolder live = new ServletHolder("live", web.liveStreamServlet());
        context.addServlet(live, "/beholder/live");
        context.addServlet(live, "/ws/beholder");
        RequestGate gate = new RequestGate();
        gate.setHandler(context);
        server.setHandler(gate);
        server.start();
        boolean loopback = InetAddress.getByName(host).isLoopbackAddress();
        logger.info("Listening on http://{}:{}/{}", host, port(), loopback
                ? " (loopback only: other machines cannot connect; set server.host to 0.0.0.0 to allow them)"
                : " (reachable from other machines)");
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Stops serving and frees the port; also for a server that was never started. */
    public void stop() throws Exception {
        server.stop();
        connector.close();
    }
}
