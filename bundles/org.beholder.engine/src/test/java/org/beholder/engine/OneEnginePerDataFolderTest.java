package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second engine on a recordings root that an engine uses, in this JVM or in another process, is refused before
 * it reads anything: it must not "repair" (close, cut) the recording the first one is writing.
 */
class OneEnginePerDataFolderTest {

    /** The second process: tries to start an engine with the same channel on the folder and says what happened. */
    public static final class SecondEngine {
        public static void main(String[] args) {
            try (NvrEngine engine = new NvrEngine(EngineConfig.of(Path.of(args[0])))) {
                engine.add(channel());
                System.out.println("STARTED");
            } catch (Exception e) {
                System.out.println("REFUSED " + e.getMessage());
            }
        }
    }

    /** Long segments: while the test looks, only the .part grows; playlist and metadata stay as they are. */
    static ChannelConfig channel() {
        return ChannelConfig.builder("cam", "test:?width=160&height=120&fps=15&gop=15")
                .segmentTarget(Duration.ofSeconds(60)).preRoll(Duration.ofSeconds(1)).build();
    }

    @Test
    void aSecondEngineInThisOrAnotherProcessIsRefusedAndLeavesTheOpenRecordingAlone(@TempDir Path root)
            throws Exception {
        try (NvrEngine first = new NvrEngine(EngineConfig.of(root))) {
            NvrChannel channel = first.add(channel());
            Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE,
                    () -> channel.status().toString());
            channel.record("manual", Duration.ofHours(1));
            Waits.until(Duration.ofSeconds(20), () -> openRecording(channel) != null && partBytes(channel) > 0,
                    () -> channel.recordings(Instant.EPOCH, Instant.now().plusSeconds(5)).toString());
            Path folder = openRecording(channel).folder();
            byte[] playlist = Files.readAllBytes(folder.resolve("index.m3u8"));
            byte[] meta = Files.readAllBytes(folder.resolve("recording.properties"));

            DataFolderLock.InUseException sameJvm = assertThrows(DataFolderLock.InUseException.class,
                    () -> new NvrEngine(EngineConfig.of(root)).close());
            assertTrue(sameJvm.getMessage().contains("in use by PID " + ProcessHandle.current().pid()),
                    sameJvm.getMessage());

            String java = ProcessHandle.current().info().command().orElse("java");
            Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                    System.getProperty("java.class.path"), SecondEngine.class.getName(), root.toString())
                    .redirectErrorStream(true).start();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
            assertTrue(output.contains("REFUSED data folder " + root.toAbsolutePath() + " in use by PID "
                    + ProcessHandle.current().pid()), output);
            assertFalse(output.contains("STARTED"), output);

            assertArrayEquals(playlist, Files.readAllBytes(folder.resolve("index.m3u8")), "playlist untouched");
            assertArrayEquals(meta, Files.readAllBytes(folder.resolve("recording.properties")),
                    "metadata untouched (no end written)");
            assertTrue(partBytes(channel) > 0, "the segment being written was not cut and renamed");
            assertTrue(channel.isRecording());
            long before = partBytes(channel);
            Waits.until(Duration.ofSeconds(10), () -> partBytes(channel) > before, () -> "the .part keeps growing");
        }
        try (NvrEngine again = new NvrEngine(EngineConfig.of(root))) { // close() let go of the folder
            assertEquals(1, again.add(channel()).recordings(Instant.EPOCH, Instant.now()).size());
        }
    }

    private static Recording openRecording(NvrChannel channel) {
        return channel.recordings(Instant.EPOCH, Instant.now().plusSeconds(5)).stream().filter(Recording::isOpen)
                .findFirst().orElse(null);
    }

    private static long partBytes(NvrChannel channel) {
        Recording open = openRecording(channel);
        if (open == null) {
            return 0;
        }
        try (Stream<Path> files = Files.list(open.folder())) {
            long sum = 0;
            for (Path part : files.filter(f -> f.toString().endsWith(".ts.part")).toList()) {
                sum += Files.size(part);
            }
            return sum;
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
