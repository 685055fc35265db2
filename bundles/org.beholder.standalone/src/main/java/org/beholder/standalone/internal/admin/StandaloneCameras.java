package org.beholder.standalone.internal.admin;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beholder.core.Beholder;
import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.Redaction;
import org.beholder.standalone.internal.config.ChannelJson;
import org.beholder.standalone.internal.config.ConfigException;
import org.beholder.web.AdministrationException;
import org.beholder.web.CameraAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The standalone's cameras as the page manages them. Entries are the keys of a beholder.yml channel entry, sent as
 * JSON and read by the same {@link ChannelJson} reader (so every message is core's validator's), saved in
 * {@link SettingsFile} and applied at once: only the changed camera is stopped or started. Cameras of beholder.yml
 * win: their ids cannot be taken and they are read-only here. Camera passwords are write-only: an absent or empty
 * {@code password} in a replacement keeps the saved one, and no answer contains one.
 */
public final class StandaloneCameras implements CameraAdministration {
    private static final Logger logger = LoggerFactory.getLogger(StandaloneCameras.class);
    /** Longer than any URL, label or polygon; the body as a whole is capped by the web bundle. */
    static final int MAX_TEXT_CHARS = 2048;
    /** What the page gets with each entry and may send back; not settings. */
    private static final Set<String> READ_ONLY = Set.of("source", "editable", "passwordSet", "running");

    private final Beholder beholder;
    private final SavedSettings saved;
    private final Set<String> fileIds;
    private final ConnectionProbe probe;

    /** @param fileIds the ids of every camera of beholder.yml, enabled or not */
    public StandaloneCameras(Beholder beholder, SavedSettings saved, List<String> fileIds, ConnectionProbe probe) {
        this.beholder = beholder;
        this.saved = saved;
        this.fileIds = new LinkedHashSet<>(fileIds);
        this.probe = probe;
    }

    /** Starts every saved, enabled camera whose id the file does not use; a broken entry is logged and skipped. */
    public synchronized void startSaved() {
        for (JsonObject entry : saved.current().channels()) {
            try {
                ChannelJson.Entry read = ChannelJson.read(entry.toString());
                String id = read.settings().id();
                if (fileIds.contains(id)) {
                    logger.warn("Camera {} is in beholder.yml and in the page's settings: the file's is used", id);
                } else if (read.enabled()) {
                    beholder.addCamera(read.settings());
                }
            } catch (ConfigException | IOException | RuntimeException e) {
                logger.warn("A camera saved in the page's settings cannot start: {}", Redaction.redact(
                        e.getMessage()));
            }
        }
    }

