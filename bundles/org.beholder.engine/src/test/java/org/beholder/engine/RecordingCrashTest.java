package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.beholder.engine.testing.MediaChecks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kills a recording JVM with SIGKILL and checks that the next start repairs what it left behind. */
class RecordingCrashTest {

    /** The JVM that gets killed: records the built-in camera until it is killed. */
    public static final class RecordUntilKilled {
        public static void main(String[] args) throws Exception {
            NvrEngine engine = new NvrEngine(EngineConfig.of(Path.of(args[0])));
            NvrChannel channel = engine.add(testChannel());
            while (channel.status().state() != ChannelState.ONLINE) {
                Thread.sleep(50);
            }
            channel.record("manual", Duration.ofHours(1));
            Path day = Path.of(args[0], "crash");
            while (true) {
                try (Stream<Path> files = Files.walk(day)) {
                    if (files.filter(f -> f.toString().endsWith(".ts")).count() >= 3) {
                        System.out.println("SEGMENTS");
                    }
                } catch (java.io.IOException e) {
                    // not created yet
                }
                Thread.sleep(200);
            }
        }
    }

    static ChannelConfig testChannel() {
        return ChannelConfig.builder("crash", "test:?width=320&height=240&fps=15&gop=15")
                .segmentTarget(Duration.ofSeconds(1)).preRoll(Duration.ofSeconds(1)).build();
    }

    @Test
    void sigkillDuringRecordingLeavesARepairablePlayableRecording(@TempDir Path data) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), RecordUntilKilled.class.getName(), data.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String line;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((line = out.readLine()) != null && !line.equals("SEGMENTS") && System.nanoTime() < deadline) {
            // child's log
        }
        Thread.sleep(700); // kill while a segment is half-written
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        assertEquals("SEGMENTS", line, "child recorded segments before it was killed");

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
                assertTrue(onDisk.size() >= 3);
            }
            assertEquals(onDisk, listed, "every segment on disk is in the playlist");
            try (Stream<Path> files = Files.list(folder)) {
                assertFalse(files.anyMatch(f -> f.toString().endsWith(".part")), "partial segment salvaged");
            }
            for (String segment : listed) {
                assertTrue(MediaChecks.decodeFrames(folder.resolve(segment)) > 0, segment + " plays");
            }
            assertTrue(tsBytes(folder) >= bytesBefore - 188 * 2, "nothing recorded was thrown away");
        }
    }

    private static long tsBytes(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            long sum = 0;
            for (Path file : files.filter(f -> f.toString().contains(".ts")).toList()) {
                sum += Files.size(file);
            }
            return sum;
        }
    }
}
