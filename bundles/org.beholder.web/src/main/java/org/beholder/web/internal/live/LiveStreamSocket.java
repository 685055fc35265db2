package org.beholder.web.internal.live;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

import org.beholder.engine.NvrChannel;
import org.beholder.engine.TsChunk;
import org.beholder.engine.TsSubscription;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live viewer over WebSocket: binary frames of MPEG-TS, one access unit each, the first starting with PAT,
 * PMT and a keyframe. Writes block on the viewer's own thread (see the engine's TsHub), so a slow browser
 * only ever delays itself, and skips to the next keyframe when it falls 4 MiB behind.
 */
public final class LiveStreamSocket implements WebSocketListener {
    private static final Logger logger = LoggerFactory.getLogger(LiveStreamSocket.class);

    private final NvrChannel channel;
    private final String viewer;
    private volatile TsSubscription subscription;

    public LiveStreamSocket(NvrChannel channel, String viewer) {
        this.channel = channel;
        this.viewer = viewer;
    }

    @Override
    public void onWebSocketConnect(Session session) {
        logger.debug("Live viewer {} on {}", viewer, channel.id());
        try {
            subscription = channel.subscribe(viewer, chunk -> send(session, chunk));
        } catch (RuntimeException e) { // e.g. the channel was removed meanwhile: Jetty would log a stack trace
            logger.info("Live viewer {} on {} refused: {}", viewer, channel.id(), e.getMessage());
            session.close(StatusCode.SERVER_ERROR, "channel unavailable");
        }
    }

    private static void send(Session session, TsChunk chunk) {
        try {
            session.getRemote().sendBytes(ByteBuffer.wrap(chunk.data()));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // ends this viewer's subscription
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        close();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        close();
    }

    @Override
    public void onWebSocketBinary(byte[] payload, int offset, int length) {
        // viewers only listen
    }

    @Override
    public void onWebSocketText(String message) {
        // viewers only listen
    }

    private void close() {
        TsSubscription current = subscription;
        if (current != null) {
            current.close();
        }
    }
}
