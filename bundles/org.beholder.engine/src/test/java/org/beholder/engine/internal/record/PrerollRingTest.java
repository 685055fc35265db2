package org.beholder.engine.internal.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.beholder.engine.TsChunk;
import org.beholder.engine.testing.Chunks;
import org.junit.jupiter.api.Test;

class PrerollRingTest {

    @Test
    void holdsThePreRollPlusTheGopInProgressStartingAtAKeyframe() {
        PrerollRing ring = new PrerollRing(Duration.ofSeconds(3), 64L << 20);
        for (int i = 0; i < 15 * 20; i++) { // 20 s at 15 fps, a keyframe every second
            ring.add(Chunks.frame(i, 15, 2));
        }
        List<TsChunk> held = ring.snapshot();
        assertTrue(held.get(0).keyframe(), "starts at a keyframe");
        double seconds = (held.get(held.size() - 1).timeNanos() - held.get(0).timeNanos()) / 1e9;
        assertTrue(seconds >= 3.0 && seconds < 4.1, "holds " + seconds + " s");
        assertEquals(1.0, ring.lastGopNanos() / 1e9, 0.01);
    }

    @Test
    void staysUnderItsByteLimitButKeepsTheNewestGop() {
        PrerollRing ring = new PrerollRing(Duration.ofSeconds(30), 1 << 20);
        for (int i = 0; i < 15 * 20; i++) {
            ring.add(Chunks.frame(i, 15, 40)); // 7.5 KB a frame, 113 KB a GOP
        }
        assertTrue(ring.bytes() <= 1 << 20, "bytes " + ring.bytes());
        assertTrue(ring.snapshot().get(0).keyframe());
        assertTrue(ring.seconds() >= 7, "as much as fits: " + ring.seconds());
    }

    @Test
    void waitsForTheFirstKeyframeAndStartsOverWhenTimestampsRestart() {
        PrerollRing ring = new PrerollRing(Duration.ofSeconds(3), 64L << 20);
        ring.add(Chunks.frame(1, 15, 1)); // delta before any keyframe: useless for a recording
        assertEquals(0, ring.snapshot().size());
        for (int i = 30; i < 60; i++) {
            ring.add(Chunks.frame(i, 15, 1));
        }
        ring.add(Chunks.frame(0, 15, 1)); // reconnect: pts back at zero
        assertEquals(1, ring.snapshot().size());
    }
}
