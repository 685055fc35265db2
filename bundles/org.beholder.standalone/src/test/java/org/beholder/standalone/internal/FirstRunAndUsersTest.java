package org.beholder.standalone.internal;

import static org.beholder.standalone.internal.AdminHttp.error;
import static org.beholder.standalone.internal.AdminHttp.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.beholder.core.settings.CameraSettings;
import org.beholder.standalone.internal.auth.PasswordHash;
import org.beholder.standalone.internal.config.ConfigLoader;
import org.beholder.standalone.internal.config.StandaloneConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * First run without a file, the first administrator, the login page's endpoints and users with roles, against the
 * real standalone server (embedded Jetty, engine, guard).
 */
class FirstRunAndUsersTest {

    private static StandaloneConfig noFile(Path data) throws Exception {
        return ConfigLoader.parse("defaults", new java.io.StringReader(""), data).withOverrides("127.0.0.1", 0,
                data);
    }

    @Test
    void withoutConfigOrUsersOnlySetUpAndThePageAnswerUntilTheFirstAdministratorExists(@TempDir Path data)
            throws Exception {
        Main.Running running = Main.start(noFile(data));
        try {
            AdminHttp browser = new AdminHttp(running.server.port());
            assertEquals("{\"needed\":true,\"login\":true}", browser.get("/beholder/api/setup").body());
            assertEquals(401, browser.get("/beholder/api/channels").statusCode(), "the API stays closed");
            assertEquals(401, browser.get("/beholder/api/users").statusCode());
            HttpResponse<String> page = browser.get("/beholder/");
            assertEquals(302, page.statusCode(), "to the login page, which asks for the first administrator");
            assertEquals(browser.base + "/beholder/login.html?next=%2Fbeholder%2F", page.headers()
                    .firstValue("Location").orElseThrow());
            for (String file : List.of("/beholder/login.html", "/beholder/js/login.js", "/beholder/app.css",
                    "/beholder/js/app.js")) {
                assertEquals(200, browser.get(file).statusCode(), file + " is served while set-up is needed");
            }

            HttpResponse<String> foreign = browser.send("POST", "/beholder/api/setup",
                    "{\"name\":\"root\",\"password\":\"long enough\"}", "Origin", "http://evil.example");
            assertEquals(403, foreign.statusCode(), foreign.body());
            HttpResponse<String> shortPassword = browser.post("/beholder/api/setup",
                    "{\"name\":\"root\",\"password\":\"short\"}");
            assertEquals(400, shortPassword.statusCode());
            assertEquals("password: must be 8 to 1024 characters long", error(shortPassword));
            assertEquals(400, browser.post("/beholder/api/setup", "{\"name\":\"root\",\"password\":7}")
                    .statusCode(), "wrong type");
            assertEquals(400, browser.post("/beholder/api/setup", "[1,2]").statusCode());
            assertEquals(400, browser.post("/beholder/api/setup", "{\"name\":\"a b\",\"password\":\"long enough\"}")
                    .statusCode(), "a name with a space");
            assertFalse(Files.exists(data.resolve("settings.json")), "nothing saved on error");
            assertNull(browser.cookie);

            HttpResponse<String> created = browser.post("/beholder/api/setup",
                    "{\"name\":\"root\",\"password\":\"correct horse\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertNotNull(browser.cookie, "the new administrator is signed in");
            assertEquals(200, browser.get("/beholder/api/channels").statusCode());
            assertEquals("{\"needed\":false,\"login\":true}", browser.get("/beholder/api/setup").body());

            AdminHttp stranger = new AdminHttp(running.server.port());
            HttpResponse<String> again = stranger.post("/beholder/api/setup",
                    "{\"name\":\"mallory\",\"password\":\"correct horse\"}");
            assertEquals(409, again.statusCode(), "only while no user exists");
            HttpResponse<String> login = stranger.get("/beholder/");
            assertEquals(302, login.statusCode(), "the page needs a login now: to the login page");
            assertTrue(login.headers().firstValue("Location").orElse("").contains("/beholder/login.html?next="));
            assertEquals(401, stranger.get("/beholder/js/app.js").statusCode());
            assertEquals(200, stranger.get("/beholder/login.html").statusCode(), "the login page is for anyone");
            assertEquals(200, stranger.get("/beholder/js/login.js").statusCode());
            assertEquals(200, browser.get("/beholder/js/app.js").statusCode(), "the administrator's session");
            String saved = Files.readString(data.resolve("settings.json"));
            assertTrue(saved.contains("\"name\":\"root\"") && saved.contains("pbkdf2-sha256:")
                    && !saved.contains("correct horse"), saved);
        } finally {
            running.stop();
        }
        Main.Running again = Main.start(noFile(data));
        try {
            AdminHttp browser = new AdminHttp(again.server.port());
            assertEquals("{\"needed\":false,\"login\":true}", browser.get("/beholder/api/setup").body(), "the admin was saved");
            assertEquals(200, browser.login("root", "correct+horse").statusCode());
        } finally {
            again.stop();
        }
    }

    @Test
    void loginSetsTheSessionCookieAndLogoutEndsIt(@TempDir Path data) throws Exception {
        StandaloneConfig config = noFile(data).withUsersAndCameras(List.of(new StandaloneConfig.User("alice",
                PasswordHash.hash("wonderland".toCharArray()))), List.of());
        Main.Running running = Main.start(config);
        try {
            AdminHttp browser = new AdminHttp(running.server.port());
            assertEquals("{\"needed\":false,\"login\":true}", browser.get("/beholder/api/setup").body(), "a user of the file");
            HttpResponse<String> wrong = browser.login("alice", "nope");
            assertEquals(401, wrong.statusCode());
            assertEquals("wrong name or password", error(wrong));
            assertNull(browser.cookie);
            assertEquals(400, browser.post("/beholder/login", "{\"name\":\"alice\"}").statusCode());
            assertEquals(403, browser.send("POST", "/beholder/login", "name=alice&password=wonderland",
                    "Content-Type", "application/x-www-form-urlencoded", "Origin", "http://evil.example")
                    .statusCode());
            assertEquals(405, browser.get("/beholder/login").statusCode());

            HttpResponse<String> login = browser.login("alice", "wonderland");
            assertEquals(200, login.statusCode(), login.body());
            assertEquals("admin", json(login).getAsJsonObject().get("role").getAsString());
            String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
            String id = browser.cookie.substring(browser.cookie.indexOf('=') + 1);
            assertEquals(43, id.length(), "256 random bits, Base64url");
            String session = browser.cookie;
            assertEquals(200, browser.get("/beholder/api/channels").statusCode());

            HttpResponse<String> json = new AdminHttp(running.server.port()).post("/beholder/login",
                    "{\"name\":\"alice\",\"password\":\"wonderland\"}");
            assertEquals(200, json.statusCode(), "JSON works as well as a form");

            HttpResponse<String> logout = browser.post("/beholder/logout", null);
            assertEquals(200, logout.statusCode());
            assertTrue(logout.headers().firstValue("Set-Cookie").orElseThrow().contains("Max-Age=0"));
            browser.cookie = session; // a copy of the old cookie no longer works
            assertEquals(401, browser.get("/beholder/api/channels").statusCode());
        } finally {
            running.stop();
        }
    }

    @Test
    void viewersWatchButEveryAdministrationEndpointAnswers403(@TempDir Path data) throws Exception {
        StandaloneConfig config = noFile(data).withUsersAndCameras(List.of(new StandaloneConfig.User("alice",
                PasswordHash.hash("wonderland".toCharArray()))), List.of(CameraSettings.builder("garden",
                        "test:?width=320&height=240").build()));
        Main.Running running = Main.start(config);
        try {
            AdminHttp admin = new AdminHttp(running.server.port());
            admin.login("alice", "wonderland");
            HttpResponse<String> created = admin.post("/beholder/api/users",
                    "{\"name\":\"vic\",\"password\":\"viewer-pass\",\"role\":\"viewer\"}");
            assertEquals(201, created.statusCode(), created.body());
            assertEquals(400, admin.post("/beholder/api/users",
                    "{\"name\":\"vic\",\"password\":\"viewer-pass\",\"role\":\"viewer\"}").statusCode(), "taken");
            assertEquals(400, admin.post("/beholder/api/users",
                    "{\"name\":\"eve\",\"password\":\"viewer-pass\",\"role\":\"root\"}").statusCode(), "role");
            assertEquals(400, admin.post("/beholder/api/users",
                    "{\"name\":\"alice\",\"password\":\"viewer-pass\"}").statusCode(), "the file's name");
            HttpResponse<String> list = admin.get("/beholder/api/users");
            assertEquals(200, list.statusCode());
            JsonArray users = json(list).getAsJsonArray();
            assertEquals(2, users.size(), list.body());
            assertFalse(list.body().contains("pbkdf2") || list.body().contains("Hash"), list.body());

            AdminHttp viewer = new AdminHttp(running.server.port());
            assertEquals("viewer", json(viewer.login("vic", "viewer-pass")).getAsJsonObject().get("role")
                    .getAsString());
            assertEquals(200, viewer.get("/beholder/api/channels").statusCode(), "viewers watch");
            assertEquals(200, viewer.get("/beholder/api/channels/garden/events").statusCode(), "and review");
            assertEquals(202, viewer.post("/beholder/api/channels/garden/record?seconds=1", null).statusCode(),
                    "a manual recording is part of watching");
            String channel = "{\"id\":\"door\",\"url\":\"test:?width=320&height=240\"}";
            for (HttpResponse<String> refused : List.of(viewer.get("/beholder/api/users"),
                    viewer.post("/beholder/api/users", "{\"name\":\"x1\",\"password\":\"password1\"}"),
                    viewer.send("DELETE", "/beholder/api/users/alice", null),
                    viewer.get("/beholder/api/channel-settings"), viewer.post("/beholder/api/channels", channel),
                    viewer.post("/beholder/api/channels/test", channel),
                    viewer.send("PUT", "/beholder/api/channels/garden", channel),
                    viewer.send("DELETE", "/beholder/api/channels/garden", null))) {
                assertEquals(403, refused.statusCode(), refused.body());
                assertEquals("only administrators may change settings, cameras and users", error(refused));
            }
            assertTrue(running.beholder.camera("garden").isPresent());
            assertFalse(Files.readString(data.resolve("settings.json")).contains("door"));

            assertEquals(409, admin.send("DELETE", "/beholder/api/users/alice", null).statusCode(),
                    "a user of the file");
            assertEquals(404, admin.send("DELETE", "/beholder/api/users/nobody", null).statusCode());
            assertEquals(200, admin.send("DELETE", "/beholder/api/users/vic", null).statusCode());
            assertEquals(401, viewer.get("/beholder/api/channels").statusCode(), "the deleted user's session ends");
            assertEquals(401, viewer.login("vic", "viewer-pass").statusCode());
        } finally {
            running.stop();
        }
    }

    @Test
    void theLastAdministratorCannotBeDeleted(@TempDir Path data) throws Exception {
        Main.Running running = Main.start(noFile(data));
        try {
            AdminHttp root = new AdminHttp(running.server.port());
            assertEquals(201, root.post("/beholder/api/setup", "{\"name\":\"root\",\"password\":\"first-admin\"}")
                    .statusCode());
            HttpResponse<String> last = root.send("DELETE", "/beholder/api/users/root", null);
            assertEquals(409, last.statusCode());
            assertEquals("'root' is the last administrator and cannot be deleted", error(last));
            assertEquals(201, root.post("/beholder/api/users",
                    "{\"name\":\"second\",\"password\":\"second-admin\",\"role\":\"admin\"}").statusCode());
            assertEquals(200, root.send("DELETE", "/beholder/api/users/root", null).statusCode(),
                    "another administrator is left");
            AdminHttp second = new AdminHttp(running.server.port());
            assertEquals(200, second.login("second", "second-admin").statusCode());
            List<String> names = json(second.get("/beholder/api/users")).getAsJsonArray().asList().stream()
                    .map(JsonElement::getAsJsonObject).map(u -> u.get("name").getAsString()).toList();
            assertEquals(List.of("second"), names);
        } finally {
            running.stop();
        }
    }

    /** {@code java … Main} with no option but a free port and an empty data folder: it starts and asks for set-up. */
    @Test
    void theCommandWithoutAnyConfigStartsAndAsksForTheFirstAdministrator(@TempDir Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process beholder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--port", "0", "--data",
                data.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(beholder.getInputStream(),
                    StandardCharsets.UTF_8));
            String base = null;
            boolean asksForSetUp = false;
            String line;
            while ((line = out.readLine()) != null && !asksForSetUp) {
                Matcher open = Pattern.compile("open (http://127\\.0\\.0\\.1:\\d+)/beholder/").matcher(line);
                if (open.find()) {
                    base = open.group(1);
                }
                asksForSetUp = line.contains("No users yet");
            }
            assertTrue(base != null && asksForSetUp, "address and set-up printed");
            Thread.ofVirtual().start(() -> out.lines().forEach(l -> { }));
            AdminHttp browser = new AdminHttp(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)));
            assertEquals("{\"needed\":true,\"login\":true}", browser.get("/beholder/api/setup").body());
            assertEquals(201, browser.post("/beholder/api/setup", "{\"name\":\"root\",\"password\":\"first-admin\"}")
                    .statusCode());
            assertEquals(200, browser.get("/beholder/api/channels").statusCode());
            assertTrue(Files.exists(data.resolve("settings.json")));
        } finally {
            beholder.destroyForcibly();
            beholder.waitFor();
        }
    }
}
