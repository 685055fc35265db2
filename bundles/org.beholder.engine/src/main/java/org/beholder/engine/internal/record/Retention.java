package org.beholder.engine.internal.record;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.beholder.engine.EngineConfig;
import org.beholder.engine.Recording;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes the oldest closed recordings when a limit is passed: per channel by age and bytes, all channels by
 * total bytes, and the disk by free space. Never touches a recording in progress, and free-space clean-up spares
 * recordings that ended within the last hour: when only those are left, the recorder pauses instead.
 */
public final class Retention {
    private static final Logger logger = LoggerFactory.getLogger(Retention.class);
    /** Free-space clean-up never deletes recordings that ended this recently. */
    static final Duration RECENT_PROTECTION = Duration.ofHours(1);

    /** Per-channel limits; 0 means no limit. */
    public record Policy(int maxAgeDays, long maxBytes) {
    }

    private final RecordingStore store;
    private final EngineConfig config;
    private final LongSupplier freeBytes;
    private final InstantSource clock;
    private final Map<String, Policy> policies = new ConcurrentHashMap<>();

    /** Ages are judged by {@code clock}, against each recording's end. */
    public Retention(RecordingStore store, EngineConfig config, InstantSource clock) {
        this(store, config, () -> usableSpace(store), clock);
    }

    public Retention(RecordingStore store, EngineConfig config, LongSupplier freeBytes, InstantSource clock) {
        this.store = store;
        this.config = config;
        this.freeBytes = freeBytes;
        this.clock = clock;
    }

    private static long usableSpace(RecordingStore store) {
        try {
            return Files.getFileStore(store.root()).getUsableSpace();
        } catch (IOException e) {
            return 0;
        }
    }

    public void setPolicy(String channelId, Policy policy) {
        policies.put(channelId, policy);
    }

    public void removePolicy(String channelId) {
        policies.remove(channelId);
    }

    /** Applies every limit; returns how many recordings were deleted. */
    public synchronized int run() {
        int deleted = 0;
        Instant now = clock.instant();
        for (Map.Entry<String, Policy> entry : policies.entrySet()) {
            String channel = entry.getKey();
            Policy policy = entry.getValue();
            for (Recording recording : closedOf(channel)) {
                boolean tooOld = policy.maxAgeDays() > 0
                        && recording.end().isBefore(now.minus(Duration.ofDays(policy.maxAgeDays())));
                boolean tooBig = policy.maxBytes() > 0 && store.bytes(channel) > policy.maxBytes();
                if (!tooOld && !tooBig) {
                    break;
                }
                deleted += delete(recording, tooOld ? "older than " + policy.maxAgeDays() + " days"
                        : "channel over " + policy.maxBytes() + " bytes");
            }
        }
        Instant protectedAfter = now.minus(RECENT_PROTECTION);
        for (Recording recording : store.closedOldestFirst()) {
            boolean overTotal = config.maxTotalBytes() > 0 && store.totalBytes() > config.maxTotalBytes();
            boolean lowSpace = freeBytes.getAsLong() < config.minFreeBytes();
            if (!overTotal && !lowSpace) {
                break;
            }
            if (!overTotal && recording.end().isAfter(protectedAfter)) {
                break; // a full disk pauses recording rather than eat the events just recorded
            }
            deleted += delete(recording, overTotal ? "all recordings over " + config.maxTotalBytes() + " bytes"
                    : "free disk space under " + config.minFreeBytes() + " bytes");
        }
        return deleted;
    }

    /** True when there is room to record; runs retention first if there is not. */
    public boolean ensureSpace() {
        return ensureSpace(0);
    }

    /** True when at least {@code minFreeBytes + headroom} is free; runs retention first if it is not. */
    public boolean ensureSpace(long headroom) {
        long required = config.minFreeBytes() + headroom;
        if (freeBytes.getAsLong() >= required) {
            return true;
        }
        run();
        return freeBytes.getAsLong() >= required;
    }

    public long freeBytes() {
        return freeBytes.getAsLong();
    }

    public long minFreeBytes() {
        return config.minFreeBytes();
    }

    private List<Recording> closedOf(String channel) {
        return store.closedOldestFirst().stream().filter(r -> r.channelId().equals(channel)).toList();
    }

    private int delete(Recording recording, String why) {
        try {
            store.delete(recording);
            logger.info("Deleted recording {} of {}: {}", recording.id(), recording.channelId(), why);
            return 1;
        } catch (IOException e) {
            logger.warn("Could not delete recording {}: {}", recording.folder(), e.getMessage());
            return 0;
        }
    }
}
