package org.beholder.core.store;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/**
 * The child of {@link CrashSafetyTest}: writes bursts of mixed events (some with thumbnails, some ended later)
 * as fast as it can and prints {@code committed <n>} after each burst is committed, until it is killed.
 *
 * <p>Arguments: the data folder, a tag that makes this run's ids unique.
 */
public final class WriteUntilKilled {
    static final int BURST = 500;
    private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, 1, 2, 3, 4, 5, 6, 7, 8, (byte) 0xff, (byte) 0xd9};

    private WriteUntilKilled() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args[0]);
        String tag = args[1];
        long t0 = StoreFixtures.T0;
        try (EventStore store = EventStore.open(EventStoreOptions.under(data), InstantSource.system())) {
            long written = 0;
            while (true) {
                for (int i = 0; i < BURST; i++) {
                    long n = written + i;
                    String id = tag + "-" + n;
                    long start = t0 + n * 1_000L;
                    switch ((int) (n % 4)) {
                        case 0 -> store.put(new StoredEvent(id, "cam" + n % 8, "object", "person", 0.5 + (n % 50)
                                / 100.0, start, start + 2_000L, List.of("door"), new Box(0.1, 0.1, 0.2, 0.2), null,
                                null, null, false, Map.of("counts", Map.of("person", 1L))), JPEG);
                        case 1 -> store.put(StoredEvent.of(id, "cam" + n % 8, "motion", start));
                        case 2 -> store.end(tag + "-" + (n - 1), start + 500L);
                        default -> store.put(StoredEvent.of(id, "cam" + n % 8, "status", start).withEnd(start));
                    }
                }
                store.flush();
                written += BURST;
                // puts only (every fourth call is an end): what the parent must find after the kill
                System.out.println("committed " + written / 4 * 3);
                System.out.flush();
            }
        }
    }
}
