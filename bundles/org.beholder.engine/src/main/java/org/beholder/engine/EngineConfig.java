package org.beholder.engine;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Settings shared by all channels of one engine.
 *
 * @param recordingsRoot    folder holding one sub-folder per channel
 * @param maxTotalBytes     recordings of all channels together stay under this (0 = no limit)
 * @param minFreeBytes      retention deletes oldest recordings when free disk space falls under this; recording
 *                          pauses when nothing more can be deleted
 * @param retentionInterval how often retention runs besides when space is low
 */
public record EngineConfig(Path recordingsRoot, long maxTotalBytes, long minFreeBytes, Duration retentionInterval) {

    public static EngineConfig of(Path recordingsRoot) {
        return new EngineConfig(recordingsRoot, 0, 512L << 20, Duration.ofMinutes(1));
    }
}
