package org.beholder.core.internal.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.beholder.core.store.EventStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event database's schema and the runner that brings a database up to it. The version lives in
 * {@code PRAGMA user_version} (0 for a new file).
 */
public final class Schema {
    private static final Logger logger = LoggerFactory.getLogger(Schema.class);

    /**
     * Version 1: one table for every event type, the indexes the searches use, and {@code store_facts}: figures
     * the store would otherwise scan the table for at every open ({@code longest_ms}, the longest span of an ended
     * event).
     */
    public static final Migration V1 = Migration.ofStatements(1, "events table", List.of("""
            CREATE TABLE events (
                id TEXT PRIMARY KEY NOT NULL,
                channel TEXT NOT NULL,
                type TEXT NOT NULL,
                label TEXT,
                score REAL,
                start_ms INTEGER NOT NULL,
                end_ms INTEGER,
                zones TEXT NOT NULL DEFAULT '',
                box_x REAL,
                box_y REAL,
                box_w REAL,
                box_h REAL,
                thumbnail TEXT,
                recording_id TEXT,
                recording_offset_ms INTEGER,
                stationary INTEGER NOT NULL DEFAULT 0,
                details TEXT NOT NULL DEFAULT '{}'
            )""",
            "CREATE INDEX events_by_start ON events (start_ms, end_ms)",
            "CREATE INDEX events_by_channel ON events (channel, start_ms, end_ms)",
            "CREATE INDEX events_by_type ON events (type, start_ms, end_ms)",
            "CREATE INDEX events_by_label ON events (label, start_ms, end_ms)",
            "CREATE INDEX events_by_recording ON events (recording_id) WHERE recording_id IS NOT NULL",
            "CREATE INDEX events_ongoing ON events (start_ms) WHERE end_ms IS NULL",
            "CREATE TABLE store_facts (name TEXT PRIMARY KEY NOT NULL, value INTEGER NOT NULL)"));

    /** Raises a fact that only grows, e.g. {@code longest_ms}. */
    public static final String RAISE_FACT = "INSERT INTO store_facts (name, value) VALUES (?, ?) ON CONFLICT (name) "
            + "DO UPDATE SET value = max(value, excluded.value)";

    /** Every step, in order; the last one's version is what this Beholder writes. */
    public static final List<Migration> MIGRATIONS = List.of(V1);

    private Schema() {
    }

    public static int latestVersion(List<Migration> migrations) {
        return migrations.isEmpty() ? 0 : migrations.get(migrations.size() - 1).version();
    }

    public static int version(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("PRAGMA user_version")) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    /**
     * Runs every step newer than the database's version, each once, in order.
     *
     * @return the steps that ran
     * @throws EventStoreException when the database was written by a newer schema than {@code migrations} know
     */
    public static int migrate(Connection connection, Path file, List<Migration> migrations) throws SQLException {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migrations must be numbered 1, 2, 3 … in order");
            }
        }
        int latest = latestVersion(migrations);
        int current = version(connection);
        if (current > latest) {
            throw new EventStoreException("The event database " + file + " was written by a newer Beholder (schema "
                    + "version " + current + "; this one knows up to " + latest + "). Update Beholder, or move the "
                    + "file away to start a new event history.");
        }
        int ran = 0;
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            for (Migration migration : migrations.subList(current, migrations.size())) {
                try {
                    migration.apply(connection);
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("PRAGMA user_version = " + migration.version());
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw new EventStoreException("Could not bring the event database " + file + " to schema "
                            + "version " + migration.version() + " (" + migration.description() + "): " + e, e);
                }
                logger.info("Event database {} is now at schema version {} ({})", file, migration.version(),
                        migration.description());
                ran++;
            }
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        return ran;
    }
}
