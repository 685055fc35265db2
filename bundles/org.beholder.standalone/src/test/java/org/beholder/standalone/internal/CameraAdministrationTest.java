package org.beholder.standalone.internal;

import static org.beholder.standalone.internal.AdminHttp.error;
import static org.beholder.standalone.internal.AdminHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelState;
import org.beholder.engine.testing.Waits;
import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.config.ConfigLoader;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

/**
 * Cameras managed through the API on the real standalone server: added cameras go online and leave cleanly,
 * every mistake is a 400 naming the key with nothing saved, passwords are write-only, beholder.yml's cameras win.
 */
class CameraAdministrationTest {
    private static final String SECRET = "camera-s3cret-pw";
    private static final String SOURCE = "test:?width=320&height=240&fps=15&gop=15";

    private static Main.Running start(Path data) throws Exception {
        StandaloneConfig config = ConfigLoader.parse("defaults", new java.io.StringReader(""), data)
                .withOverrides("127.0.0.1", 0, data).withUsersAndCameras(List.of(new StandaloneConfig.User("alice",
                        PasswordHash.hash("wonderland".toCharArray()))),
                        List.of(CameraSettings.builder("garden", SOURCE).build()));
        return Main.start(config);
    }

    private static AdminHttp admin(Main.Running running) throws Exception {
        AdminHttp admin = new AdminHttp(running.server.port());
        assertEquals(200, admin.login("alice", "wonderland").statusCode());
        return admin;
    }

    private static String door(String extra) {
        return "{\"id\":\"door\",\"label\":\"Front door\",\"url\":\"" + SOURCE + "\",\"username\":\"cam\","
                + "\"password\":\"" + SECRET + "\"" + extra + "}";
    }

    private static void awaitOnline(Main.Running running, String id) throws InterruptedException {
        Waits.until(Duration.ofSeconds(30), () -> running.beholder.engine().channel(id)
                .map(c -> c.status().state() == ChannelState.ONLINE).orElse(false), () -> id + " online");
    }

    @Test
    void aCameraAddedGoesOnlineIsEditedKeepingItsPasswordAndIsRemovedCleanly(@TempDir Path data) throws Exception {
        AdminHttp admin;
        Main.Running running = start(data);
        try {
            admin = admin(running);
            HttpResponse<String> created = admin.post("/beholder/api/channels", door(",\"preRoll\":\"4s\","
                    + "\"postRoll\":5,\"motion\":false"));
            assertEquals(201, created.statusCode(), created.body());
            awaitOnline(running, "door");
            assertEquals(Duration.ofSeconds(4), running.beholder.camera("door").orElseThrow().settings().preRoll());
            assertTrue(running.beholder.camera("garden").isPresent());
            long gardenChannel = System.identityHashCode(running.beholder.engine().channel("garden").orElseThrow());

            HttpResponse<String> settings = admin.get("/beholder/api/channel-settings");
            JsonObject saved = json(settings).getAsJsonArray().get(1).getAsJsonObject();
            assertEquals("door", saved.get("id").getAsString());
            assertTrue(saved.get("passwordSet").getAsBoolean());
            assertFalse(saved.has("password"));
            assertEquals("5", saved.get("postRoll").toString(), "numbers come back as they were sent");
            assertEquals("false", saved.get("motion").toString());
            assertEquals("file", json(settings).getAsJsonArray().get(0).getAsJsonObject().get("source")
                    .getAsString());

            HttpResponse<String> edited = admin.send("PUT", "/beholder/api/channels/door",
                    "{\"url\":\"" + SOURCE + "\",\"username\":\"cam\",\"preRoll\":\"6s\",\"password\":\"\"}");
            assertEquals(200, edited.statusCode(), edited.body());
            CameraSettings now = running.beholder.camera("door").orElseThrow().settings();
            assertEquals(Duration.ofSeconds(6), now.preRoll());
            assertEquals(SECRET, now.password(), "an empty password keeps the saved one");
            assertTrue(Files.readString(data.resolve("settings.json")).contains(SECRET));
            assertEquals(gardenChannel, System.identityHashCode(running.beholder.engine().channel("garden")
                    .orElseThrow()), "the other camera was not restarted");
            awaitOnline(running, "door");

            assertEquals(200, admin.send("PUT", "/beholder/api/channels/door", "{\"url\":\"" + SOURCE
                    + "\",\"enabled\":false}").statusCode());
            assertTrue(running.beholder.camera("door").isEmpty(), "disabled: stopped");
            assertEquals(SECRET, savedPassword(data), "an absent password keeps the saved one too");
            assertFalse(json(admin.get("/beholder/api/channel-settings")).getAsJsonArray().get(1)
                    .getAsJsonObject().get("running").getAsBoolean());
            assertEquals(200, admin.send("PUT", "/beholder/api/channels/door", "{\"url\":\"" + SOURCE
                    + "\",\"enabled\":true}").statusCode());
            awaitOnline(running, "door");
        } finally {
            running.stop();
        }
        running = start(data);
        try {
            awaitOnline(running, "door"); // saved: it comes back after a restart
            admin = admin(running);
            assertEquals(200, admin.send("DELETE", "/beholder/api/channels/door", null).statusCode());
            assertTrue(running.beholder.camera("door").isEmpty());
            assertTrue(running.beholder.engine().channel("door").isEmpty());
            assertFalse(Files.readString(data.resolve("settings.json")).contains("door"));
            assertEquals(404, admin.send("DELETE", "/beholder/api/channels/door", null).statusCode());
            assertEquals(404, admin.get("/beholder/api/channels/door").statusCode());
            for (String answer : admin.answers) {
                assertFalse(answer.contains(SECRET), answer);
            }
        } finally {
            running.stop();
        }
    }

