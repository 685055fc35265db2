package org.openhab.binding.beholder.internal.web;

import java.io.IOException;
import java.util.Optional;

import javax.servlet.http.HttpServletResponse;
import javax.ws.rs.core.SecurityContext;

import org.eclipse.jdt.annotation.Nullable;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;
import org.openhab.binding.beholder.internal.BeholderHandlerFactory;
import org.openhab.binding.beholder.internal.BeholderRuntime;
import org.openhab.binding.beholder.internal.OpenHabAccessGuard;
import org.openhab.core.io.websocket.WebSocketAdapter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /ws/beholder?channel=<thing id>} on openHAB's WebSocket servlet: the channel's live MPEG-TS, one access
 * unit per binary frame, from the same socket code as the standalone. openHAB has authenticated the request
 * (token in the sub-protocol or {@code accessToken}) or handed over its anonymous context; only signed-in users
 * with the user or admin role get a stream, anonymous callers only when the add-on allows anonymous viewing.
 */
@Component(service = WebSocketAdapter.class)
public class BeholderWebSocketAdapter implements WebSocketAdapter {
    public static final String ID = "beholder";

    private final BeholderHandlerFactory factory;

    @Activate
    public BeholderWebSocketAdapter(@Reference BeholderHandlerFactory factory) {
        this.factory = factory;
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public @Nullable Object createWebSocket(ServletUpgradeRequest request, ServletUpgradeResponse response,
            @Nullable SecurityContext securityContext) {
        try {
            BeholderRuntime runtime = factory.runtime();
            if (runtime == null) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE, "Beholder is not running");
                return null;
            }
            Optional<String> refusal = runtime.web().crossSiteRefusal(request.getHttpServletRequest());
            if (refusal.isPresent()) { // another site's page may not watch through a signed-in browser
                response.sendForbidden(refusal.get());
                return null;
            }
            Optional<String> user = runtime.guard().allowed(securityContext);
            if (user.isEmpty()) {
                // openHAB hands over its anonymous context too: that caller has to sign in (401), a signed-in
                // user without the user or admin role is refused (403).
                if (OpenHabAccessGuard.isAnonymous(securityContext)) {
                    response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "sign in to openHAB");
                } else {
                    response.sendForbidden("the user or admin role is required");
                }
                return null;
            }
            String channel = request.getHttpServletRequest().getParameter("channel");
            Optional<WebSocketListener> socket = channel == null ? Optional.empty()
                    : runtime.web().createLiveSocket(channel, user.get() + "@" + request.getRemoteAddress());
            if (socket.isEmpty()) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, "channel not found");
                return null;
            }
            return socket.get();
        } catch (IOException e) {
            return null;
        }
    }
}
