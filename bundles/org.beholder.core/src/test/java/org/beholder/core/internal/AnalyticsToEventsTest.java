package org.beholder.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.Detection;
import org.beholder.core.events.EventJournal;
import org.beholder.core.events.NvrEvent;
import org.junit.jupiter.api.Test;

class AnalyticsToEventsTest {
    private static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void keepsStartsStopsNewObjectsAndQrCodesButNotPerKeyframeLevels() {
        EventJournal journal = new EventJournal(100);
        AnalyticsToEvents events = new AnalyticsToEvents(journal);
        events.event(new AnalyticsEvent.MotionLevel("cam", T, 0.3, "all"));
        events.event(new AnalyticsEvent.MotionStarted("cam", T, "driveway", 0.3));
        Detection person = new Detection("person", 0.8, 0.1, 0.2, 0.3, 0.4);
        events.event(new AnalyticsEvent.ObjectsSeen("cam", T.plusSeconds(1), List.of(person,
                new Detection("car", 0.6, 0.5, 0.5, 0.2, 0.2)), Map.of("person", 1, "car", 1), List.of("person")));
        events.event(new AnalyticsEvent.QrCodeSeen("cam", T.plusSeconds(2), "hello"));
        events.event(new AnalyticsEvent.MotionStopped("cam", T.plusSeconds(3), "driveway"));

        List<NvrEvent> kept = journal.list("cam", T.minusSeconds(1), T.plusSeconds(10));
        assertEquals(List.of("motion", "object", "qr", "motion"), kept.stream().map(NvrEvent::type).toList());
        assertEquals(Map.of("phase", "start", "zone", "driveway", "level", 0.3), kept.get(0).details());
        assertEquals("person", kept.get(1).details().get("label"), "only the class that appeared");
        assertEquals(0.8, kept.get(1).details().get("score"));
        assertEquals(Map.of("person", 1, "car", 1), kept.get(1).details().get("counts"));
        assertEquals("hello", kept.get(2).details().get("text"));
        assertEquals("stop", kept.get(3).details().get("phase"));
        assertEquals(4, kept.stream().map(NvrEvent::id).distinct().count(), "every event has its own id");
    }
}