    private static String savedPassword(Path data) throws Exception {
        return com.google.gson.JsonParser.parseString(Files.readString(data.resolve("settings.json")))
                .getAsJsonObject().getAsJsonArray("channels").get(0).getAsJsonObject().get("password")
                .getAsString();
    }

    @Test
    void badInputIs400WithTheKeyAndNothingIsSaved(@TempDir Path data) throws Exception {
        Main.Running running = start(data);
        try {
            AdminHttp admin = admin(running);
            record Case(String body, String message) {
            }
            List<Case> cases = List.of(
                    new Case("{\"id\":\"door\",\"url\":\"ftp://camera/stream\",\"password\":\"" + SECRET + "\"}",
                            "url: must start with rtsp://, rtsps://, file:// or test:"),
                    new Case("{\"id\":\"door\",\"url\":\"rtsp://cam:" + SECRET + "@camera/stream\"}",
                            "url: must not contain credentials: give username and password separately"),
                    new Case("{\"id\":\"garden\",\"url\":\"" + SOURCE + "\"}",
                            "id: channel 'garden' is defined in beholder.yml; choose another id or edit the file"),
                    new Case("{\"id\":\"door\",\"url\":\"" + SOURCE + "\",\"motion\":\"maybe\"}",
                            "motion: must be true or false, was 'maybe'"),
                    new Case("{\"id\":\"door\",\"url\":\"" + SOURCE + "\",\"preRoll\":[1]}",
                            "preRoll: must be a single value"),
                    new Case("{\"id\":\"door\",\"url\":\"" + SOURCE + "\",\"preRoll\":\"10m\"}",
                            "preRoll: must be between 1 ms and 2 min, was 10 min"),
                    new Case("{\"id\":\"door\",\"url\":\"" + SOURCE + "\",\"label\":null}",
                            "label: must not be null (leave it out for the default)"),
                    new Case("{\"id\":\"door\",\"url\":\"" + SOURCE + "\",\"colour\":\"red\"}", "unknown key"),
                    new Case("{\"id\":\"door\",\"url\":\"" + SOURCE + "\",\"label\":\"" + "x".repeat(3000) + "\"}",
                            "label: too long (at most 2048 characters)"),
                    new Case("{\"id\":\"../etc\",\"url\":\"" + SOURCE + "\"}", "id: must be 1-64 letters"),
                    new Case("{\"url\":\"" + SOURCE + "\"}", "id: is required"),
                    new Case("\"just a string\"", "the body must be a JSON object"),
                    new Case("{not json", "the body is not valid JSON"));
            for (Case bad : cases) {
                HttpResponse<String> answer = admin.post("/beholder/api/channels", bad.body());
                assertEquals(400, answer.statusCode(), bad.body() + " -> " + answer.body());
                assertTrue(error(answer).startsWith(bad.message()), bad.body() + " -> " + error(answer));
            }
            HttpResponse<String> huge = admin.post("/beholder/api/channels", "{\"id\":\"door\",\"url\":\"" + SOURCE
                    + "\",\"label\":\"" + "x".repeat(70_000) + "\"}");
            assertEquals(413, huge.statusCode(), huge.body());
            assertEquals("the body is larger than 65536 bytes", error(huge));

            assertEquals(201, admin.post("/beholder/api/channels", door("")).statusCode());
            HttpResponse<String> duplicate = admin.post("/beholder/api/channels", door(""));
            assertEquals(400, duplicate.statusCode());
            assertEquals("id: channel 'door' exists already", error(duplicate));
            String before = Files.readString(data.resolve("settings.json"));
            HttpResponse<String> badEdit = admin.send("PUT", "/beholder/api/channels/door",
                    "{\"url\":\"rtsp://\"}");
            assertEquals(400, badEdit.statusCode(), badEdit.body());
            assertEquals(400, admin.send("PUT", "/beholder/api/channels/door", "{\"id\":\"other\",\"url\":\""
                    + SOURCE + "\"}").statusCode(), "the id cannot change");
            assertEquals(before, Files.readString(data.resolve("settings.json")), "nothing saved on error");
            assertEquals(409, admin.send("PUT", "/beholder/api/channels/garden", "{\"url\":\"" + SOURCE + "\"}")
                    .statusCode(), "the file's camera is read-only");
            assertEquals(409, admin.send("DELETE", "/beholder/api/channels/garden", null).statusCode());
            assertEquals(404, admin.send("PUT", "/beholder/api/channels/nope", "{\"url\":\"" + SOURCE + "\"}")
                    .statusCode());
            assertTrue(running.beholder.camera("garden").isPresent());
            assertEquals(List.of("garden", "door"), running.beholder.cameras().stream()
                    .map(c -> c.settings().id()).toList());
            for (String answer : admin.answers) {
                assertFalse(answer.contains(SECRET), answer);
            }
        } finally {
            running.stop();
        }
    }

