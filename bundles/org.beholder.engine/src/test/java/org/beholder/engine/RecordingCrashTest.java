package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.beholder.engine.testing.MediaChecks;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a recording JVM with SIGKILL at several moments and checks that the next start repairs what it left
 * behind: every segment plays, the playlist lists them all with ENDLIST, and at most about a second of what was
 * recorded before the kill is lost.
 */
class RecordingCrashTest {
    /** Video lost to the kill: the Java buffer not yet handed to the OS (flushed every 0.5 s) plus frames in flight. */
    private static final double MAX_LOST_SECONDS = 1.2;

    /** When the child is killed, as seen from outside through the files it writes. */
    enum KillMoment {
        /**
         * As soon as the recording's playlist exists, before the pre-roll is written: the pre-roll was only in the
         * dead process's RAM, so up to the whole ring may be lost (preRoll plus one GOP, 2 s here).
         */
        RIGHT_AFTER_OPEN,
        /** As soon as the first segment's .part exists: the pre-roll is being written. */
        RIGHT_AFTER_START,
        /** The moment a segment was renamed from .part into place, before the playlist lists it. */
        RIGHT_AFTER_A_SEGMENT_RENAME,
        /** Half way through a segment. */
        MID_SEGMENT
    }

    /** The JVM that gets killed: records the built-in camera until it is killed. */
    public static final class RecordUntilKilled {
        public static void main(String[] args) throws Exception {
            NvrEngine engine = new NvrEngine(EngineConfig.of(Path.of(args[0])));
            NvrChannel channel = engine.add(testChannel());
            while (channel.status().state() != ChannelState.ONLINE || channel.statistics().ringSeconds() < 1.5) {
                Thread.sleep(20);
            }
            channel.record("manual", Duration.ofHours(1));
            System.out.println("RECORDING");
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    static ChannelConfig testChannel() {
        return ChannelConfig.builder("crash", "test:?width=320&height=240&fps=15&gop=15")
                .segmentTarget(Duration.ofSeconds(3)).preRoll(Duration.ofSeconds(1)).build();
    }

    @ParameterizedTest
    @EnumSource(KillMoment.class)
    void sigkillDuringRecordingLeavesARepairablePlayableRecording(KillMoment moment, @TempDir Path data)
            throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), RecordUntilKilled.class.getName(), data.toString())
                .redirectErrorStream(true).redirectOutput(data.resolve("child.log").toFile()).start();
        Instant killedAt;
        try {
            Path channelFolder = data.resolve("crash");
            Duration timeout = Duration.ofSeconds(60);
            switch (moment) {
                case RIGHT_AFTER_OPEN -> awaitFiles(channelFolder, "index.m3u8", 1, timeout, child);
                case RIGHT_AFTER_START -> awaitFiles(channelFolder, ".ts.part", 1, timeout, child);
                case RIGHT_AFTER_A_SEGMENT_RENAME -> {
                    int complete = awaitFiles(channelFolder, ".ts", 1, timeout, child);
                    awaitFiles(channelFolder, ".ts", complete + 1, timeout, child);
                }
                case MID_SEGMENT -> {
                    awaitFiles(channelFolder, ".ts", 1, timeout, child);
                    // half way through the next 3 s segment: longer than a write buffer holds at this bitrate
                    Thread.sleep(1500);
                }
            }
            killedAt = Instant.now();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        }
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));

        Path folder;
        try (Stream<Path> files = Files.walk(data.resolve("crash"))) {
            folder = files.filter(f -> f.getFileName().toString().equals("index.m3u8")).findFirst().orElseThrow()
                    .getParent();
        }
        assertFalse(Files.readString(folder.resolve("index.m3u8")).contains("#EXT-X-ENDLIST"), "left open");
        long bytesBefore = tsBytes(folder);

        try (NvrEngine engine = new NvrEngine(EngineConfig.of(data))) {
            NvrChannel channel = engine.add(testChannel());
            List<Recording> recordings = channel.recordings(Instant.EPOCH, Instant.now());
            assertEquals(1, recordings.size());
            Recording repaired = recordings.get(0);
            assertFalse(repaired.isOpen(), "end time written");
            String playlist = Files.readString(repaired.playlist());
            assertTrue(playlist.contains("#EXT-X-ENDLIST"), playlist);
            List<String> listed = playlist.lines().filter(l -> l.endsWith(".ts")).toList();
            List<String> onDisk;
            try (Stream<Path> files = Files.list(folder)) {
                onDisk = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".ts")).sorted().toList();
            }
            assertEquals(onDisk, listed, "every segment on disk is in the playlist");
            try (Stream<Path> files = Files.list(folder)) {
                assertFalse(files.anyMatch(f -> f.toString().endsWith(".part") || f.toString().endsWith(".tmp")),
                        "partial segment salvaged, no temporary files left");
            }
            int frames = 0;
            for (String segment : listed) {
                int decoded = MediaChecks.decodeFrames(folder.resolve(segment));
                assertTrue(decoded > 0, segment + " plays");
                frames += decoded;
            }
            assertTrue(tsBytes(folder) >= bytesBefore - 188 * 2, "nothing recorded was thrown away");

            double wall = Duration.between(repaired.start(), killedAt).toMillis() / 1000.0;
            double recorded = frames / 15.0;
            System.out.printf(Locale.ROOT, "RecordingCrashTest %s: %.2f s from the first frame to the kill, %.2f s"
                    + " recorded (%d segments), %.2f s lost%n", moment, wall, recorded, listed.size(),
                    wall - recorded);
            double allowed = MAX_LOST_SECONDS + (moment == KillMoment.RIGHT_AFTER_OPEN ? 2.0 : 0);
            assertTrue(wall - recorded <= allowed, String.format(Locale.ROOT,
                    "%s: %.2f s from the first frame to the kill, only %.2f s recorded", moment, wall, recorded));
        }
    }

    /** Polls (every 5 ms, to catch a rename as it happens) until {@code count} files ending so exist; returns it. */
    private static int awaitFiles(Path under, String suffix, int count, Duration timeout, Process child)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertTrue(child.isAlive(), "the recording JVM died on its own");
            int found = 0;
            if (Files.isDirectory(under)) {
                try (Stream<Path> files = Files.walk(under)) {
                    found = (int) files.filter(f -> f.getFileName().toString().endsWith(suffix)).count();
                } catch (java.io.UncheckedIOException e) {
                    // a file was renamed while walking: look again
                }
            }
            if (found >= count) {
                return found;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no " + count + " '" + suffix + "' files within " + timeout.toSeconds() + " s");
    }

    private static long tsBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            long sum = 0;
            for (Path file : files.filter(f -> f.toString().contains(".ts")).toList()) {
                sum += Files.size(file);
            }
            return sum;
        }
    }
}
