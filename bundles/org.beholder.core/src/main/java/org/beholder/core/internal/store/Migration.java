package org.beholder.core.internal.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One step of the event database's schema: from {@code version - 1} to {@code version}. Steps run in one
 * transaction each, together with setting {@code PRAGMA user_version}, so a crash leaves the database at the old
 * version or the new, never between.
 */
public interface Migration {
    int version();

    String description();

    void apply(Connection connection) throws SQLException;

    /** A step made of plain SQL statements. */
    static Migration ofStatements(int version, String description, List<String> statements) {
        return new Migration() {
            @Override
            public int version() {
                return version;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public void apply(Connection connection) throws SQLException {
                try (Statement statement = connection.createStatement()) {
                    for (String sql : statements) {
                        statement.execute(sql);
                    }
                }
            }
        };
    }
}
