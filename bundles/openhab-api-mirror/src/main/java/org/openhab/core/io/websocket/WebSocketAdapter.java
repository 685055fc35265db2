package org.openhab.core.io.websocket;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import javax.ws.rs.core.SecurityContext;

import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.io.websocket.WebSocketAdapter}: served at {@code /ws/<id>}. */
@NonNullByDefault
public interface WebSocketAdapter {
    String getId();

    @Nullable
    Object createWebSocket(ServletUpgradeRequest servletUpgradeRequest, ServletUpgradeResponse servletUpgradeResponse,
            SecurityContext securityContext);
}
