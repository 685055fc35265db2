package org.beholder.standalone.internal.admin;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * {@code <data>/settings.json}: the users and cameras made in the page. Written whole and atomically: a new file
 * next to it, flushed to the disk ({@code fsync}), renamed over the old one and the folder flushed, so that a
 * crash or {@code kill -9} at any moment leaves either the old or the new file, never a mix. The file holds
 * password hashes and camera passwords: it is readable by its owner only where the file system has permissions.
 * <pre>
 * {"version": 1, "users": [{"name", "passwordHash", "role"}], "channels": [{channel entry as in beholder.yml}]}
 * </pre>
 */
public final class SettingsFile {
    static final String NAME = "settings.json";
    private static final String TEMP_PREFIX = NAME + ".new-";
    static final int VERSION = 1;

    /** What the file holds; each channel entry is the JSON object the page sent (password included). */
    public record Settings(List<SavedUser> users, List<JsonObject> channels) {
        public static final Settings EMPTY = new Settings(List.of(), List.of());

        public Settings {
            users = List.copyOf(users);
            channels = channels.stream().map(JsonObject::deepCopy).toList();
        }
    }

    /** A user made in the page. */
    public record SavedUser(String name, String passwordHash, boolean admin) {
    }

    private final Path file;

    public SettingsFile(Path dataDir) {
        this.file = dataDir.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The saved settings, {@link Settings#EMPTY} when nothing was saved yet; leftovers of a crash are removed. */
    public Settings load() throws IOException {
        removeLeftovers();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Settings.EMPTY;
        }
        try {
            JsonObject root = JsonParser.parseString(text).getAsJsonObject();
            List<SavedUser> users = new ArrayList<>();
            for (JsonElement user : array(root, "users")) {
                JsonObject u = user.getAsJsonObject();
                users.add(new SavedUser(u.get("name").getAsString(), u.get("passwordHash").getAsString(),
                        "admin".equals(u.get("role").getAsString())));
            }
            List<JsonObject> channels = new ArrayList<>();
            for (JsonElement channel : array(root, "channels")) {
                channels.add(channel.getAsJsonObject());
            }
            return new Settings(users, channels);
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IOException(file + " is not a settings file Beholder wrote (" + e.getClass().getSimpleName()
                    + "); move it away to start without the page's settings");
        }
    }

    private static JsonArray array(JsonObject root, String key) {
        JsonElement value = root.get(key);
        return value == null ? new JsonArray() : value.getAsJsonArray();
    }

    /** Replaces the file with these settings, atomically and durably; on failure the old file stays. */
    public synchronized void save(Settings settings) throws IOException {
        byte[] bytes = toJson(settings).getBytes(StandardCharsets.UTF_8);
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(TEMP_PREFIX + UUID.randomUUID());
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ownerOnly(temp);
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
        syncFolder();
    }

    static String toJson(Settings settings) {
        JsonObject root = new JsonObject();
        root.addProperty("version", VERSION);
        JsonArray users = new JsonArray();
        for (SavedUser user : settings.users()) {
            JsonObject u = new JsonObject();
            u.addProperty("name", user.name());
            u.addProperty("passwordHash", user.passwordHash());
            u.addProperty("role", user.admin() ? "admin" : "viewer");
            users.add(u);
        }
        root.add("users", users);
        JsonArray channels = new JsonArray();
        settings.channels().forEach(channels::add);
        root.add("channels", channels);
        return root.toString();
    }

    private static void ownerOnly(Path path) {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: its own permissions apply
        }
    }

    /** The rename is durable only once the folder's entry is on disk (Linux: fsync on the folder). */
    private void syncFolder() {
        try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
            folder.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some systems cannot open or flush a folder; the rename itself is still atomic
        }
    }

    private void removeLeftovers() throws IOException {
        if (!Files.isDirectory(file.getParent())) {
            return;
        }
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(file.getParent(), TEMP_PREFIX + "*")) {
            for (Path temp : temps) {
                try {
                    Files.deleteIfExists(temp);
                } catch (FileSystemException e) {
                    // another process's? leave it
                }
            }
        }
    }
}
