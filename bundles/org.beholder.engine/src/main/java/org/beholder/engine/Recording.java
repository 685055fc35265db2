package org.beholder.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * One recording of a channel: an HLS folder with {@code index.m3u8}, its segments and {@code recording.properties}.
 *
 * @param id        unique within the channel, sortable by start time
 * @param channelId the channel it belongs to
 * @param start     wall-clock time of its first frame
 * @param end       wall-clock time of its last frame; null while it is being written
 * @param reasons   what triggered it, in order (e.g. "manual", "motion", "continuous")
 * @param folder    its folder on disk
 * @param bytes     bytes on disk
 */
public record Recording(String id, String channelId, Instant start, Instant end, List<String> reasons, Path folder,
        long bytes) {

    public boolean isOpen() {
        return end == null;
    }

    public Path playlist() {
        return folder.resolve("index.m3u8");
    }
}
