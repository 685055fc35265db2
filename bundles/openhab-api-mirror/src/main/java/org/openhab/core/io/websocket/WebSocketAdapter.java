package org.openhab.core.io.websocket;

import javax.ws.rs.core.SecurityContext;

import org.eclipse.jetty.websocket.servlet.ServletUpgradeRequest;
import org.eclipse.jetty.websocket.servlet.ServletUpgradeResponse;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.io.websocket.WebSocketAdapter}: served at {@code /ws/<id>}. */
public interface WebSocketAdapter {
    String getId();

    Object createWebSocket(ServletUpgradeRequest servletUpgradeRequest, ServletUpgradeResponse servletUpgradeResponse,
            SecurityContext securityContext);
}
