package org.openhab.binding.beholder.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.ws.rs.core.SecurityContext;

import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelState;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.internal.ts.TsInspector;
import org.beholder.engine.testing.Waits;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.UpgradeException;
import org.eclipse.jetty.websocket.api.WebSocketAdapter;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;
import org.eclipse.jetty.websocket.servlet.WebSocketServlet;
import org.eclipse.jetty.websocket.servlet.WebSocketServletFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openhab.binding.beholder.internal.web.BeholderWebSocketAdapter;
import org.openhab.binding.beholder.testing.TokenAuthFilter;
import org.openhab.core.auth.Role;

/**
 * Beholder's web side as openHAB serves it, on a real Jetty: the page, REST and live path behind
 * {@link OpenHabAccessGuard}, and {@code /ws/beholder} through {@link BeholderWebSocketAdapter} behind a stand-in
 * for openHAB's common WebSocket servlet (which authenticates with the AuthFilter and hands over the context).
 */
class OpenHabWebTest {
    private static final String USER_TOKEN = "oh.user.token";
    private static final String GUEST_TOKEN = "oh.guest.token";

    @TempDir
    static Path data;
    private static BeholderHandlerFactory factory;
    private static BeholderRuntime runtime;
    private static Server server;
    private static WebSocketClient client;
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    /** Two API tokens: one of a user, one of an account with neither the user nor the admin role. */
    private static final TokenAuthFilter AUTH = new TokenAuthFilter(Map.of(
            USER_TOKEN, new TokenAuthFilter.Account("alice", Role.USER),
            GUEST_TOKEN, new TokenAuthFilter.Account("guest", "guest")));

    @BeforeAll
    static void start() throws Exception {
        factory = new BeholderHandlerFactory(data, new OpenHabAccessGuard(AUTH), Map.of());
        runtime = Objects.requireNonNull(factory.runtime());
        NvrChannel front = runtime.beholder().addCamera(CameraSettings.builder("front", "test:?width=320&height=240&fps=15&gop=15").build()).channel();
        Waits.until(Duration.ofSeconds(20), () -> front.status().state() == ChannelState.ONLINE,
                () -> front.status().toString());
        BeholderWebSocketAdapter adapter = new BeholderWebSocketAdapter(factory);

        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // The same patterns WebMounts registers with the whiteboard.
        context.addServlet(new ServletHolder(runtime.web().pageServlet()), "/beholder/*");
        context.addServlet(new ServletHolder(runtime.web().apiServlet()), "/beholder/api/*");
        context.addServlet(new ServletHolder(runtime.web().liveStreamServlet()), "/beholder/live");
        context.addServlet(new ServletHolder(new OpenHabWebSocketServlet(adapter)), "/ws/*");
        server.setHandler(context);
        server.start();
        client = new WebSocketClient();
        client.start();
    }

    @AfterAll
    static void stop() throws Exception {
        client.stop();
        server.stop();
        factory.close();
    }

    /** openHAB gives such requests its anonymous context with the user role (implicit user role, the default). */
    @Test
    void pageAndApiRefuseRequestsWithoutOpenHabCredentials() throws Exception {
        HttpResponse<String> page = get("/beholder/", null, null);
        assertEquals(401, page.statusCode());
        assertEquals("Basic realm=\"openHAB\", charset=\"UTF-8\"", page.headers().firstValue("WWW-Authenticate")
                .orElse(""));
        assertEquals(401, get("/beholder/api/channels", null, null).statusCode());
        assertEquals(401, get("/beholder/api/channels", "Authorization", "Bearer " + GUEST_TOKEN).statusCode(),
                "a token without the user or admin role");
        assertEquals(401, get("/beholder/api/channels", "Cookie", "beholder_session=forged").statusCode());
        assertEquals(401, get("/beholder/api/channels", "Authorization", "Bearer oh.unknown").statusCode());
        assertEquals(401, get("/beholder/embed?channel=front", null, null).statusCode(), "the widgets' page");
    }

    @Test
    void anonymousViewingIsOnlyAllowedWhenTheAddOnConfigurationSaysSo() throws Exception {
        factory.modified(Map.of("allowAnonymousViewing", true));
        try {
            HttpResponse<String> channels = get("/beholder/api/channels", null, null);
            assertEquals(200, channels.statusCode());
            assertTrue(channels.body().contains("\"front\""), channels.body());
            assertTrue(channels.headers().firstValue("Set-Cookie").isEmpty(), "no session for nobody");
            assertEquals(200, get("/beholder/embed?channel=front", null, null).statusCode());
            assertValidLiveTs(receive("/ws/beholder?channel=front", new ClientUpgradeRequest()));
            assertEquals(403, upgradeStatus("/ws/beholder?channel=front&accessToken=" + GUEST_TOKEN),
                    "a signed-in user still needs a role");
        } finally {
            factory.modified(Map.of());
        }
        assertEquals(401, get("/beholder/api/channels", null, null).statusCode());
        assertEquals(401, upgradeStatus("/ws/beholder?channel=front"));
    }

    @Test
    void openHabsStringConfigurationValueIsUnderstood() throws Exception {
        // MainUI stores booleans as such, a services/*.cfg file as text.
        factory.modified(Map.of("allowAnonymousViewing", "true"));
        try {
            assertEquals(200, get("/beholder/api/channels", null, null).statusCode());
        } finally {
            factory.modified(Map.of());
        }
    }

