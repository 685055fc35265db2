package org.beholder.engine.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RecordingPauseTest {

    @Test
    void attemptsBackOffFromOneSecondDoublingToThirtyAndStartOverAfterAResume() {
        RecordingPause pause = new RecordingPause();
        assertTrue(pause.mayTry(0), "not paused: always");
        long now = 0;
        List<Long> delays = new ArrayList<>();
        assertTrue(pause.pause("disk full", now));
        for (int attempt = 0; attempt < 7; attempt++) {
            long delay = pause.retryDelayMillis();
            delays.add(delay);
            assertFalse(pause.mayTry(now + delay - 1), "not before the back-off");
            now += delay;
            assertTrue(pause.mayTry(now));
            assertFalse(pause.pause("disk full", now), "same reason: the warning does not change");
        }
        assertEquals(List.of(1_000L, 2_000L, 4_000L, 8_000L, 16_000L, 30_000L, 30_000L), delays);
        assertEquals(Optional.of("disk full"), pause.reason());

        assertTrue(pause.resume());
        assertFalse(pause.isPaused());
        pause.pause("disk full", now);
        assertEquals(1_000, pause.retryDelayMillis(), "a new pause starts at 1 s");
    }

    @Test
    void reasonsSayDiskFullWithTheNumbers() {
        assertEquals("disk full (12 MiB free, 4096 MiB required)",
                RecordingPause.diskFullReason(12L << 20, 4096L << 20));
        IOException enospc = new IOException("No space left on device");
        assertTrue(RecordingPause.isDiskFull(enospc));
        assertEquals("disk full (0 MiB free: no space left on device)", RecordingPause.failureReason(enospc, 1000));
        assertEquals("cannot write recordings (IOException: Read-only file system)",
                RecordingPause.failureReason(new IOException("Read-only file system"), 1L << 40));
    }
}
