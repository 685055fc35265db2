package org.beholder.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.beholder.engine.testing.RtspCameraFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openhab.binding.beholder.testing.ThingFixture;
import org.openhab.binding.beholder.testing.TokenAuthFilter;
import org.openhab.core.auth.Role;
import org.openhab.core.io.rest.auth.AuthFilter;
import org.openhab.core.io.websocket.WebSocketAdapter;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.binding.ThingHandler;
import org.openhab.core.thing.binding.ThingHandlerFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.http.runtime.HttpServiceRuntime;

/**
 * Beholder as openHAB runs it, in a real Felix framework with Felix SCR and an HTTP Whiteboard on Jetty 9.4: the
 * bundles resolve and start, the binding's components activate once openHAB's AuthFilter service is there, the
 * handler factory makes an NVR Channel handler that goes ONLINE against the RTSP test camera and reports motion,
 * and the page and REST are mounted behind openHAB's authentication.
 */
class BeholderFrameworkTest {
    private static final String TOKEN = "oh.itest.token";
    private static final ThingTypeUID NVR_CHANNEL = new ThingTypeUID("beholder", "nvr-channel");
    private static final Set<String> BEHOLDER_BUNDLES = Set.of("org.beholder.engine", "org.beholder.analytics",
            "org.beholder.onvif", "org.beholder.core",
            "org.beholder.web", "org.openhab.binding.beholder", "openhab-api-mirror");

    private static final BundleContext CONTEXT = FrameworkUtil.getBundle(BeholderFrameworkTest.class)
            .getBundleContext();
    private static ServiceRegistration<AuthFilter> authFilter;
    private static RtspCameraFixture camera;

    @BeforeAll
    static void openHabServices() throws Exception {
        authFilter = CONTEXT.registerService(AuthFilter.class,
                new TokenAuthFilter(Map.of(TOKEN, new TokenAuthFilter.Account("itest", Role.USER))), null);
        // 8 s of a moving ball, then 8 s of stillness (longer than the 5 s motion hold), over and over.
        camera = RtspCameraFixture.start("--motion-toggle", "8", "--gop", "8");
    }

    @AfterAll
    static void stop() throws Exception {
        camera.close();
        authFilter.unregister();
    }

    @Test
    void everyBeholderBundleIsActive() {
        Map<String, Integer> states = Arrays.stream(CONTEXT.getBundles())
                .filter(b -> BEHOLDER_BUNDLES.contains(b.getSymbolicName()))
                .collect(Collectors.toMap(Bundle::getSymbolicName, Bundle::getState));
        assertEquals(BEHOLDER_BUNDLES, states.keySet());
        states.forEach((name, state) -> assertEquals(Bundle.ACTIVE, state, name + " is active"));
    }

    @Test
    void everyBindingComponentIsSatisfiedAndActivates() throws Exception {
        ThingHandlerFactory factory = service(ThingHandlerFactory.class);
        assertTrue(factory.supportsThingType(NVR_CHANNEL));
        assertNotNull(service(WebSocketAdapter.class), "the /ws/beholder adapter");
        assertEquals("beholder", service(WebSocketAdapter.class).getId());

        ServiceComponentRuntime scr = service(ServiceComponentRuntime.class);
        Bundle binding = bundle("org.openhab.binding.beholder");
        Collection<ComponentDescriptionDTO> components = scr.getComponentDescriptionDTOs(binding);
        assertEquals(Set.of("org.openhab.binding.beholder.internal.BeholderHandlerFactory",
                "org.openhab.binding.beholder.internal.web.BeholderWebSocketAdapter",
                "org.openhab.binding.beholder.internal.handler.NvrChannelActions"),
                components.stream().map(c -> c.name).collect(Collectors.toSet()));
        for (ComponentDescriptionDTO component : components) {
            for (ComponentConfigurationDTO configuration : scr.getComponentConfigurationDTOs(component)) {
                assertTrue(configuration.state == ComponentConfigurationDTO.ACTIVE
                        || configuration.state == ComponentConfigurationDTO.SATISFIED,
                        component.name + " state " + configuration.state + " " + configuration.failure);
            }
        }
        ComponentDescriptionDTO factoryComponent = components.stream()
                .filter(c -> c.name.endsWith("BeholderHandlerFactory")).findFirst().orElseThrow();
        assertEquals(ComponentConfigurationDTO.ACTIVE,
                scr.getComponentConfigurationDTOs(factoryComponent).iterator().next().state);
    }

