package org.beholder.standalone.internal.admin;

import java.io.IOException;
import java.util.function.UnaryOperator;

/** The page's settings in memory and on disk, changed one whole update at a time (users and cameras share it). */
public final class SavedSettings {
    private final SettingsFile file;
    private SettingsFile.Settings current;

    public SavedSettings(SettingsFile file) throws IOException {
        this.file = file;
        this.current = file.load();
    }

    public synchronized SettingsFile.Settings current() {
        return current;
    }

    /** Saves the changed settings; they become current only once they are on disk. */
    public synchronized void update(UnaryOperator<SettingsFile.Settings> change) throws IOException {
        SettingsFile.Settings next = change.apply(current);
        file.save(next);
        current = next;
    }
}
