package org.beholder.core.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.sqlite.SQLiteConfig;

/**
 * Connections to the event database, made through sqlite-jdbc's own classes rather than {@code DriverManager}
 * (which looks drivers up by class loader and finds none inside OSGi).
 */
public final class Connections {
    /** How long a connection waits for another's lock before it fails. */
    public static final int BUSY_TIMEOUT_MS = 10_000;

    private Connections() {
    }

    /** WAL journal, synchronous=NORMAL: a crash of the process loses no commit; a power cut may lose the last. */
    public static Connection open(Path file, boolean readOnly) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        Connection connection = config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        if (readOnly) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA query_only = true");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }
}
