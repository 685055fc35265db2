package org.beholder.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings shared by all channels of one engine. Every size is a {@code long} count of bytes; the constructor
 * refuses values that cannot be meant (negative sizes, a retention interval that is not positive or is absurdly
 * short or long), with a message naming the setting.
 *
 * @param recordingsRoot    folder holding one sub-folder per channel
 * @param maxTotalBytes     recordings of all channels together stay under this (0 = no limit)
 * @param minFreeBytes      retention deletes oldest recordings when free disk space falls under this; recording
 *                          pauses when nothing more can be deleted (0 = record until the disk is full)
 * @param retentionInterval how often retention runs besides when space is low (1 s to 1 day)
 */
public record EngineConfig(Path recordingsRoot, long maxTotalBytes, long minFreeBytes, Duration retentionInterval) {
    /** Larger than any disk made today (1 EiB); a bigger value is a unit mistake, not a wish. */
    static final long MAX_BYTES = 1L << 60;
    private static final Duration MIN_INTERVAL = Duration.ofSeconds(1);
    private static final Duration MAX_INTERVAL = Duration.ofDays(1);

    public EngineConfig {
        Objects.requireNonNull(recordingsRoot, "recordingsRoot");
        requireSize("maxTotalBytes", maxTotalBytes);
        requireSize("minFreeBytes", minFreeBytes);
        if (retentionInterval == null || retentionInterval.compareTo(MIN_INTERVAL) < 0
                || retentionInterval.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException("retentionInterval must be between 1 s and 1 day, was "
                    + retentionInterval);
        }
    }

    private static void requireSize(String name, long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException(name + " must not be negative, was " + bytes);
        }
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException(name + " is absurdly large (" + bytes + " bytes, over 1 EiB)");
        }
    }

    public static EngineConfig of(Path recordingsRoot) {
        return new EngineConfig(recordingsRoot, 0, 512L << 20, Duration.ofMinutes(1));
    }
}
