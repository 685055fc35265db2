package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.beholder.core.Beholder;
import org.beholder.engine.ChannelState;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.internal.ts.TsInspector;
import org.beholder.engine.internal.ts.TsPacket;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.UpgradeException;
import org.eclipse.jetty.websocket.api.WebSocketAdapter;
import org.eclipse.jetty.websocket.api.WebSocketListener;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A WebSocket client reads the live stream from a real Jetty and checks the TS as a player would. */
class LiveStreamTest {
    @TempDir
    static Path data;
    private static RtspCameraFixture camera;
    private static Beholder beholder;
    private static JettyFixture server;
    private static WebSocketClient client;

    @BeforeAll
    static void start() throws Exception {
        camera = RtspCameraFixture.start();
        beholder = new Beholder(EngineConfig.of(data));
        server = new JettyFixture(beholder);
        NvrChannel channel = beholder.addCamera(JettyFixture.camera("yard", camera.url()).build()).channel();
        Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE,
                () -> channel.status().toString());
        client = new WebSocketClient();
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
        server.close();
        beholder.close();
        camera.close();
    }

    private static Session connect(String query, WebSocketListener listener, boolean authenticated) throws Exception {
        ClientUpgradeRequest request = new ClientUpgradeRequest();
        if (authenticated) {
            request.setHeader("Authorization", JettyFixture.authorization());
        }
        return client.connect(listener, URI.create("ws://127.0.0.1:" + server.port() + "/ws/beholder" + query),
                request).get(10, TimeUnit.SECONDS);
    }

    @Test
    void streamsValidTsStartingWithPatPmtAndAKeyframe() throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Session session = connect("?channel=yard", new WebSocketAdapter() {
            @Override
            public void onWebSocketBinary(byte[] payload, int offset, int length) {
                synchronized (received) {
                    received.write(payload, offset, length);
                }
            }
        }, true);
        Thread.sleep(3000);
        session.close();
        byte[] ts;
        synchronized (received) {
            ts = received.toByteArray();
        }
        assertEquals(TsPacket.PAT_PID, TsPacket.pid(ts, 0), "first packet is the PAT");
        TsInspector inspector = new TsInspector();
        inspector.accept(ts);
        inspector.finish();
        assertEquals(List.of(), inspector.problems(), "sync, continuity, PAT/PMT first");
        assertTrue(inspector.firstVideoUnitIsKeyframe());
        assertTrue(inspector.videoUnits() >= 30, "about 3 s at 15 fps: " + inspector.videoUnits());
        Waits.until(Duration.ofSeconds(5), () -> beholder.engine().channel("yard").orElseThrow().statistics().viewerSkips() == 0,
                () -> "skips");
    }

    @Test
    void refusesUnauthenticatedAndUnknownChannels() {
        ExecutionException unauthorized = assertThrows(ExecutionException.class,
                () -> connect("?channel=yard", new WebSocketAdapter() {
                }, false));
        assertEquals(401, ((UpgradeException) unauthorized.getCause()).getResponseStatusCode());
        ExecutionException unknown = assertThrows(ExecutionException.class,
                () -> connect("?channel=nope", new WebSocketAdapter() {
                }, true));
        assertEquals(404, ((UpgradeException) unknown.getCause()).getResponseStatusCode());
    }
}
