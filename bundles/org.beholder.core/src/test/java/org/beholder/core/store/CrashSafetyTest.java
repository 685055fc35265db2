package org.beholder.core.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILL in the middle of a write burst, four times over on the same data folder: the database always opens,
 * passes {@code integrity_check}, and holds at least every event the killed writer had seen committed.
 */
class CrashSafetyTest {
    /** After how many committed bursts each child is killed (it is always in the middle of the next one). */
    private static final int[] KILL_AFTER_BURSTS = {1, 3, 7, 12};

    @TempDir
    Path data;

    @Test
    void sigkillDuringAWriteBurstLosesNoCommittedEvent() throws Exception {
        long committedByEarlierRuns = 0;
        for (int run = 0; run < KILL_AFTER_BURSTS.length; run++) {
            long committed = writeAndKill("run" + run, KILL_AFTER_BURSTS[run]);
            assertTrue(committed > 0, "the child wrote before it was killed");
            committedByEarlierRuns += committed;
            Path file = data.resolve("events").resolve("events.db");
            assertTrue(Files.size(Path.of(file + "-wal")) > 0, "killed with a write-ahead log to recover");
            try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
                    Statement statement = connection.createStatement()) {
                assertEquals("ok", single(statement, "PRAGMA integrity_check"));
                long stored = Long.parseLong(single(statement, "SELECT count(*) FROM events"));
                System.out.printf("run %d: killed after %d reported commits; %d events stored%n", run,
                        committedByEarlierRuns, stored);
                assertTrue(stored >= committedByEarlierRuns, "run " + run + ": " + stored + " stored, "
                        + committedByEarlierRuns + " reported committed");
                assertEquals("0", single(statement, "SELECT count(*) FROM events WHERE type = 'object' AND "
                        + "thumbnail IS NULL"), "every object was stored with its thumbnail");
            }
        }
        // each child swept the native libraries the ones before it left: only the last one's remain
        try (Stream<Path> files = Files.list(data.resolve("events").resolve("native"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
            assertEquals(2, names.size(), names.toString());
            assertTrue(names.get(0).endsWith("libsqlitejdbc.so") && names.get(1).endsWith(".lck"), names.toString());
        }
        try (EventStore store = StoreFixtures.open(data)) {
            long stored = store.count(EventQuery.all());
            assertTrue(stored >= committedByEarlierRuns);
            for (StoredEvent object : store.search(EventQuery.all().withTypes("object").withLimit(1000)).events()) {
                assertTrue(Files.size(store.thumbnailFile(object).orElseThrow()) > 0, object.id());
            }
            try (Stream<Path> files = Files.walk(data.resolve("thumbnails"))) {
                assertEquals(store.count(EventQuery.all().withTypes("object")),
                        files.filter(Files::isRegularFile).count(), "no orphan or temporary thumbnail left");
            }
        }
    }

    /** Runs a child until it has reported {@code bursts} commits, kills it, returns the last count it reported. */
    private long writeAndKill(String tag, int bursts) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), WriteUntilKilled.class.getName(), data.toString(), tag)
                .redirectError(data.resolve(tag + ".err").toFile()).start();
        List<String> lines = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while (lines.size() < bursts && (line = out.readLine()) != null) {
                lines.add(line);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL, while the next burst is being written: no shutdown hook, no close()
        }
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertTrue(lines.size() >= bursts, "child ended early: " + lines + " "
                + Files.readString(data.resolve(tag + ".err")));
        String last = lines.get(lines.size() - 1);
        return Long.parseLong(last.substring("committed ".length()));
    }

    private static String single(Statement statement, String sql) throws Exception {
        try (ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
