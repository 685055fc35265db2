package org.beholder.web.internal.live;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.NvrChannel;
import org.beholder.engine.NvrEngine;
import org.beholder.web.AccessGuard;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;
import org.eclipse.jetty.websocket.servlet.WebSocketServlet;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;

/**
 * {@code /beholder/live?channel=<id>} (both hosts) and {@code /ws/beholder} on the standalone. Inside openHAB the
 * binding's WebSocketAdapter creates the same {@link LiveStreamSocket} for {@code /ws/beholder}. Upgrades are
 * authenticated by the host's guard, so the page's session cookie works here.
 */
public final class LiveStreamServlet extends WebSocketServlet {
    private static final long serialVersionUID = 1L;

    private final transient NvrEngine engine;
    private final transient AccessGuard guard;

    public LiveStreamServlet(NvrEngine engine, AccessGuard guard) {
        this.engine = engine;
        this.guard = guard;
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
    }

    private Object create(ServletUpgradeRequest request, ServletUpgradeResponse response) {
        try {
            Optional<String> user = guard.authenticate(request.getHttpServletRequest(), null);
            if (user.isEmpty()) {
                if (guard.challenge() != null) {
                    response.setHeader("WWW-Authenticate", guard.challenge());
                }
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "authentication required");
                return null;
            }
            String channelId = request.getHttpServletRequest().getParameter("channel");
            Optional<NvrChannel> channel = channelId == null ? Optional.empty() : engine.channel(channelId);
            if (channel.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "channel not found");
                return null;
            }
            return new LiveStreamSocket(channel.get(), user.get() + "@" + request.getRemoteAddress());
        } catch (IOException e) {
            return null;
        }
    }
}
