package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting and stopping channels must give back every thread (Java and native) and file descriptor. */
class ChannelLifecycleTest {
    private static final int CYCLES = 200;

    @Test
    void twoHundredStartStopCyclesLeaveThreadsAndFileDescriptorsAsTheyWere(@TempDir Path data) throws Exception {
        try (NvrEngine engine = new NvrEngine(EngineConfig.of(data))) {
            for (int i = 0; i < 5; i++) { // warm-up: GStreamer's and the JVM's lazily created pools
                cycle(engine, i);
            }
            Resources before = Resources.now();
            for (int i = 0; i < CYCLES; i++) {
                cycle(engine, i);
            }
            Resources after = Resources.settle(before);
            assertTrue(after.fds <= before.fds + 2, "file descriptors " + before.fds + " -> " + after.fds);
            assertTrue(after.nativeThreads <= before.nativeThreads + 2,
                    "native threads " + before.nativeThreads + " -> " + after.nativeThreads);
            assertTrue(after.javaThreads <= before.javaThreads + 2,
                    "Java threads " + before.javaThreads + " -> " + after.javaThreads);
            assertEquals(0, engine.channels().size());
        }
    }

    private static void cycle(NvrEngine engine, int i) throws Exception {
        NvrChannel channel = engine.add(ChannelConfig.builder("cycle", "test:?width=160&height=120&fps=30&gop=5")
                .build());
        Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ONLINE,
                () -> "cycle " + i + ": " + channel.status());
        engine.remove("cycle");
        assertEquals(ChannelState.STOPPED, channel.status().state());
    }

    private record Resources(int fds, int nativeThreads, int javaThreads) {
        static Resources now() {
            return new Resources(count("/proc/self/fd"), count("/proc/self/task"),
                    ManagementFactory.getThreadMXBean().getThreadCount());
        }

        /** Lets GC release native objects and idle pools shrink before counting, for up to 20 s. */
        static Resources settle(Resources baseline) throws InterruptedException {
            Resources now = now();
            for (int i = 0; i < 40 && (now.fds > baseline.fds || now.nativeThreads > baseline.nativeThreads
                    || now.javaThreads > baseline.javaThreads); i++) {
                System.gc();
                Thread.sleep(500);
                now = now();
            }
            return now;
        }

        private static int count(String folder) {
            String[] entries = new File(folder).list();
            return entries == null ? -1 : entries.length;
        }
    }
}
