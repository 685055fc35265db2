package org.beholder.engine.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.beholder.engine.ChannelConfig;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.Recording;
import org.beholder.engine.testing.Chunks;
import org.beholder.engine.testing.ManualClock;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelRecorderTest {
    @TempDir
    Path root;

    private final RecorderEvents events = new RecorderEvents();
    private final List<Recording> started = events.started;
    private final List<Recording> stopped = events.stopped;
    private final AtomicReference<String> warning = events.warning;
    private final ManualClock clock = new ManualClock(Instant.ofEpochMilli(Chunks.frame(0, 15, 3).wallClockMillis()));

    private RecordingStore store;

    private ChannelRecorder recorder(PrerollRing ring, LongSupplier freeBytes) throws Exception {
        store = new RecordingStore(root, clock);
        store.load("cam");
        Retention retention = new Retention(store, new EngineConfig(root, 0, 1 << 20, Duration.ofMinutes(1)),
                freeBytes, clock);
        ChannelConfig config = ChannelConfig.builder("cam", "test:").segmentTarget(Duration.ofSeconds(1)).build();
        return new ChannelRecorder(config, ring, store, retention, events, clock);
    }

    private static PrerollRing ring() {
        return new PrerollRing(Duration.ofSeconds(10), 64 << 20);
    }

    /** What the hub does with every access unit: into the ring and to the recorder. */
    private static void stream(PrerollRing ring, ChannelRecorder recorder, int from, int to) {
        for (int frame = from; frame < to; frame++) {
            ring.add(Chunks.frame(frame, 15, 3));
            recorder.accept(Chunks.frame(frame, 15, 3));
        }
    }

    @Test
    void aRecordingAfterAStopIsNewWithItsOwnPreRollAndId() throws Exception {
        PrerollRing ring = ring();
        try (ChannelRecorder recorder = recorder(ring, () -> 1L << 30)) {
            stream(ring, recorder, 0, 45);
            recorder.trigger("manual", Duration.ofMinutes(5));
            stream(ring, recorder, 45, 75);
            recorder.stopRecording();
            assertFalse(recorder.isRecording());
            stream(ring, recorder, 75, 105); // in the ring only: nobody records
            recorder.trigger("rule", Duration.ofMinutes(5));
            stream(ring, recorder, 105, 120);
            Waits.until(Duration.ofSeconds(5), () -> started.size() == 2 && stopped.size() == 1,
                    () -> started + " " + stopped);
            Recording first = stopped.get(0);
            Recording second = started.get(1);
            assertEquals(started.get(0).id(), first.id());
            assertTrue(Files.readString(first.playlist()).contains("#EXT-X-ENDLIST"), "the stopped one is closed");
            assertNotEquals(first.id(), second.id());
            assertEquals(List.of("rule"), second.reasons(), "a new recording, not the stopped one extended");
            // The ring still reaches back to frame 0, where the stopped recording began: the new one keeps its
            // pre-roll (repeating the stopped one's frames is fine) but starts at the next keyframe, for its own id.
            assertEquals(Instant.ofEpochMilli(Chunks.frame(0, 15, 3).wallClockMillis()), first.start());
            assertEquals(Instant.ofEpochMilli(Chunks.frame(15, 15, 3).wallClockMillis()), second.start());
        }
    }

    @Test
    void aTriggerRightAfterAStopDoesNotExtendTheStoppedRecording() throws Exception {
        PrerollRing ring = ring();
        try (ChannelRecorder recorder = recorder(ring, () -> 1L << 30)) {
            stream(ring, recorder, 0, 30);
            recorder.trigger("motion", Duration.ofMinutes(5));
            stream(ring, recorder, 30, 60);
            recorder.stopRecording();
            recorder.trigger("manual", Duration.ofMinutes(5));
            stream(ring, recorder, 60, 90);
            Waits.until(Duration.ofSeconds(5), () -> started.size() == 2 && stopped.size() == 1,
                    () -> started + " " + stopped);
            assertEquals(List.of("motion"), stopped.get(0).reasons());
            assertEquals(List.of("manual"), started.get(1).reasons());
            assertTrue(recorder.isRecording());
        }
    }

    @Test
    void aFullDiskPausesRecordingWithAWarningAndItResumesWhenSpaceReturns() throws Exception {
        AtomicLong free = new AtomicLong(1L << 30);
        try (ChannelRecorder recorder = recorder(ring(), free::get)) {
            int frame = 0;
            recorder.trigger("manual", Duration.ofMinutes(5));
            for (; frame < 45; frame++) {
                recorder.accept(Chunks.frame(frame, 15, 3));
            }
            Waits.until(Duration.ofSeconds(5), () -> started.size() == 1, () -> started.toString());

            free.set(1000); // the disk fills up
            for (; frame < 90; frame++) {
                recorder.accept(Chunks.frame(frame, 15, 3));
            }
            // The recording is closed first, then the warning is raised: wait for both.
            Waits.until(Duration.ofSeconds(5), () -> stopped.size() == 1 && warning.get() != null,
                    () -> stopped + " " + warning.get());
            assertTrue(warning.get().startsWith("Recording paused: disk full"), warning.get());
            Recording closed = stopped.get(0);
            assertTrue(Files.readString(closed.playlist()).contains("#EXT-X-ENDLIST"), "kept and closed");

            assertEquals("disk full (0 MiB free, 1 MiB required)", recorder.pausedReason().orElseThrow());
            assertFalse(recorder.isRecording());

            free.set(1L << 30); // space is back, but the back-off (1 s by the clock) has not passed
            for (int end = frame + 30; frame < end; frame++) {
                recorder.accept(Chunks.frame(frame, 15, 3));
            }
            Waits.until(Duration.ofSeconds(5), () -> recorder.queuedBytes() == 0, () -> "queue drained");
            assertEquals(1, started.size(), "no attempt before the back-off");

            clock.advance(Duration.ofSeconds(1)); // the next keyframe tries again, and resumes
            for (int end = frame + 15; frame < end; frame++) {
                recorder.accept(Chunks.frame(frame, 15, 3));
            }
            Waits.until(Duration.ofSeconds(5), () -> started.size() == 2, () -> started.toString());
            Waits.until(Duration.ofSeconds(5), () -> warning.get() == null, warning::get);
        }
        assertEquals(2, stopped.size(), "closing the recorder finalises the recording in progress");
        assertNull(warning.get());
        assertEquals(2, store.list("cam", Instant.EPOCH, Instant.now().plusSeconds(60)).size());
    }
}