    @Test
    void nvrChannelGoesOnlineAgainstTheRtspCameraAndReportsMotion() throws Exception {
        ThingHandlerFactory factory = service(ThingHandlerFactory.class);
        ThingFixture thing = new ThingFixture("porch", Map.of("url", camera.url(), "motionThreshold", 0.01));
        ThingHandler handler = factory.registerHandler(thing);
        thing.setHandler(handler);
        handler.setCallback(thing);
        handler.initialize();
        try {
            assertEquals(ThingStatus.UNKNOWN, thing.statuses.get(0).getStatus(), "initialize() returns at once");
            await("ONLINE", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE,
                    () -> thing.lastStatus().toString());
            await("MOTION_START", () -> thing.triggers.contains(new ThingFixture.Trigger("motion-event",
                    "MOTION_START")), () -> thing.triggers.toString());
            assertTrue(thing.states.contains(new ThingFixture.StateUpdate("motion", OnOffType.ON)));
            await("MOTION_STOP", () -> thing.triggers.contains(new ThingFixture.Trigger("motion-event",
                    "MOTION_STOP")), () -> thing.triggers.toString());
            assertFalse(thing.getProperties().getOrDefault("codec", "").isEmpty(), "codec property");

            String base = endpoint();
            HttpClient http = HttpClient.newHttpClient();
            assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(base + "beholder/api/channels")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "openHAB's anonymous user role is not enough");
            HttpResponse<String> channels = http.send(HttpRequest.newBuilder(URI.create(base + "beholder/api/channels"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, channels.statusCode());
            assertTrue(channels.body().contains("\"porch\""), channels.body());
            assertFalse(channels.body().contains("rtsp://"), "no camera URL in answers");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "beholder/"))
                    .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("Beholder"));
            assertLiveStream(http, base.replace("http:", "ws:") + "beholder/live?channel=porch");
        } finally {
            handler.dispose();
            factory.unregisterHandler(thing);
        }
    }

    @Test
    void anonymousRequestsSeeNothingUnlessTheAddOnSettingsAllowAnonymousViewing() throws Exception {
        service(ThingHandlerFactory.class); // the factory is active, its servlets are mounted
        String channels = endpoint() + "beholder/api/channels";
        await("the REST API mounted", () -> statusOf(channels) == 401, () -> "status " + statusOf(channels));
        // What MainUI does when the admin ticks the add-on setting: openHAB stores it under the add-on's PID.
        Configuration settings = service(ConfigurationAdmin.class).getConfiguration("binding.beholder", null);
        settings.update(new Hashtable<>(Map.of("allowAnonymousViewing", true)));
        try {
            await("anonymous viewing", () -> statusOf(channels) == 200, () -> "status " + statusOf(channels));
        } finally {
            settings.delete();
        }
        await("anonymous refused again", () -> statusOf(channels) == 401, () -> "status " + statusOf(channels));
    }

    @Test
    void aRestartedBindingGetsItsDataFolderBackAndGoesOnline() throws Exception {
        Bundle binding = bundle("org.openhab.binding.beholder");
        service(ThingHandlerFactory.class);
        binding.stop(); // deactivates the factory, which must release <userdata>/beholder
        binding.start();
        ThingHandlerFactory factory = service(ThingHandlerFactory.class);
        ThingFixture thing = new ThingFixture("garden", Map.of("url", camera.url()));
        ThingHandler handler = factory.registerHandler(thing);
        thing.setHandler(handler);
        handler.setCallback(thing);
        handler.initialize();
        try {
            await("ONLINE after the restart", () -> thing.lastStatus().getStatus() == ThingStatus.ONLINE,
                    () -> thing.lastStatus().toString());
        } finally {
            handler.dispose();
            factory.unregisterHandler(thing);
        }
    }

    private static int statusOf(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    /** The page's live path serves MPEG-TS (PAT first, 188-byte packets) through the whiteboard's Jetty. */
    private static void assertLiveStream(HttpClient http, String url) throws Exception {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        WebSocket socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + TOKEN)
                .buildAsync(URI.create(url), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                        byte[] bytes = new byte[data.remaining()];
                        data.get(bytes);
                        synchronized (received) {
                            received.writeBytes(bytes);
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        Thread.sleep(2000);
        socket.abort();
        byte[] ts;
        synchronized (received) {
            ts = received.toByteArray();
        }
        assertTrue(ts.length >= 20 * 188, "live bytes: " + ts.length);
        assertEquals(0, ts.length % 188, "whole TS packets");
        assertEquals(0x47, ts[0] & 0xff, "sync byte");
        assertEquals(0, ((ts[1] & 0x1f) << 8) | (ts[2] & 0xff), "the PAT comes first");
    }

    /** The whiteboard's address, e.g. http://127.0.0.1:41234/ (the port is chosen by the system). */
    private static String endpoint() {
        ServiceReference<HttpServiceRuntime> reference = CONTEXT.getServiceReference(HttpServiceRuntime.class);
        assertNotNull(reference, "HTTP Whiteboard runtime");
        Object endpoints = reference.getProperty("osgi.http.endpoint");
        String first = endpoints instanceof String[] list ? list[0]
                : endpoints instanceof Collection<?> list ? String.valueOf(list.iterator().next())
                        : String.valueOf(endpoints);
        return first.endsWith("/") ? first : first + "/";
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            ServiceReference<T> reference = CONTEXT.getServiceReference(type);
            if (reference != null) {
                return CONTEXT.getService(reference);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no " + type.getName() + " service");
    }

    private static Bundle bundle(String symbolicName) {
        return Arrays.stream(CONTEXT.getBundles()).filter(b -> symbolicName.equals(b.getSymbolicName())).findFirst()
                .orElseThrow();
    }

    private static void await(String what, BooleanSupplier condition, Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + what + " within 40 s: " + state.get());
            }
            Thread.sleep(100);
        }
    }
}
