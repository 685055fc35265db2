package org.beholder.core.store;

import static org.beholder.core.store.StoreFixtures.T0;
import static org.beholder.core.store.StoreFixtures.open;
import static org.beholder.core.store.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.beholder.core.internal.store.Migration;
import org.beholder.core.internal.store.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations run once each, in order, each with its version in one transaction; newer databases are refused. */
class SchemaMigrationTest {
    @TempDir
    Path data;

    private Path file() throws Exception {
        Files.createDirectories(data.resolve("events"));
        return data.resolve("events").resolve("events.db");
    }

    /** A fake step that notes in a table of its own that it ran. */
    private static Migration logging(int version) {
        return Migration.ofStatements(version, "fake step " + version, List.of(
                "CREATE TABLE IF NOT EXISTS migration_log (version INTEGER)",
                "INSERT INTO migration_log VALUES (" + version + ")"));
    }

    private static List<Integer> log(Connection connection) throws SQLException {
        List<Integer> versions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT version FROM migration_log ORDER BY rowid")) {
            while (rows.next()) {
                versions.add(rows.getInt(1));
            }
        }
        return versions;
    }

    @Test
    void stepsRunOnceEachInOrderAndAnOldDatabaseGetsOnlyTheNewOnes() throws Exception {
        Path file = file();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(0, Schema.version(connection));
            assertEquals(2, Schema.migrate(connection, file, List.of(logging(1), logging(2))));
            assertEquals(List.of(1, 2), log(connection));
            assertEquals(2, Schema.version(connection));

            assertEquals(0, Schema.migrate(connection, file, List.of(logging(1), logging(2))), "nothing to do");
            assertEquals(3, Schema.migrate(connection, file, List.of(logging(1), logging(2), logging(3), logging(4),
                    logging(5))));
            assertEquals(List.of(1, 2, 3, 4, 5), log(connection));
            assertEquals(5, Schema.version(connection));
        }
    }

    @Test
    void aFailingStepLeavesTheDatabaseAtTheLastGoodVersion() throws Exception {
        Path file = file();
        Migration broken = Migration.ofStatements(3, "broken step", List.of(
                "INSERT INTO migration_log VALUES (3)", "THIS IS NOT SQL"));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            EventStoreException e = assertThrows(EventStoreException.class,
                    () -> Schema.migrate(connection, file, List.of(logging(1), logging(2), broken)));
            assertTrue(e.getMessage().contains("to schema version 3 (broken step)"), e.getMessage());
            assertEquals(2, Schema.version(connection));
            assertEquals(List.of(1, 2), log(connection), "the failed step's insert was rolled back");
        }
    }

    @Test
    void stepsMustBeNumberedWithoutGaps() throws Exception {
        Path file = file();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertThrows(IllegalArgumentException.class,
                    () -> Schema.migrate(connection, file, List.of(logging(1), logging(3))));
        }
    }

    @Test
    void anEmptyFileIsBroughtToTheCurrentSchemaAndKeepsItsEventsOnReopen() throws Exception {
        Path file = file();
        Files.createFile(file); // version 0: an empty database
        try (EventStore store = open(data)) {
            store.put(status("s1", "porch", T0));
        }
        try (EventStore store = open(data); Connection connection = DriverManager.getConnection("jdbc:sqlite:"
                + file)) {
            assertEquals(Schema.latestVersion(Schema.MIGRATIONS), Schema.version(connection));
            assertEquals(1, store.count(EventQuery.all()));
        }
    }

    @Test
    void aDatabaseOfANewerBeholderIsRefusedWithAClearMessage() throws Exception {
        Path file = file();
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = 7");
        }
        EventStoreException e = assertThrows(EventStoreException.class, () -> open(data));
        assertEquals("The event database " + file + " was written by a newer Beholder (schema version 7; this one "
                + "knows up to 1). Update Beholder, or move the file away to start a new event history.",
                e.getMessage());
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(7, Schema.version(connection), "left as it was");
        }
    }
}
