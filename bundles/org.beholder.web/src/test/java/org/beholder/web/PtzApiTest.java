package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.beholder.core.Beholder;
import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.EngineConfig;
import org.beholder.onvif.internal.xml.Xml;
import org.beholder.onvif.testserver.FakeDevice;
import org.beholder.onvif.testserver.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.w3c.dom.Element;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** PTZ through the REST API, against a real Jetty and a fake ONVIF device on loopback. */
class PtzApiTest {
    @TempDir
    static Path data;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static FakeDevice device;
    private static Beholder beholder;
    private static JettyFixture server;

    @BeforeAll
    static void start() throws Exception {
        device = new FakeDevice("admin", "pa55word", Duration.ZERO);
        device.answer("GetServices", Fixtures.filled("GetServices.xml"))
                .answer("GetDeviceInformation", Fixtures.filled("GetDeviceInformation.xml"))
                .answer("GetProfiles", Fixtures.filled("GetProfiles.xml"))
                .answer("GetPresets", Fixtures.filled("ptz.GetPresets.xml"));
        for (String op : List.of("ContinuousMove", "Stop", "GotoPreset", "GotoHomePosition")) {
            device.answer(op, "<s:Envelope xmlns:s=\"http://www.w3.org/2003/05/soap-envelope\"><s:Body><" + op
                    + "Response xmlns=\"http://www.onvif.org/ver20/ptz/wsdl\"/></s:Body></s:Envelope>");
        }
        beholder = new Beholder(EngineConfig.of(data));
        server = new JettyFixture(beholder);
        beholder.addCamera(JettyFixture.camera("porch", "test:?width=160&height=120").credentials("admin", "pa55word")
                .onvif("127.0.0.1", device.deviceService().getPort(), "").build());
        beholder.addCamera(JettyFixture.camera("yard", "test:?width=160&height=120").build());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        beholder.close();
        device.close();
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", JettyFixture.authorization()).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void commandsReachTheCameraAndTheChannelSaysItCanPtz() throws Exception {
        JsonObject channel = JsonParser.parseString(send("GET", "/beholder/api/channels/porch", null).body())
                .getAsJsonObject();
        assertTrue(channel.getAsJsonObject("capabilities").get("ptz").getAsBoolean());
        assertEquals("Mockup Manufacturer", channel.getAsJsonObject("device").get("vendor").getAsString());
        assertNoPassword(send("GET", "/beholder/api/channels", null).body());

        HttpResponse<String> move = send("POST", "/beholder/api/channels/porch/ptz",
                "{\"move\": {\"pan\": 0.5, \"tilt\": -0.5, \"zoom\": 0}}");
        assertEquals(202, move.statusCode(), move.body());
        Element panTilt = Xml.child(device.received("ContinuousMove").get(0).operationElement(), "Velocity",
                "PanTilt").orElseThrow();
        assertEquals("0.5", Xml.attribute(panTilt, "x").orElseThrow());
        assertEquals("-0.5", Xml.attribute(panTilt, "y").orElseThrow());
        assertEquals(202, send("POST", "/beholder/api/channels/porch/ptz", "{\"stop\": true}").statusCode());
        assertEquals(1, device.received("Stop").size());
        assertEquals(202, send("POST", "/beholder/api/channels/porch/ptz", "{\"preset\": \"P003\"}").statusCode());
        assertEquals(1, device.received("GotoPreset").size());
        assertEquals(202, send("POST", "/beholder/api/channels/porch/ptz", "{\"home\": true}").statusCode());

        JsonArray presets = JsonParser.parseString(send("GET", "/beholder/api/channels/porch/ptz/presets", null)
                .body()).getAsJsonArray();
        assertEquals("P001", presets.get(0).getAsJsonObject().get("name").getAsString());
    }

    @Test
    void badCommandsAreClearErrorsAndACameraWithoutPtzSaysSo() throws Exception {
        long sent = ptzRequests();
        assertEquals(400, send("POST", "/beholder/api/channels/porch/ptz", "{\"move\": {\"pan\": 7}}").statusCode());
        assertEquals(400, send("POST", "/beholder/api/channels/porch/ptz", "[1, 2]").statusCode());
        assertEquals(400, send("POST", "/beholder/api/channels/porch/ptz", "{\"dance\": true}").statusCode());
        assertEquals(413, send("POST", "/beholder/api/channels/porch/ptz", "{\"preset\": \"" + "x".repeat(5000)
                + "\"}").statusCode());
        assertEquals(sent, ptzRequests(), "nothing reached the camera");
        HttpResponse<String> none = send("POST", "/beholder/api/channels/yard/ptz", "{\"stop\": true}");
        assertEquals(409, none.statusCode());
        assertTrue(none.body().contains("this camera has no PTZ"), none.body());
        assertEquals("[]", send("GET", "/beholder/api/channels/yard/ptz/presets", null).body());
    }

    /** Requests of PTZ operations (the camera's event subscription keeps making others). */
    private static long ptzRequests() {
        return device.received().stream().filter(r -> List.of("ContinuousMove", "Stop", "GotoPreset",
                "GotoHomePosition", "AbsoluteMove").contains(r.operation())).count();
    }

    private static void assertNoPassword(String body) {
        assertTrue(!body.contains("pa55word"), body);
    }
}
