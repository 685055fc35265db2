package org.beholder.core.store;

import static org.beholder.core.store.StoreFixtures.DAY;
import static org.beholder.core.store.StoreFixtures.HOUR;
import static org.beholder.core.store.StoreFixtures.MINUTE;
import static org.beholder.core.store.StoreFixtures.T0;
import static org.beholder.core.store.StoreFixtures.ids;
import static org.beholder.core.store.StoreFixtures.motion;
import static org.beholder.core.store.StoreFixtures.object;
import static org.beholder.core.store.StoreFixtures.open;
import static org.beholder.core.store.StoreFixtures.recording;
import static org.beholder.core.store.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every filter of a search, alone and together, the order, the pages and the count. */
class EventSearchTest {
    @TempDir
    Path data;
    EventStore store;

    @BeforeEach
    void fill() {
        store = open(data);
        store.put(object("person-porch", "porch", "person", 0.9, T0 + HOUR, T0 + HOUR + MINUTE)
                .withZones(List.of("door")).withRecording("r1", 3_000L));
        store.put(object("car-porch", "porch", "car", 0.6, T0 + 2 * HOUR, T0 + 2 * HOUR + MINUTE)
                .withZones(List.of("drive")));
        store.put(object("person-yard", "yard", "person", 0.4, T0 + 3 * HOUR, T0 + 3 * HOUR + MINUTE));
        store.put(motion("motion-yard", "yard", "lawn", T0 + 4 * HOUR, T0 + 4 * HOUR + 10_000L));
        store.put(status("status-yard", "yard", T0 + 5 * HOUR));
        store.put(recording("r1", "porch", T0 + HOUR - 5_000L, T0 + HOUR + 2 * MINUTE));
        // a long event that began the day before, and one still going on since then
        store.put(motion("long-motion", "porch", "door", T0 - DAY / 2, T0 + 30 * MINUTE));
        store.put(motion("ongoing-motion", "yard", "lawn", T0 - DAY / 2, null));
        store.flush();
    }

    @AfterEach
    void close() {
        store.close();
    }

    private List<String> search(EventQuery query) {
        return ids(store.search(query.withLimit(100)));
    }

    @Test
    void everythingNewestFirstByDefaultAndOldestFirstOnRequest() {
        assertEquals(List.of("status-yard", "motion-yard", "person-yard", "car-porch", "person-porch", "recording-r1",
                "ongoing-motion", "long-motion"), search(EventQuery.all()));
        assertEquals(List.of("long-motion", "ongoing-motion", "recording-r1", "person-porch"),
                search(EventQuery.all().withOldestFirst(true)).subList(0, 4));
    }

    @Test
    void channelsTypesLabels() {
        assertEquals(List.of("car-porch", "person-porch", "recording-r1", "long-motion"),
                search(EventQuery.all().withChannels("porch")));
        assertEquals(8, search(EventQuery.all().withChannels("porch", "yard")).size());
        assertEquals(List.of("motion-yard", "ongoing-motion", "long-motion"),
                search(EventQuery.all().withTypes("motion")));
        assertEquals(List.of("status-yard", "motion-yard", "ongoing-motion", "long-motion"),
                search(EventQuery.all().withTypes("motion", "status")));
        assertEquals(List.of("person-yard", "person-porch"), search(EventQuery.all().withLabels("person")));
        assertEquals(List.of("person-porch"), search(EventQuery.all().withLabels("person").withChannels("porch")));
        assertEquals(List.of(), search(EventQuery.all().withLabels("persn")));
    }

    @Test
    void timeRangesFindEveryEventThatOverlapsThem() {
        // [T0, T0 + 90 min): the long motion ends inside, the ongoing one began before and still goes on
        assertEquals(List.of("person-porch", "recording-r1", "ongoing-motion", "long-motion"),
                search(EventQuery.all().withTime(T0, T0 + 90 * MINUTE)));
        // starting exactly at the end is outside; ending exactly at the start is inside
        assertEquals(List.of("motion-yard", "person-yard", "ongoing-motion"),
                search(EventQuery.all().withTime(T0 + 3 * HOUR + MINUTE, T0 + 5 * HOUR)));
        assertEquals(List.of("status-yard", "ongoing-motion"), search(EventQuery.all().withTime(T0 + 5 * HOUR,
                null)));
        assertEquals(List.of("long-motion", "ongoing-motion"),
                search(EventQuery.all().withTime(null, T0 - HOUR).withOldestFirst(true)));
        assertEquals(List.of("ongoing-motion"), search(EventQuery.all().withTime(T0 + 10 * DAY, T0 + 11 * DAY)));
    }

    @Test
    void zoneScoreAndRecording() {
        assertEquals(List.of("person-porch", "long-motion"), search(EventQuery.all().withZone("door")));
        assertEquals(List.of("motion-yard", "ongoing-motion"), search(EventQuery.all().withZone("lawn")));
        assertEquals(List.of(), search(EventQuery.all().withZone("law")));
        assertEquals(List.of("car-porch", "person-porch"), search(EventQuery.all().withMinScore(0.6)));
        assertEquals(List.of("person-porch", "recording-r1"), search(EventQuery.all().withHasRecording(true)));
        assertEquals(6, search(EventQuery.all().withHasRecording(false)).size());
        assertEquals(List.of("person-porch"), search(EventQuery.all().withHasRecording(true).withLabels("person")
                .withMinScore(0.5).withZone("door").withChannels("porch").withTime(T0, T0 + DAY)));
    }

    @Test
    void pagesByCursorListEveryEventOnceAndCountIgnoresThePage() {
        for (int i = 0; i < 25; i++) { // same start time for several: the id breaks the tie
            store.put(object("tie-" + (char) ('a' + i), "gate", "cat", 0.5, T0 + DAY + (i / 5) * MINUTE,
                    T0 + DAY + (i / 5) * MINUTE));
        }
        store.flush();
        EventQuery query = EventQuery.all().withChannels("gate").withLimit(7);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            EventPage page = store.search(query.withCursor(cursor));
            seen.addAll(ids(page));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(4, pages);
        assertEquals(25, seen.size());
        assertEquals(ids(store.search(query.withLimit(25))), seen);
        assertEquals(List.of("tie-y", "tie-x", "tie-w", "tie-v", "tie-u", "tie-t", "tie-s"), seen.subList(0, 7));

        assertEquals(seen.subList(7, 14), ids(store.search(query.withOffset(7))));
        assertEquals(25, store.count(query));
        assertEquals(5, store.count(EventQuery.all().withChannels("gate").withTime(T0 + DAY, T0 + DAY + MINUTE)));
        assertNull(store.search(query.withLimit(25)).nextCursor());
    }

    @Test
    void badCursorsAndLimitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> store.search(EventQuery.all().withCursor("garbage")));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all().withLimit(0));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all().withLimit(EventQuery.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> EventQuery.all().withTime(T0, T0 - 1));
    }
}
