package org.beholder.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.beholder.core.Beholder;
import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.beholder.engine.EngineConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** The cross-camera review list over a real event history, through a real Jetty. */
class ReviewApiTest {
    @TempDir
    static Path data;
    private static final HttpClient http = HttpClient.newHttpClient();
    private static final Instant T = Instant.now().minusSeconds(600);
    private static Beholder beholder;
    private static JettyFixture server;

    @BeforeAll
    static void start() throws Exception {
        beholder = new Beholder(EngineConfig.of(data.resolve("recordings")), InstantSource.system(), data);
        server = new JettyFixture(beholder);
        record("front", 0, EventType.OBJECT, object("person", 0.9));
        record("front", 10, EventType.OBJECT, object("car", 0.6));
        record("yard", 20, EventType.MOTION, Map.of("phase", "start", "zone", "gate", "level", 0.2));
        record("yard", 30, EventType.OBJECT, object("person", 0.7));
        record("yard", 40, EventType.QR, Map.of("text", "parcel"));
        beholder.eventStore().orElseThrow().flush();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        beholder.close();
    }

    private static Map<String, Object> object(String label, double score) {
        return Map.of("label", label, "score", score, "box", Map.of("x", 0.1, "y", 0.2, "width", 0.3, "height",
                0.4), "counts", Map.of(label, 1));
    }

    private static void record(String channel, int second, EventType type, Map<String, Object> details) {
        beholder.journal().record(NvrEvent.of(type, channel, T.plusSeconds(second), details));
    }

    private static HttpResponse<String> get(String query) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.base() + "/beholder/api/review" + query))
                .header("Authorization", JettyFixture.authorization()).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject page(String query) throws Exception {
        HttpResponse<String> answer = get(query);
        assertEquals(200, answer.statusCode(), answer.body());
        return JsonParser.parseString(answer.body()).getAsJsonObject();
    }

    private static List<String> texts(JsonObject page, String field) {
        List<String> out = new ArrayList<>();
        for (JsonElement item : page.getAsJsonArray("events")) {
            JsonElement value = item.getAsJsonObject().get(field);
            out.add(value == null || value.isJsonNull() ? null : value.getAsString());
        }
        return out;
    }

    @Test
    void everyCameraNewestFirstAndEachFilter() throws Exception {
        JsonObject all = page("");
        assertEquals(List.of("qr", "object", "motion", "object", "object"), texts(all, "type"), "newest first");
        JsonObject person = all.getAsJsonArray("events").get(1).getAsJsonObject();
        assertEquals("person", person.get("label").getAsString());
        assertEquals(0.7, person.get("score").getAsDouble(), 1e-9);
        assertEquals(0.3, person.getAsJsonObject("box").get("width").getAsDouble(), 1e-9);
        assertTrue(person.get("thumbnailUrl").isJsonNull());

        assertEquals(List.of("yard", "front"), texts(page("?label=person"), "channel"));
        assertEquals(List.of("qr", "object", "motion"), texts(page("?channel=yard"), "type"));
        assertEquals(List.of("motion"), texts(page("?type=motion"), "type"));
        assertEquals(List.of("gate"), List.of(page("?zone=gate").getAsJsonArray("events").get(0).getAsJsonObject()
                .getAsJsonArray("zones").get(0).getAsString()));
        assertEquals(List.of("front"), texts(page("?type=object&minScore=0.8"), "channel"));
        assertEquals(List.of("car", "person"), texts(page("?channel=front&label=car&label=person"), "label"));
    }

    @Test
    void pagesFollowOneAnotherWithoutGapsOrRepeats() throws Exception {
        List<String> ids = new ArrayList<>();
        String next = "";
        do {
            JsonObject page = page("?limit=2" + (next.isEmpty() ? "" : "&page=" + next));
            ids.addAll(texts(page, "id"));
            next = page.get("next") == null || page.get("next").isJsonNull() ? "" : page.get("next").getAsString();
        } while (!next.isEmpty());
        assertEquals(texts(page(""), "id"), ids);
    }

    @Test
    void badParametersAreClearErrors() throws Exception {
        assertEquals(400, get("?limit=0").statusCode());
        assertEquals(400, get("?minScore=2").statusCode());
        assertEquals(400, get("?page=not-a-page").statusCode());
        assertEquals(400, get("?from=yesterday").statusCode());
        JsonArray none = page("?label=giraffe").getAsJsonArray("events");
        assertEquals(0, none.size());
    }
}
