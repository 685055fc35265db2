package org.beholder.core.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Each event type has one schema; ids are unique and sort by time. */
class NvrEventTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void detailsFollowTheirTypesSchema() {
        NvrEvent qr = NvrEvent.of(EventType.QR, "cam", T, Map.of("text", "hello"));
        assertEquals("qr", qr.type());
        assertEquals("qr event lacks [text]", assertThrows(IllegalArgumentException.class,
                () -> NvrEvent.of(EventType.QR, "cam", T, Map.of())).getMessage());
        assertEquals("motion events have no field 'label'", assertThrows(IllegalArgumentException.class,
                () -> NvrEvent.of(EventType.MOTION, "cam", T, Map.of("phase", "start", "zone", "all", "label",
                        "x"))).getMessage());
        assertEquals("unknown event type 'doorbell'", assertThrows(IllegalArgumentException.class,
                () -> new NvrEvent("1", "doorbell", "cam", T, Map.of())).getMessage());
    }

    @Test
    void idsAreUniqueAndSortByTime() {
        NvrEvent first = NvrEvent.of(EventType.QR, "cam", T, Map.of("text", "a"));
        NvrEvent same = NvrEvent.of(EventType.QR, "cam", T, Map.of("text", "a"));
        NvrEvent later = NvrEvent.of(EventType.QR, "cam", T.plusSeconds(60), Map.of("text", "a"));
        assertNotEquals(first.id(), same.id());
        String[] parts = first.id().split("-");
        assertEquals(T.toEpochMilli(), Long.parseLong(parts[0], 36), "the id begins with the event's time");
        assertEquals(List.of(first.id(), later.id()), List.of(first.id(), later.id()).stream().sorted().toList());
    }

    @Test
    void aBrokenListenerDoesNotKeepTheEventFromTheOthers() {
        EventJournal journal = new EventJournal(2);
        java.util.List<NvrEvent> received = new java.util.ArrayList<>();
        journal.addListener(e -> {
            throw new IllegalStateException("broken page");
        });
        journal.addListener(received::add);
        for (int i = 0; i < 3; i++) {
            journal.record(NvrEvent.of(EventType.QR, "cam", T.plusSeconds(i), Map.of("text", "t" + i)));
        }
        assertEquals(3, received.size());
        assertEquals(List.of("t1", "t2"), journal.list("cam", T, T.plusSeconds(10)).stream()
                .map(e -> e.details().get("text")).toList(), "bounded per channel, oldest dropped first");
    }
}
