package org.beholder.web.internal.live;

import java.io.ByteArrayOutputStream;
import java.util.ArrayDeque;
import java.util.Locale;

import org.beholder.engine.NvrChannel;
import org.beholder.engine.TsChunk;
import org.beholder.engine.TsSubscription;

/**
 * Live HLS for browsers without Media Source Extensions (iPhone Safari before 17.1): the last few GOPs of a
 * channel as in-memory segments, one per keyframe interval. It subscribes to the channel only while players ask
 * for it and lets go after {@value #IDLE_MILLIS} ms without a request. Latency is a few segments, the price of
 * HLS.
 */
public final class LiveHlsWindow {
    static final long IDLE_MILLIS = 30_000;
    private static final int SEGMENTS = 5;
    private static final long MIN_SEGMENT_NANOS = 1_000_000_000L;

    private record Segment(long sequence, byte[] data, double seconds) {
    }

    private final NvrChannel channel;
    private final ArrayDeque<Segment> segments = new ArrayDeque<>();
    private ByteArrayOutputStream building;
    private long buildingStartNanos;
    private long nextSequence;
    private TsSubscription subscription;
    private long lastRequestMillis;

    public LiveHlsWindow(NvrChannel channel) {
        this.channel = channel;
    }

    /** Marks a request and subscribes if needed. */
    public synchronized void touch() {
        lastRequestMillis = System.currentTimeMillis();
        if (subscription == null) {
            subscription = channel.subscribe("live-hls", this::accept);
        }
    }

    public synchronized boolean idle() {
        boolean idle = System.currentTimeMillis() - lastRequestMillis > IDLE_MILLIS;
        if (idle && subscription != null) {
            subscription.close();
            subscription = null;
            segments.clear();
            building = null;
        }
        return idle;
    }

    private synchronized void accept(TsChunk chunk) {
        if (chunk.keyframe() && building != null && chunk.timeNanos() - buildingStartNanos >= MIN_SEGMENT_NANOS) {
            segments.addLast(new Segment(nextSequence++, building.toByteArray(),
                    (chunk.timeNanos() - buildingStartNanos) / 1e9));
            while (segments.size() > SEGMENTS) {
                segments.removeFirst();
            }
            building = null;
        }
        if (building == null) {
            if (!chunk.keyframe()) {
                return;
            }
            building = new ByteArrayOutputStream(256 * 1024);
            buildingStartNanos = chunk.timeNanos();
        }
        building.write(chunk.data(), 0, chunk.data().length);
    }

    /** The playlist, or null while not even one segment is complete. */
    public synchronized String playlist() {
        if (segments.isEmpty()) {
            return null;
        }
        double longest = segments.stream().mapToDouble(Segment::seconds).max().orElse(1);
        StringBuilder text = new StringBuilder("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.append("#EXT-X-TARGETDURATION:").append((long) Math.ceil(longest)).append('\n');
        text.append("#EXT-X-MEDIA-SEQUENCE:").append(segments.peekFirst().sequence()).append('\n');
        for (Segment segment : segments) {
            text.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%nlive-%d.ts%n", segment.seconds(),
                    segment.sequence()));
        }
        return text.toString();
    }

    /** A segment still in the window, or null. */
    public synchronized byte[] segment(long sequence) {
        for (Segment segment : segments) {
            if (segment.sequence() == sequence) {
                return segment.data();
            }
        }
        return null;
    }
}
