package org.beholder.web.internal.live;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.NvrChannel;
import org.beholder.engine.NvrEngine;
import org.beholder.web.AccessGuard;
import org.beholder.web.internal.http.Answers;
import org.beholder.web.internal.http.OriginPolicy;
import org.beholder.web.internal.http.Refusal;
import org.beholder.web.internal.http.RequestGuard;
import org.beholder.web.internal.http.ServletBoundary;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;
import org.eclipse.jetty.websocket.servlet.WebSocketServlet;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /beholder/live?channel=<id>} (both hosts) and {@code /ws/beholder} on the standalone. Inside openHAB the
 * binding's WebSocketAdapter creates the same {@link LiveStreamSocket} for {@code /ws/beholder}. Every request is
 * checked (method, Origin, parameters) and authenticated by the host's guard, so the page's session cookie works
 * here, before the upgrade starts: refusals are then plain JSON answers like the API's, never the container's
 * error page.
 */
public final class LiveStreamServlet extends WebSocketServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger logger = LoggerFactory.getLogger(LiveStreamServlet.class);
    /** Request attributes that carry what {@link #service} found to the socket creator. */
    private static final String CHANNEL = LiveStreamServlet.class.getName() + ".channel";
    private static final String VIEWER = LiveStreamServlet.class.getName() + ".viewer";

    private final transient NvrEngine engine;
    private final transient AccessGuard guard;
    private final transient RequestGuard requests;
    private transient WebSocketServletFactory factory;

    public LiveStreamServlet(NvrEngine engine, AccessGuard guard, OriginPolicy origins) {
        this.engine = engine;
        this.guard = guard;
        this.requests = new RequestGuard(origins, "GET");
    }

    @Override
    public void init() throws ServletException {
        // In OSGi the servlet container's thread context loader cannot see Jetty's WebSocketServerFactory.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(LiveStreamServlet.class.getClassLoader());
        try {
            super.init();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    @Override
    public void configure(WebSocketServletFactory factory) {
        factory.getPolicy().setMaxBinaryMessageSize(64 * 1024);
        factory.getPolicy().setMaxTextMessageSize(4 * 1024);
        factory.getPolicy().setIdleTimeout(60_000);
        factory.setCreator(this::create);
        this.factory = factory;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        ServletBoundary.run(request, response, logger, () -> answer(request, response));
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        Optional<Refusal> refusal = requests.check(request);
        if (refusal.isPresent()) {
            refusal.get().send(response);
            return;
        }
        // AccessGuard's contract: no response (so no session cookie) for WebSocket upgrades.
        Optional<String> user = guard.authenticate(request, RequestGuard.isWebSocketUpgrade(request) ? null : response);
        if (user.isEmpty()) {
            Answers.authenticationRequired(response, guard);
            return;
        }
        String channelId = request.getParameter("channel");
        Optional<NvrChannel> channel = channelId == null ? Optional.empty() : engine.channel(channelId);
        if (channel.isEmpty()) {
            Answers.error(response, HttpServletResponse.SC_NOT_FOUND, "channel not found");
            return;
        }
        if (!factory.isUpgradeRequest(request, response)) {
            response.setHeader("Upgrade", "websocket");
            Answers.error(response, 426, "a WebSocket upgrade is required here");
            return;
        }
        // Checked here because Jetty answers a bad handshake with its own error page.
        if (!"13".equals(request.getHeader("Sec-WebSocket-Version"))
                || request.getHeader("Sec-WebSocket-Key") == null) {
            response.setHeader("Sec-WebSocket-Version", "13");
            Answers.error(response, HttpServletResponse.SC_BAD_REQUEST,
                    "not a WebSocket handshake: Sec-WebSocket-Version 13 and Sec-WebSocket-Key are required");
            return;
        }
        request.setAttribute(CHANNEL, channel.get());
        request.setAttribute(VIEWER, user.get() + "@" + request.getRemoteAddr());
        if (factory.acceptWebSocket(request, response)) {
            // Jetty's handshake puts its own Server header (with its version) back; the 101 is sent after this.
            response.setHeader("Server", "Beholder");
        } else if (!response.isCommitted()) {
            Answers.error(response, HttpServletResponse.SC_BAD_REQUEST, "WebSocket upgrade failed");
        }
    }

    private Object create(ServletUpgradeRequest request, ServletUpgradeResponse response) {
        Object channel = request.getHttpServletRequest().getAttribute(CHANNEL);
        Object viewer = request.getHttpServletRequest().getAttribute(VIEWER);
        return channel instanceof NvrChannel c && viewer instanceof String v ? new LiveStreamSocket(c, v) : null;
    }
}
