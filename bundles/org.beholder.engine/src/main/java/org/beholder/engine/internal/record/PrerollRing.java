package org.beholder.engine.internal.record;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import org.beholder.engine.TsChunk;

/**
 * The last seconds of a channel in RAM, as whole GOPs, so that an event recording can start before its trigger.
 * Holds at least {@code preRoll} plus the GOP in progress; never more than {@code maxBytes} (oldest GOPs go
 * first, the newest always stays). Fed on the streaming thread: {@link #add} is O(1) amortised.
 */
public final class PrerollRing {
    private final long preRollNanos;
    private final long maxBytes;
    private final ArrayDeque<Gop> gops = new ArrayDeque<>();
    private long bytes;
    private long lastGopNanos;
    private long newestPts = Long.MIN_VALUE;

    public PrerollRing(Duration preRoll, long maxBytes) {
        this.preRollNanos = preRoll.toNanos();
        this.maxBytes = maxBytes;
    }

    public synchronized void add(TsChunk chunk) {
        if (chunk.timeNanos() < newestPts) { // timestamps restarted (reconnect): start over
            clear();
        }
        newestPts = chunk.timeNanos();
        if (chunk.keyframe()) {
            Gop previous = gops.peekLast();
            if (previous != null) {
                lastGopNanos = chunk.timeNanos() - previous.startPts;
            }
            gops.addLast(new Gop(chunk.timeNanos()));
        }
        Gop current = gops.peekLast();
        if (current == null) {
            return; // wait for the first keyframe
        }
        current.chunks.add(chunk);
        bytes += chunk.data().length;
        trim(chunk.timeNanos());
    }

    private void trim(long newestPts) {
        while (gops.size() > 1) {
            Gop oldest = gops.peekFirst();
            Gop second = secondGop();
            boolean secondCoversPreRoll = second.startPts <= newestPts - preRollNanos;
            if (!secondCoversPreRoll && bytes <= maxBytes) {
                return;
            }
            gops.removeFirst();
            bytes -= oldest.bytes();
        }
    }

    private Gop secondGop() {
        var iterator = gops.iterator();
        iterator.next();
        return iterator.next();
    }

    /**
     * The chunks a recording triggered now starts with: from the newest keyframe at least {@code preRoll} before
     * the newest chunk (or the oldest keyframe held, when the ring is younger than that).
     */
    public synchronized List<TsChunk> snapshot() {
        List<TsChunk> out = new ArrayList<>();
        for (Gop gop : gops) {
            out.addAll(gop.chunks);
        }
        return out;
    }

    public synchronized double seconds() {
        if (gops.isEmpty()) {
            return 0;
        }
        List<TsChunk> newest = gops.peekLast().chunks;
        return (newest.get(newest.size() - 1).timeNanos() - gops.peekFirst().startPts) / 1e9;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** The most recent keyframe interval in nanoseconds, 0 until two keyframes were seen. */
    public synchronized long lastGopNanos() {
        return lastGopNanos;
    }

    public synchronized void clear() {
        newestPts = Long.MIN_VALUE;
        gops.clear();
        bytes = 0;
    }

    private static final class Gop {
        final long startPts;
        final List<TsChunk> chunks = new ArrayList<>();

        Gop(long startPts) {
            this.startPts = startPts;
        }

        long bytes() {
            long sum = 0;
            for (TsChunk chunk : chunks) {
                sum += chunk.data().length;
            }
            return sum;
        }
    }
}
