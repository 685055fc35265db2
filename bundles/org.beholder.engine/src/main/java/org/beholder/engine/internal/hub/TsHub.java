package org.beholder.engine.internal.hub;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.beholder.engine.TsChunk;
import org.beholder.engine.TsSubscription;

/**
 * Fans a channel's TS out to live viewers and to in-process taps (ring, recorder).
 * <p>
 * {@link #publish} runs on the GStreamer streaming thread and never blocks: taps must be cheap, and each viewer
 * has its own bounded queue drained by its own virtual thread. A new viewer first gets the current GOP from its
 * keyframe (cached here), so its player starts at once. Keyframe chunks are made self-contained by putting PAT
 * and PMT in front when the muxer did not.
 */
public final class TsHub {
    private final PsiTracker psi = new PsiTracker();
    private final List<TsChunk> gop = new ArrayList<>();
    private final List<Consumer<TsChunk>> taps = new CopyOnWriteArrayList<>();
    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicLong totalSkips = new AtomicLong();
    private final long gopCacheMaxBytes;
    private long gopBytes;
    private boolean gopComplete;

    public TsHub(long gopCacheMaxBytes) {
        this.gopCacheMaxBytes = gopCacheMaxBytes;
    }

    /** Normalises a muxer output chunk (PSI in front of keyframes) and hands it to everyone. */
    public TsChunk publish(byte[] data, boolean keyframe, long timeNanos, long wallClockMillis) {
        boolean hasPat;
        TsChunk chunk;
        synchronized (gop) { // one lock with subscribe(): a new viewer gets each chunk exactly once
            hasPat = psi.scan(data);
            byte[] bytes = keyframe && !hasPat ? psi.prefix(data) : data;
            chunk = new TsChunk(bytes, keyframe, timeNanos, wallClockMillis);
            cache(chunk);
            for (Subscriber subscriber : subscribers) {
                subscriber.offer(chunk);
            }
        }
        for (Consumer<TsChunk> tap : taps) {
            tap.accept(chunk);
        }
        return chunk;
    }

    private void cache(TsChunk chunk) {
        if (chunk.keyframe()) {
            gop.clear();
            gopBytes = 0;
            gopComplete = true;
        }
        if (!gopComplete) {
            return;
        }
        gop.add(chunk);
        gopBytes += chunk.data().length;
        if (gopBytes > gopCacheMaxBytes) { // a huge GOP: new viewers wait for the next keyframe instead
            gop.clear();
            gopBytes = 0;
            gopComplete = false;
        }
    }

    /** Adds a synchronous consumer called on the streaming thread; it must not block. */
    public void addTap(Consumer<TsChunk> tap) {
        taps.add(tap);
    }

    /**
     * Subscribes a live viewer. The sink is called on the viewer's own virtual thread and may block (e.g. on a
     * network write); while it does, chunks queue up to {@code maxQueuedBytes}, then the viewer skips to the next
     * keyframe.
     */
    public TsSubscription subscribe(String name, Consumer<TsChunk> sink, long maxQueuedBytes) {
        Subscriber subscriber = new Subscriber(name, sink, maxQueuedBytes, totalSkips, subscribers::remove);
        synchronized (gop) {
            for (TsChunk cached : gop) {
                subscriber.offer(cached);
            }
            subscribers.add(subscriber);
        }
        subscriber.start();
        return subscriber;
    }

    /** Forgets the cached GOP, e.g. after a reconnect when timestamps restart. */
    public void reset() {
        synchronized (gop) {
            gop.clear();
            gopBytes = 0;
            gopComplete = false;
        }
    }

    public int viewerCount() {
        return subscribers.size();
    }

    public long totalSkips() {
        return totalSkips.get();
    }

    /** Ends every viewer's delivery. */
    public void closeAll() {
        for (Subscriber subscriber : subscribers) {
            subscriber.close();
        }
    }
}
