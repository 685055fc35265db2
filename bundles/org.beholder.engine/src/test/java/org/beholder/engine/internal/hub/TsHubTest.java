package org.beholder.engine.internal.hub;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.beholder.engine.TsChunk;
import org.beholder.engine.TsSubscription;
import org.beholder.engine.testing.Chunks;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.Test;

class TsHubTest {

    @Test
    void aNewViewerStartsAtTheCachedKeyframe() throws Exception {
        TsHub hub = new TsHub(16 << 20);
        for (int i = 0; i < 20; i++) {
            hub.publish(Chunks.frame(i, 15, 1).data(), i % 15 == 0, i, i);
        }
        List<TsChunk> got = new CopyOnWriteArrayList<>();
        try (TsSubscription subscription = hub.subscribe("late", got::add, 1 << 20)) {
            Waits.until(Duration.ofSeconds(5), () -> got.size() == 5, () -> got.size() + " chunks");
        }
        assertTrue(got.get(0).keyframe());
        assertEquals(15, got.get(0).timeNanos(), "from the latest keyframe, not the first");
    }

    @Test
    void aSlowViewerSkipsToTheNextKeyframeWhileOthersGetEverything() throws Exception {
        TsHub hub = new TsHub(16 << 20);
        CountDownLatch release = new CountDownLatch(1);
        List<TsChunk> slowGot = new CopyOnWriteArrayList<>();
        TsSubscription slow = hub.subscribe("slow", chunk -> {
            slowGot.add(chunk);
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, 10 * 188);
        List<TsChunk> fastGot = new CopyOnWriteArrayList<>();
        TsSubscription fast = hub.subscribe("fast", fastGot::add, 1 << 20);
        for (int i = 0; i < 100; i++) {
            hub.publish(Chunks.frame(i, 15, 1).data(), i % 15 == 0, i, i); // never blocks
        }
        Waits.until(Duration.ofSeconds(5), () -> fastGot.size() == 100, () -> fastGot.size() + " chunks");
        assertTrue(slow.skips() > 0, "slow viewer skipped");
        assertEquals(slow.skips(), hub.totalSkips());
        release.countDown();
        Waits.until(Duration.ofSeconds(5), () -> slowGot.size() > 1, () -> slowGot.size() + " chunks");
        assertTrue(slowGot.get(0).keyframe());
        for (int i = 1; i < slowGot.size(); i++) {
            boolean gap = slowGot.get(i).timeNanos() != slowGot.get(i - 1).timeNanos() + 1;
            assertTrue(!gap || slowGot.get(i).keyframe(), "every skip resumes at a keyframe: "
                    + slowGot.stream().map(TsChunk::timeNanos).toList());
        }
        slow.close();
        fast.close();
        assertEquals(0, hub.viewerCount());
    }
}