    @Override
    public synchronized List<Map<String, Object>> cameras() {
        List<Map<String, Object>> cameras = new ArrayList<>();
        for (String id : fileIds) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("id", id);
            view.put("source", "file");
            view.put("editable", false);
            view.put("running", beholder.camera(id).isPresent());
            cameras.add(view);
        }
        for (JsonObject entry : saved.current().channels()) {
            String id = entry.get("id").getAsString();
            if (fileIds.contains(id)) {
                continue;
            }
            JsonObject shown = entry.deepCopy();
            String password = text(shown, "password");
            shown.remove("password");
            Map<String, Object> view = new LinkedHashMap<>();
            // The values as the page sent them (JSON elements, so 5 stays 5 and not 5.0)
            shown.entrySet().forEach(member -> view.put(member.getKey(), member.getValue()));
            view.put("source", "page");
            view.put("editable", true);
            view.put("passwordSet", password != null && !password.isEmpty());
            view.put("running", beholder.camera(id).isPresent());
            cameras.add(view);
        }
        return cameras;
    }

    @Override
    public synchronized String create(String json) throws AdministrationException {
        JsonObject entry = entry(json);
        ChannelJson.Entry read = read(entry);
        String id = read.settings().id();
        if (fileIds.contains(id)) {
            throw AdministrationException.badRequest("id: channel '" + id
                    + "' is defined in beholder.yml; choose another id or edit the file");
        }
        if (find(id) != null || beholder.camera(id).isPresent()) {
            throw AdministrationException.badRequest("id: channel '" + id + "' exists already");
        }
        List<JsonObject> channels = new ArrayList<>(saved.current().channels());
        channels.add(entry);
        save(channels);
        if (read.enabled()) {
            start(read.settings(), () -> save(without(id)));
        }
        return id;
    }

    @Override
    public synchronized void replace(String id, String json) throws AdministrationException {
        if (fileIds.contains(id)) {
            throw new AdministrationException(409, "channel '" + id
                    + "' is defined in beholder.yml and read-only here; edit the file");
        }
        JsonObject old = find(id);
        if (old == null) {
            throw new AdministrationException(404, "channel not found");
        }
        JsonObject entry = entry(json);
        String sentId = text(entry, "id");
        if (sentId != null && !sentId.equals(id)) {
            throw AdministrationException.badRequest("id: cannot be changed (was '" + id
                    + "'); add a new camera and remove this one instead");
        }
        entry.addProperty("id", id);
        String password = text(entry, "password");
        if ((password == null || password.isEmpty()) && text(old, "password") != null) {
            entry.addProperty("password", text(old, "password"));
        }
        ChannelJson.Entry read = read(entry);
        List<JsonObject> channels = new ArrayList<>(saved.current().channels());
        channels.replaceAll(c -> id.equals(text(c, "id")) ? entry : c);
        save(channels);
        beholder.removeCamera(id); // only this camera restarts; its recordings stay
        if (read.enabled()) {
            start(read.settings(), () -> { });
        }
    }

    @Override
    public synchronized void delete(String id) throws AdministrationException {
        if (fileIds.contains(id)) {
            throw new AdministrationException(409, "channel '" + id
                    + "' is defined in beholder.yml and read-only here; remove it from the file");
        }
        if (find(id) == null) {
            throw new AdministrationException(404, "channel not found");
        }
        save(without(id));
        beholder.removeCamera(id);
    }

    @Override
    public Map<String, Object> test(String json) throws AdministrationException {
        JsonObject entry = entry(json);
        String id = text(entry, "id");
        if (id == null || id.isEmpty()) {
            entry.addProperty("id", "test");
        }
        String password = text(entry, "password");
        JsonObject stored = id == null ? null : find(id);
        if ((password == null || password.isEmpty()) && stored != null && text(stored, "password") != null) {
            entry.addProperty("password", text(stored, "password")); // testing a saved camera's edited settings
        }
        return probe.probe(read(entry).settings());
    }

    private interface Undo {
        void run() throws AdministrationException;
    }

    private void start(CameraSettings settings, Undo undo) throws AdministrationException {
        try {
            beholder.addCamera(settings);
        } catch (IOException | RuntimeException e) {
            undo.run();
            throw new AdministrationException(500, "cannot start channel '" + settings.id() + "': "
                    + Redaction.redact(String.valueOf(e.getMessage())));
        }
    }

    private List<JsonObject> without(String id) {
        List<JsonObject> channels = new ArrayList<>(saved.current().channels());
        channels.removeIf(c -> id.equals(text(c, "id")));
        return channels;
    }

    private JsonObject find(String id) {
        return saved.current().channels().stream().filter(c -> id.equals(text(c, "id"))).findFirst().orElse(null);
    }

    private void save(List<JsonObject> channels) throws AdministrationException {
        try {
            saved.update(current -> new SettingsFile.Settings(current.users(), channels));
        } catch (IOException e) {
            throw new AdministrationException(500, "cannot save the settings: " + e.getMessage());
        }
    }

    /** The sent object without the read-only members, every text bounded. */
    private static JsonObject entry(String json) throws AdministrationException {
        JsonElement parsed = JsonParser.parseString(json);
        if (!parsed.isJsonObject()) {
            throw AdministrationException.badRequest("the body must be a JSON object");
        }
        JsonObject entry = parsed.getAsJsonObject();
        READ_ONLY.forEach(entry::remove);
        for (Map.Entry<String, JsonElement> member : entry.entrySet()) {
            if (member.getValue().isJsonNull()) {
                throw AdministrationException.badRequest(member.getKey() + ": must not be null (leave it out for "
                        + "the default)");
            }
            if (longestText(member.getValue()) > MAX_TEXT_CHARS) {
                throw AdministrationException.badRequest(member.getKey() + ": too long (at most " + MAX_TEXT_CHARS
                        + " characters)");
            }
        }
        return entry;
    }

    private static int longestText(JsonElement value) {
        if (value.isJsonPrimitive()) {
            return value.getAsString().length();
        }
        int longest = 0;
        if (value.isJsonArray()) {
            for (JsonElement item : value.getAsJsonArray()) {
                longest = Math.max(longest, longestText(item));
            }
        } else if (value.isJsonObject()) {
            for (Map.Entry<String, JsonElement> member : value.getAsJsonObject().entrySet()) {
                longest = Math.max(longest, Math.max(member.getKey().length(), longestText(member.getValue())));
            }
        }
        return longest;
    }

    private static ChannelJson.Entry read(JsonObject entry) throws AdministrationException {
        try {
            return ChannelJson.read(entry.toString());
        } catch (ConfigException e) {
            throw AdministrationException.badRequest(e.getMessage());
        }
    }

    private static String text(JsonObject entry, String key) {
        JsonElement value = entry.get(key);
        return value == null || !value.isJsonPrimitive() ? null : value.getAsString();
    }
}
