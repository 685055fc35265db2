package org.beholder.core.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;

/** Events and stores for the event store's tests. */
final class StoreFixtures {
    static final long T0 = Instant.parse("2026-12-01T00:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long HOUR = 60 * MINUTE;
    static final long DAY = 24 * HOUR;

    private StoreFixtures() {
    }

    static EventStore open(Path data) {
        return EventStore.open(EventStoreOptions.under(data), InstantSource.fixed(Instant.ofEpochMilli(T0)));
    }

    static EventStore open(Path data, long nowMs) {
        return EventStore.open(EventStoreOptions.under(data), InstantSource.fixed(Instant.ofEpochMilli(nowMs)));
    }

    static StoredEvent object(String id, String channel, String label, double score, long startMs, long endMs) {
        return new StoredEvent(id, channel, "object", label, score, startMs, endMs, List.of(), new Box(0.1, 0.2, 0.3,
                0.4), null, null, null, false, Map.of());
    }

    static StoredEvent motion(String id, String channel, String zone, long startMs, Long endMs) {
        return new StoredEvent(id, channel, "motion", null, null, startMs, endMs, List.of(zone), null, null, null,
                null, false, Map.of("phase", "start"));
    }

    static StoredEvent status(String id, String channel, long startMs) {
        return new StoredEvent(id, channel, "status", "CONNECTED", null, startMs, startMs, List.of(), null, null,
                null, null, false, Map.of("message", "ok", "recording", false));
    }

    static StoredEvent recording(String recordingId, String channel, long startMs, Long endMs) {
        return new StoredEvent("recording-" + recordingId, channel, "recording", null, null, startMs, endMs,
                List.of(), null, null, recordingId, 0L, false, Map.of("reasons", List.of("motion")));
    }

    static List<String> ids(EventPage page) {
        return page.events().stream().map(StoredEvent::id).toList();
    }
}
