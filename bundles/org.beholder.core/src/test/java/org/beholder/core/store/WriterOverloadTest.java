package org.beholder.core.store;

import static org.beholder.core.store.StoreFixtures.T0;
import static org.beholder.core.store.StoreFixtures.motion;
import static org.beholder.core.store.StoreFixtures.object;
import static org.beholder.core.store.StoreFixtures.recording;
import static org.beholder.core.store.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

import org.beholder.core.internal.store.Connections;
import org.beholder.core.internal.store.EventWriter;
import org.beholder.core.internal.store.Schema;
import org.beholder.core.internal.store.Thumbnails;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer that falls behind drops the least valuable waiting writes, oldest first, and never a recording or an
 * end. The writer is held still by a command that waits for the test, so the queue's content is exact.
 */
class WriterOverloadTest {
    @TempDir
    Path data;

    @Test
    void aFullQueueDropsStatusThenMotionThenObjectsButNeverRecordingsOrEnds() throws Exception {
        Path file = data.resolve("events.db");
        try (Connection connection = Connections.open(file, false)) {
            Schema.migrate(connection, file, Schema.MIGRATIONS);
            EventWriter writer = new EventWriter(connection, new Thumbnails(data.resolve("thumbnails")), 4, 100,
                    new AtomicLong());
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            writer.submit(c -> {
                holding.countDown();
                release.await();
                return null;
            });
            holding.await(); // the writer is busy: everything below waits in the queue

            writer.put(status("s1", "porch", T0), null);
            writer.put(motion("m1", "porch", "door", T0, null), null);
            writer.put(object("o1", "porch", "car", 0.5, T0, T0), null);
            writer.put(status("s2", "porch", T0), null); // full: [s1, m1, o1, s2]
            writer.put(recording("r1", "porch", T0, null), null); // s1 goes
            writer.put(object("o2", "porch", "car", 0.5, T0, T0), null); // s2 goes
            writer.put(status("s3", "porch", T0), null); // itself the least valuable: dropped
            writer.end("m1", T0 + 1_000L); // m1 goes (its end stays, and changes nothing)
            writer.put(recording("r2", "porch", T0, null), null); // o1 goes, the oldest object
            writer.put(recording("r3", "porch", T0, null), null); // o2 goes
            writer.end("recording-r1", T0 + 2_000L); // nothing left to drop: the queue grows
            release.countDown();
            writer.submit(c -> null).join();

            assertEquals(List.of("recording-r1", "recording-r2", "recording-r3"), ids(connection));
            assertEquals(Map.of("status", 3L, "motion", 1L, "object", 2L), writer.dropped());
            assertEquals(5, writer.committed(), "3 recordings and 2 ends");
            writer.close();
            assertThrows(IllegalStateException.class, () -> writer.put(status("late", "porch", T0), null));
        }
        try (EventStore store = EventStore.open(new EventStoreOptions(file, data.resolve("thumbnails"),
                data.resolve("native"), 4, 100), InstantSource.system())) {
            assertEquals(T0 + 2_000L, store.get("recording-r1").orElseThrow().endMs());
            assertEquals(Map.of(), store.droppedWrites());
        }
    }

    private static List<String> ids(Connection connection) throws Exception {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT id FROM events ORDER BY id")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }
}
