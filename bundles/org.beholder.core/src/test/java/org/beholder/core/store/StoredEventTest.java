package org.beholder.core.store;

import static org.beholder.core.store.StoreFixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.junit.jupiter.api.Test;

/** The mapping between the journal's events and the store's rows, and what a row refuses. */
class StoredEventTest {
    private static final Instant T = Instant.ofEpochMilli(T0);

    @Test
    void aRecordingFromTheIndexKeepsItsIdEndAndReasons() {
        NvrEvent listed = NvrEvent.withId("recording-r9", EventType.RECORDING, "porch", T, Map.of("id", "r9", "end",
                T.plusSeconds(90).toString(), "open", false, "reasons", List.of("motion", "manual")));
        StoredEvent row = StoredEvent.fromNvrEvent(listed);
        assertEquals("recording-r9", row.id());
        assertEquals("r9", row.recordingId());
        assertEquals(0L, row.recordingOffsetMs());
        assertEquals(T0 + 90_000L, row.endMs());
        assertEquals(Map.of("reasons", List.of("motion", "manual")), row.details());

        NvrEvent back = row.toNvrEvent();
        assertEquals(Map.of("id", "r9", "end", T.plusSeconds(90).toString(), "reasons", List.of("motion",
                "manual")), back.details(), "open is said by the end");
    }

    @Test
    void aMotionStartKeepsItsZoneAsTheRowsZone() {
        NvrEvent start = NvrEvent.of(EventType.MOTION, "porch", T, Map.of("phase", "start", "zone", "drive",
                "level", 0.25));
        StoredEvent row = StoredEvent.fromNvrEvent(start);
        assertEquals(List.of("drive"), row.zones());
        assertNull(row.endMs());
        assertEquals(Map.of("phase", "start", "level", 0.25), row.details());
        assertEquals(start, row.toNvrEvent());
    }

    @Test
    void rowsRefuseWhatTheStoreCouldNotKeepOrFind() {
        assertThrows(IllegalArgumentException.class, () -> StoredEvent.of("e", "porch", "object", T0).withEnd(T0 - 1));
        assertThrows(IllegalArgumentException.class,
                () -> StoredEvent.of("e", "porch", "motion", T0).withZones(List.of("a,b")));
        assertThrows(IllegalArgumentException.class, () -> StoredEvent.of("", "porch", "motion", T0));
        assertThrows(IllegalArgumentException.class,
                () -> StoredEvent.of("e", "porch", "camera", T0).toNvrEvent(), "a type core does not know yet");
    }
}
