package org.beholder.core.store;

import java.nio.file.Path;

/**
 * Where the event store keeps its files and how much it queues.
 *
 * @param databaseFile        the SQLite database, e.g. {@code <data>/events/events.db}
 * @param thumbnailsFolder    event thumbnails, e.g. {@code <data>/thumbnails}
 * @param nativeLibraryFolder where sqlite-jdbc unpacks its native library, unless {@code org.sqlite.tmpdir} is
 *                            already set (docs/design/event-store.md)
 * @param queueCapacity       writes that may wait for the writer before the least valuable are dropped
 * @param batchSize           writes per transaction at most
 */
public record EventStoreOptions(Path databaseFile, Path thumbnailsFolder, Path nativeLibraryFolder,
        int queueCapacity, int batchSize) {

    public static final int DEFAULT_QUEUE_CAPACITY = 10_000;
    public static final int DEFAULT_BATCH_SIZE = 500;

    public EventStoreOptions {
        if (queueCapacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("queue capacity and batch size must be positive");
        }
    }

    /** The usual layout under a data folder: {@code events/events.db}, {@code thumbnails/}, {@code events/native/}. */
    public static EventStoreOptions under(Path dataFolder) {
        return new EventStoreOptions(dataFolder.resolve("events").resolve("events.db"),
                dataFolder.resolve("thumbnails"), dataFolder.resolve("events").resolve("native"),
                DEFAULT_QUEUE_CAPACITY, DEFAULT_BATCH_SIZE);
    }

    public EventStoreOptions withQueueCapacity(int capacity) {
        return new EventStoreOptions(databaseFile, thumbnailsFolder, nativeLibraryFolder, capacity, batchSize);
    }
}
