package org.beholder.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.Detection;
import org.beholder.analytics.TrackEvent;
import org.beholder.analytics.TrackedObject;
import org.beholder.core.events.EventJournal;
import org.beholder.core.events.NvrEvent;
import org.junit.jupiter.api.Test;

class AnalyticsToEventsTest {
    private static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

    private static TrackedObject object(long id, String label, double score, boolean stationary) {
        Detection box = new Detection(label, score, 0.1, 0.2, 0.3, 0.4);
        return new TrackedObject(id, label, T, T.plusSeconds(1), box, box, T, List.of("porch"), stationary);
    }

    @Test
    void keepsStartsStopsNewObjectsAndQrCodesButNotPerKeyframeLevels() {
        EventJournal journal = new EventJournal(100);
        AnalyticsToEvents events = new AnalyticsToEvents(journal);
        events.event(new AnalyticsEvent.MotionLevel("cam", T, 0.3, "all"));
        events.event(new AnalyticsEvent.MotionStarted("cam", T, "driveway", 0.3));
        TrackedObject person = object(7, "person", 0.8, false);
        TrackedObject car = object(3, "car", 0.6, false);
        Instant run = T.plusSeconds(1);
        events.event(new AnalyticsEvent.ObjectsSeen("cam", run, List.of(person.latest(), car.latest()),
                Map.of("person", 1, "car", 1), List.of("person"),
                List.of(new TrackEvent.ObjectUpdated("cam", run, car, Set.of(TrackEvent.Change.BETTER_SCORE)),
                        new TrackEvent.ObjectStarted("cam", run, person)),
                List.of(car, person)));
        events.event(new AnalyticsEvent.QrCodeSeen("cam", T.plusSeconds(2), "hello"));
        events.event(new AnalyticsEvent.MotionStopped("cam", T.plusSeconds(3), "driveway"));

        List<NvrEvent> kept = journal.list("cam", T.minusSeconds(1), T.plusSeconds(10));
        assertEquals(List.of("motion", "object", "qr", "motion"), kept.stream().map(NvrEvent::type).toList());
        assertEquals(Map.of("phase", "start", "zone", "driveway", "level", 0.3), kept.get(0).details());
        assertEquals(Map.of("label", "person", "score", 0.8, "box", Map.of("x", 0.1, "y", 0.2, "width", 0.3,
                "height", 0.4), "counts", Map.of("person", 1, "car", 1), "trackId", 7L, "zones", List.of("porch")),
                kept.get(1).details(), "only the object that started");
        assertEquals("hello", kept.get(2).details().get("text"));
        assertEquals("stop", kept.get(3).details().get("phase"));
        assertEquals(4, kept.stream().map(NvrEvent::id).distinct().count(), "every event has its own id");
    }

    @Test
    void oneObjectIsOneEventHoweverManyRunsSeeItAndAStationaryReturnIsNone() {
        EventJournal journal = new EventJournal(100);
        AnalyticsToEvents events = new AnalyticsToEvents(journal);
        TrackedObject horse = object(1, "horse", 0.7, false);
        events.event(new AnalyticsEvent.ObjectsSeen("cam", T, List.of(horse.latest()), Map.of("horse", 1),
                List.of("horse"), List.of(new TrackEvent.ObjectStarted("cam", T, horse)), List.of(horse)));
        for (int run = 1; run <= 20; run++) {
            events.event(new AnalyticsEvent.ObjectsSeen("cam", T.plusSeconds(30 * run), List.of(horse.latest()),
                    Map.of("horse", 1), List.of(), List.of(), List.of(horse)));
        }
        TrackedObject again = object(2, "horse", 0.7, true);
        events.event(new AnalyticsEvent.ObjectsSeen("cam", T.plusSeconds(700), List.of(again.latest()),
                Map.of("horse", 1), List.of(), List.of(new TrackEvent.ObjectStarted("cam", T, again)),
                List.of(again)));
        assertEquals(1, journal.list("cam", T.minusSeconds(1), T.plusSeconds(800)).size());
    }
}