    @Test
    void testConnectionReportsWhatTheStreamIsWithoutSavingAnything(@TempDir Path data) throws Exception {
        Main.Running running = start(data);
        try {
            AdminHttp admin = admin(running);
            HttpResponse<String> probed = admin.post("/beholder/api/channels/test", door(""));
            assertEquals(200, probed.statusCode(), probed.body());
            JsonObject found = json(probed).getAsJsonObject();
            assertTrue(found.get("ok").getAsBoolean(), probed.body());
            assertEquals("H.264", found.get("codec").getAsString());
            assertEquals(320, found.get("width").getAsInt());
            assertEquals(240, found.get("height").getAsInt());
            assertEquals(15, found.get("gopFrames").getAsInt());
            assertTrue(found.get("fps").getAsDouble() > 0);
            assertTrue(found.get("snapshot").getAsString().startsWith("data:image/jpeg;base64,"));
            assertTrue(running.beholder.camera("door").isEmpty(), "nothing started");
            assertTrue(running.beholder.engine().channel("door").isEmpty());
            assertFalse(Files.exists(data.resolve("settings.json")), "nothing saved");

            HttpResponse<String> bad = admin.post("/beholder/api/channels/test", "{\"url\":\"ftp://x/y\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(error(bad).startsWith("url: must start with rtsp://"), bad.body());
            for (String answer : admin.answers) {
                assertFalse(answer.contains(SECRET), answer);
            }
        } finally {
            running.stop();
        }
    }

    @Test
    void aCameraTheFileDisablesIsNotStartedAndItsIdStaysTheFiles(@TempDir Path data) throws Exception {
        String yaml = "users:\n  - name: alice\n    password: " + PasswordHash.hash("wonderland".toCharArray())
                + "\nchannels:\n  - id: porch\n    url: \"" + SOURCE + "\"\n    enabled: false\n";
        StandaloneConfig config = ConfigLoader.parse("beholder.yml", new java.io.StringReader(yaml), data)
                .withOverrides("127.0.0.1", 0, data);
        Main.Running running = Main.start(config);
        try {
            assertTrue(running.beholder.cameras().isEmpty(), "enabled: false is not started");
            AdminHttp admin = admin(running);
            JsonObject porch = json(admin.get("/beholder/api/channel-settings")).getAsJsonArray().get(0)
                    .getAsJsonObject();
            assertEquals("porch", porch.get("id").getAsString());
            assertEquals("file", porch.get("source").getAsString());
            assertFalse(porch.get("running").getAsBoolean());
            HttpResponse<String> taken = admin.post("/beholder/api/channels", "{\"id\":\"porch\",\"url\":\""
                    + SOURCE + "\"}");
            assertEquals(400, taken.statusCode());
            assertTrue(error(taken).contains("is defined in beholder.yml"), taken.body());
            assertEquals(409, admin.send("PUT", "/beholder/api/channels/porch", "{\"url\":\"" + SOURCE + "\"}")
                    .statusCode());
        } finally {
            running.stop();
        }
    }
}
