package org.beholder.standalone.internal.admin;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;

/**
 * The child process of {@link SettingsFileKillTest}: saves version 1, 2, 3, … of the settings, each with as many
 * users and cameras as its number and a large camera label, and prints "saved N" after each save, until killed.
 */
public final class SettingsWriter {
    private SettingsWriter() {
    }

    public static void main(String[] args) throws Exception {
        SettingsFile file = new SettingsFile(Path.of(args[0]));
        for (int version = 1;; version++) {
            file.save(version(version));
            System.out.println("saved " + version);
            System.out.flush();
        }
    }

    /** Settings number n: users u1..un and cameras c1..cn, every camera's label n repeated to ~8 KiB. */
    static SettingsFile.Settings version(int n) {
        List<SettingsFile.SavedUser> users = new ArrayList<>();
        List<JsonObject> channels = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            users.add(new SettingsFile.SavedUser("u" + i, "pbkdf2-sha256:1000:c2FsdA==:aGFzaA==", i % 2 == 0));
            JsonObject channel = new JsonObject();
            channel.addProperty("id", "c" + i);
            channel.addProperty("url", "test:?width=320&height=240");
            channel.addProperty("label", (n + " ").repeat(2000));
            channels.add(channel);
        }
        return new SettingsFile.Settings(users, channels);
    }
}