    @Test
    void anApiTokenWorksInTheHeader() throws Exception {
        HttpResponse<String> channels = get("/beholder/api/channels", "Authorization", "Bearer " + USER_TOKEN);
        assertEquals(200, channels.statusCode());
        assertTrue(channels.body().contains("\"front\""), channels.body());
        assertTrue(channels.headers().firstValue("Set-Cookie").isEmpty(), "scripts get no session");
    }

    @Test
    void aTokenInTheAddressSignsTheBrowserInAndIsTakenOutOfTheAddress() throws Exception {
        HttpResponse<String> first = get("/beholder/embed?channel=front&accessToken=" + USER_TOKEN, null, null);
        assertEquals(302, first.statusCode());
        String location = first.headers().firstValue("Location").orElseThrow();
        assertTrue(location.endsWith("/beholder/embed?channel=front"), location);
        assertFalse(location.contains(USER_TOKEN));
        String cookie = first.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String session = cookie.substring(0, cookie.indexOf(';'));

        HttpResponse<String> embed = get("/beholder/embed?channel=front", "Cookie", session);
        assertEquals(200, embed.statusCode());
        assertTrue(embed.body().contains("<html") || embed.body().contains("<!DOCTYPE"), "the embed page");
        assertEquals(200, get("/beholder/api/channels/front", "Cookie", session).statusCode());

        ClientUpgradeRequest upgrade = new ClientUpgradeRequest();
        upgrade.setHeader("Cookie", session);
        assertValidLiveTs(receive("/beholder/live?channel=front", upgrade));
    }

    @Test
    void openHabWebSocketPathStreamsToUsersWithTheRole() throws Exception {
        assertValidLiveTs(receive("/ws/beholder?channel=front&accessToken=" + USER_TOKEN, new ClientUpgradeRequest()));
    }

    @Test
    void openHabWebSocketPathRefusesOtherRolesAndUnknownChannels() {
        assertEquals(403, upgradeStatus("/ws/beholder?channel=front&accessToken=" + GUEST_TOKEN));
        assertEquals(404, upgradeStatus("/ws/beholder?channel=garage&accessToken=" + USER_TOKEN));
        assertEquals(401, upgradeStatus("/ws/beholder?channel=front"));
    }

    @Test
    void openHabWebSocketPathRefusesAnotherSitesPage() {
        ClientUpgradeRequest foreign = new ClientUpgradeRequest();
        foreign.setHeader("Origin", "http://evil.example");
        assertEquals(403, upgradeStatus("/ws/beholder?channel=front&accessToken=" + USER_TOKEN, foreign));
    }

    private static void assertValidLiveTs(byte[] ts) {
        TsInspector inspector = new TsInspector();
        inspector.accept(ts);
        inspector.finish();
        assertEquals(List.of(), inspector.problems(), "sync, continuity, PAT/PMT first");
        assertTrue(inspector.firstVideoUnitIsKeyframe());
        assertTrue(inspector.videoUnits() >= 10, "units: " + inspector.videoUnits());
    }

    private static byte[] receive(String path, ClientUpgradeRequest request) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        Session session = client.connect(new WebSocketAdapter() {
            @Override
            public void onWebSocketBinary(byte[] payload, int offset, int length) {
                synchronized (received) {
                    received.write(payload, offset, length);
                }
            }
        }, URI.create("ws://127.0.0.1:" + port() + path), request).get(10, TimeUnit.SECONDS);
        Thread.sleep(2000);
        session.close();
        synchronized (received) {
            return received.toByteArray();
        }
    }

    private static int upgradeStatus(String path) {
        return upgradeStatus(path, new ClientUpgradeRequest());
    }

    private static int upgradeStatus(String path, ClientUpgradeRequest request) {
        ExecutionException failed = assertThrows(ExecutionException.class, () -> client.connect(new WebSocketAdapter(),
                URI.create("ws://127.0.0.1:" + port() + path), request).get(10, TimeUnit.SECONDS));
        return failed.getCause() instanceof UpgradeException upgrade ? upgrade.getResponseStatusCode() : -1;
    }

    private static HttpResponse<String> get(String path, String header, String value) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path));
        if (header != null) {
            request.header(header, value);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * What openHAB's CommonWebSocketServlet does: 401 when the AuthFilter gives no context, else the adapter named
     * by the path with the context, openHAB's anonymous one included.
     */
    private static final class OpenHabWebSocketServlet extends WebSocketServlet {
        private static final long serialVersionUID = 1L;
        private final transient BeholderWebSocketAdapter adapter;

        OpenHabWebSocketServlet(BeholderWebSocketAdapter adapter) {
            this.adapter = adapter;
        }

        @Override
        public void configure(WebSocketServletFactory factory) {
            factory.setCreator((request, response) -> {
                SecurityContext context = AUTH.getSecurityContext(request.getHttpServletRequest(), true);
                if (context == null) {
                    try {
                        response.sendError(401, "authentication required");
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                }
                String id = request.getRequestPath().substring("/ws/".length());
                return adapter.getId().equals(id) ? adapter.createWebSocket(request, response, context) : null;
            });
        }
    }
}
