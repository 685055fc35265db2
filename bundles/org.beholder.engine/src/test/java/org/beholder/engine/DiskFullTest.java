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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.beholder.engine.testing.MediaChecks;
import org.beholder.engine.testing.SmallFilesystem;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Recording onto a real 8 MiB filesystem until it is full (ENOSPC), and a minimum free space it cannot meet. */
class DiskFullTest {
    /** A noisy picture, so the encoder really spends its bitrate: about 3 Mbit/s fills the disk in seconds. */
    private static final String NOISY_CAMERA = "test:?width=320&height=240&fps=15&gop=15&bitrate=3000&pattern=snow";

    private SmallFilesystem disk;
    private NvrEngine engine;

    @BeforeEach
    void mount() throws Exception {
        disk = SmallFilesystem.mount(8);
    }

    @AfterEach
    void unmount() throws Exception {
        if (engine != null) {
            engine.close();
        }
        disk.close();
    }

    @Test
    void aFullDiskClosesTheRecordingPausesWithTheReasonAndResumesWhenSpaceIsFreed() throws Exception {
        Path root = disk.path().resolve("recordings");
        Path filler = disk.path().resolve("filler.bin");
        Files.write(filler, new byte[5 << 20]); // leaves about 3 MiB: full within seconds
        engine = new NvrEngine(new EngineConfig(root, 0, 0, Duration.ofMinutes(1)));
        NvrChannel channel = engine.add(ChannelConfig.builder("full", NOISY_CAMERA).continuous(true)
                .segmentTarget(Duration.ofSeconds(1)).preRoll(Duration.ofSeconds(1)).build());
        List<Recording> stopped = new CopyOnWriteArrayList<>();
        channel.addListener(new ChannelListener() {
            @Override
            public void recordingStopped(NvrChannel c, Recording recording) {
                stopped.add(recording);
            }
        });
        AtomicLong viewerBytes = new AtomicLong();
        try (TsSubscription viewer = channel.subscribe("live", chunk -> viewerBytes.addAndGet(chunk.data().length))) {
            Waits.until(Duration.ofSeconds(60), () -> channel.recordingPaused().isPresent(),
                    () -> channel.status() + ", free " + free());

            String reason = channel.recordingPaused().orElseThrow();
            assertTrue(reason.startsWith("disk full ("), reason);
            assertFalse(channel.isRecording(), "not recording while paused");
            Waits.until(Duration.ofSeconds(5), () -> channel.status().warning() != null, channel.status()::toString);
            assertEquals("Recording paused: " + reason, channel.status().warning());
            assertEquals(ChannelState.ONLINE, channel.status().state(), "live view goes on");

            // The recording that hit ENOSPC was closed properly, and everything it lists plays.
            Waits.until(Duration.ofSeconds(5), () -> !stopped.isEmpty(), stopped::toString);
            Recording hit = stopped.get(stopped.size() - 1);
            assertFalse(hit.isOpen(), "end time set");
            assertTrue(channel.recording(hit.id()).map(r -> !r.isOpen()).orElse(false), "index updated");
            String playlist = Files.readString(hit.playlist());
            assertTrue(playlist.contains("#EXT-X-ENDLIST"), playlist);
            List<String> segments = playlist.lines().filter(l -> l.endsWith(".ts")).toList();
            assertFalse(segments.isEmpty(), playlist);
            for (String segment : segments) {
                assertTrue(MediaChecks.decodeFrames(hit.folder().resolve(segment)) > 0, segment + " plays");
            }
            assertTrue(channel.recordings(Instant.EPOCH, Instant.now().plusSeconds(5)).stream()
                    .noneMatch(Recording::isOpen), "nothing left open");

            // While paused: no new folders (not one per keyframe), no orphans, the viewer keeps receiving.
            List<Path> folders = recordingFolders(root);
            long viewed = viewerBytes.get();
            Thread.sleep(5000); // an observation window, not a synchronisation
            assertEquals(folders, recordingFolders(root), "no folders appear while paused");
            assertTrue(channel.recordingPaused().isPresent());
            assertTrue(viewerBytes.get() > viewed + 10_000, "the live viewer kept receiving data");
            for (Path folder : folders) {
                assertTrue(Files.exists(folder.resolve("index.m3u8")) && Files.exists(folder.resolve(
                        "recording.properties")), "no orphan folder: " + folder + " " + list(folder));
                assertTrue(list(folder).stream().noneMatch(n -> n.endsWith(".tmp") || n.endsWith(".part")),
                        list(folder).toString());
            }

            Files.delete(filler); // the user frees space: recording resumes by itself
            Waits.until(Duration.ofSeconds(45), () -> channel.isRecording() && channel.recordingPaused().isEmpty(),
                    () -> channel.status() + ", free " + free());
            Waits.until(Duration.ofSeconds(5), () -> channel.status().warning() == null, channel.status()::toString);
            Waits.until(Duration.ofSeconds(20), () -> channel.recordings(Instant.EPOCH, Instant.now().plusSeconds(5))
                    .stream().anyMatch(r -> r.isOpen() && r.bytes() > 100_000), () -> "a new recording grows");
        }
    }

    @Test
    void aMinimumFreeSpaceLargerThanTheDiskNeverStartsARecordingAndSaysWhy() throws Exception {
        Path root = disk.path().resolve("recordings");
        engine = new NvrEngine(new EngineConfig(root, 0, 4096L << 20, Duration.ofMinutes(1)));
        NvrChannel channel = engine.add(ChannelConfig.builder("big", "test:?width=160&height=120&fps=15&gop=15")
                .build());
        Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE,
                channel.status()::toString);
        channel.record("manual", Duration.ofMinutes(5));
        Waits.until(Duration.ofSeconds(20), () -> channel.recordingPaused().isPresent(), channel.status()::toString);
        String reason = channel.recordingPaused().orElseThrow();
        assertTrue(reason.matches("disk full \\([0-9] MiB free, 4096 MiB required\\)"), reason);
        Waits.until(Duration.ofSeconds(5), () -> ("Recording paused: " + reason).equals(channel.status().warning()),
                channel.status()::toString);
        assertFalse(channel.isRecording());
        Thread.sleep(3000); // an observation window: keyframes keep coming, nothing is started
        assertEquals(List.of(), recordingFolders(root));
        assertEquals(List.of(), channel.recordings(Instant.EPOCH, Instant.now().plusSeconds(5)));
    }

    private String free() {
        try {
            return disk.freeBytes() + " bytes";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** {@code <root>/<channel>/<day>/<id>} folders. */
    private static List<Path> recordingFolders(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> all = Files.find(root, 3, (p, a) -> a.isDirectory() && root.relativize(p).getNameCount() == 3)) {
            return all.sorted().toList();
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
