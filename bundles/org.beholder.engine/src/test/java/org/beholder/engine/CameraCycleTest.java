package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A camera that drops off the network and comes back, again and again (the RTSP camera process killed and
 * restarted on the same port): each time the channel is ONLINE within 5 s of the camera's return, and after the
 * first cycles Java threads, file descriptors and resident memory stay where they were. Every tenth time the camera
 * stays away for {@link #LONG_OUTAGE} (a reboot): the reconnect back-off must not make the channel miss its return
 * by seconds (doubling delays would next try 15 s after the drop). CI runs 20 cycles;
 * {@code bin/soak-engine.sh} runs the same test with more ({@code -Dbeholder.cycles=N}).
 */
class CameraCycleTest {
    private static final int CYCLES = Integer.getInteger("beholder.cycles", 20);
    private static final int WARM_UP = 3;
    private static final Duration ONLINE_AFTER_RETURN = Duration.ofSeconds(5);
    private static final Duration LONG_OUTAGE = Duration.ofSeconds(8);
    /** Heap and native allocator arenas breathe; a leak of one pipeline per cycle would pass this quickly. */
    private static final long RSS_TOLERANCE_KIB = 48 * 1024;

    @Test
    void aCameraThatKeepsDroppingOutIsBackOnlineWithinSecondsAndNothingGrows(@TempDir Path data) throws Exception {
        List<String> log = new ArrayList<>();
        try (RtspCameraFixture camera = RtspCameraFixture.start("--gop", "15");
                NvrEngine engine = new NvrEngine(EngineConfig.of(data))) {
            NvrChannel channel = engine.add(ChannelConfig.builder("flaky", camera.url())
                    .stallTimeout(Duration.ofSeconds(3)).build());
            Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE,
                    () -> channel.status().toString());
            Resources baseline = null;
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                camera.kill();
                long dropped = System.nanoTime();
                Waits.until(Duration.ofSeconds(15), () -> channel.status().state() != ChannelState.ONLINE,
                        () -> "drop noticed: " + channel.status());
                double noticed = (System.nanoTime() - dropped) / 1e9;
                if (cycle % 10 == 0) {
                    Thread.sleep(LONG_OUTAGE.toMillis()); // the outage itself, not a synchronisation
                }
                camera.launch();
                long returned = System.nanoTime();
                int at = cycle;
                Waits.until(ONLINE_AFTER_RETURN, () -> channel.status().state() == ChannelState.ONLINE,
                        () -> "cycle " + at + ": " + channel.status());
                log.add(String.format("cycle %d: drop noticed after %.1f s, online %.1f s after the return", cycle,
                        noticed, (System.nanoTime() - returned) / 1e9));
                if (cycle == WARM_UP) {
                    baseline = Resources.now();
                }
            }
            if (baseline != null) {
                Resources after = Resources.settle(baseline);
                String report = baseline + " -> " + after + "\n" + String.join("\n", log);
                System.out.println("CameraCycleTest: " + report);
                assertTrue(after.javaThreads <= baseline.javaThreads + 2, "Java threads " + report);
                assertTrue(after.fds <= baseline.fds + 3, "file descriptors " + report);
                assertTrue(after.rssKib <= baseline.rssKib + RSS_TOLERANCE_KIB, "RSS " + report);
            }
        }
    }

    /** {@code heapCommittedKib} is reported, not asserted: it tells Java heap growth from native growth in RSS. */
    private record Resources(int javaThreads, int fds, long rssKib, long heapCommittedKib) {
        static Resources now() throws IOException {
            String[] fds = new File("/proc/self/fd").list();
            return new Resources(ManagementFactory.getThreadMXBean().getThreadCount(), fds == null ? -1 : fds.length,
                    readRssKib(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() / 1024);
        }

        private static long readRssKib() throws IOException {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return -1;
        }

        /** Lets GC release native objects and idle pools shrink before counting, for up to 10 s. */
        static Resources settle(Resources baseline) throws IOException, InterruptedException {
            Resources now = now();
            for (int i = 0; i < 20 && (now.javaThreads > baseline.javaThreads || now.fds > baseline.fds); i++) {
                System.gc();
                Thread.sleep(500);
                now = now();
            }
            return now;
        }
    }
}
