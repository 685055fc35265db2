package org.beholder.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beholder.engine.Keyframe;
import org.junit.jupiter.api.Test;

/** When the detector runs, what survives the filters, and what the events and triggers say. */
class ObjectSchedulingTest {
    private final Frames.TriggerLog channel = new Frames.TriggerLog();
    private final List<AnalyticsEvent.ObjectsSeen> seen = new ArrayList<>();
    private final List<Instant> runs = new ArrayList<>();
    private List<Detection> nextResult = List.of();

    /** A detector that returns whatever the test sets, and notes when it ran. */
    private final ObjectDetector scripted = new ObjectDetector() {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public List<Detection> detect(Keyframe keyframe) {
            runs.add(keyframe.time());
            return nextResult;
        }
    };

    private ChannelAnalytics analytics(Set<String> classes) {
        AnalyticsConfig config = AnalyticsConfig.defaults().withObjects(new AnalyticsConfig.Objects(true,
                Duration.ofSeconds(30), 0.5, 0.5, classes));
        ChannelAnalytics analytics = new ChannelAnalytics(channel, config, scripted, Runnable::run);
        analytics.addListener(e -> {
            if (e instanceof AnalyticsEvent.ObjectsSeen objects) {
                seen.add(objects);
            }
        });
        return analytics;
    }

    @Test
    void runsEveryThirtySecondsWhileIdleAndAtTheCappedRateDuringMotion() {
        ChannelAnalytics analytics = analytics(Set.of());
        Instant t = Instant.parse("2026-11-21T12:00:00Z");
        byte[] still = Frames.filled(50);
        for (int s = 0; s < 65; s++) { // 65 s without motion, a keyframe a second
            analytics.analyse(new Frames.Picture(t.plusSeconds(s), still));
        }
        assertEquals(List.of(t, t.plusSeconds(30), t.plusSeconds(60)), runs, "idle: every 30 s");

        runs.clear();
        Instant m = t.plusSeconds(65);
        for (int s = 0; s < 8; s++) { // a block moves: motion lasts; the cap is 0.5 runs a second
            analytics.analyse(new Frames.Picture(m.plusSeconds(s), Frames.block(20, 10 + s * 35, 100, 40, 220)));
        }
        assertTrue(analytics.motionActive());
        assertEquals(List.of(m, m.plusSeconds(2), m.plusSeconds(4), m.plusSeconds(6)), runs,
                "during motion: as often as 0.5/s allows");
    }

    @Test
    void filtersByScoreAndClassAndCountsConfirmedObjects() {
        ChannelAnalytics analytics = analytics(Set.of("person", "dog"));
        Instant t = Instant.parse("2026-11-21T12:00:00Z");
        Detection person = new Detection("person", 0.9, 0.1, 0.1, 0.2, 0.5);
        Detection secondPerson = new Detection("person", 0.7, 0.6, 0.1, 0.2, 0.5);
        Detection weakDog = new Detection("dog", 0.3, 0.4, 0.6, 0.2, 0.2);
        Detection car = new Detection("car", 0.95, 0.5, 0.5, 0.3, 0.2);
        nextResult = List.of(person, secondPerson, weakDog, car);
        analytics.analyse(new Frames.Picture(t, Frames.filled(50)));
        AnalyticsEvent.ObjectsSeen first = seen.get(0);
        assertEquals(List.of(person, secondPerson), first.detections(), "score >= 0.5 and only chosen classes");
        assertEquals(Map.of("person", 1), first.counts(), "0.9 confirms at once; 0.7 needs a second run");
        assertEquals(List.of("person"), first.appeared());

        analytics.analyse(new Frames.Picture(t.plusSeconds(30), Frames.filled(50)));
        AnalyticsEvent.ObjectsSeen second = seen.get(1);
        assertEquals(Map.of("person", 2), second.counts(), "the second person is confirmed by the second run");
        assertEquals(List.of("person"), second.appeared(), "one entry per new object");

        nextResult = List.of();
        for (int run = 1; run <= 3; run++) {
            analytics.analyse(new Frames.Picture(t.plusSeconds(30 + 30 * run), Frames.filled(50)));
        }
        assertEquals(Map.of("person", 2), seen.get(3).counts(), "held for two missed runs");
        assertEquals(Map.of("person", 0), seen.get(4).counts(), "counts fall back to zero after the hold-off");
        assertEquals(List.of(), seen.get(4).appeared());
    }

    @Test
    void darknetLabelsAndConfiguredNamesBecomeStandardNames() {
        ChannelAnalytics analytics = analytics(Set.of("motorbike", "TV"));
        nextResult = List.of(new Detection("motorbike", 0.9, 0.1, 0.1, 0.2, 0.2),
                new Detection("tvmonitor", 0.9, 0.5, 0.1, 0.2, 0.2), new Detection("sofa", 0.9, 0.5, 0.5, 0.2, 0.2));
        analytics.analyse(new Frames.Picture(Instant.parse("2026-11-21T12:00:00Z"), Frames.filled(50)));
        assertEquals(Map.of("motorcycle", 1, "tv", 1), seen.get(0).counts(), "the couch is not a chosen class");
        assertEquals(List.of("motorcycle", "tv"), seen.get(0).detections().stream().map(Detection::label).toList());
    }

    @Test
    void allSelectsEveryClass() {
        ChannelAnalytics analytics = analytics(Set.of("all"));
        nextResult = List.of(new Detection("giraffe", 0.9, 0.1, 0.1, 0.2, 0.2),
                new Detection("toothbrush", 0.9, 0.5, 0.1, 0.2, 0.2));
        analytics.analyse(new Frames.Picture(Instant.parse("2026-11-21T12:00:00Z"), Frames.filled(50)));
        assertEquals(Map.of("giraffe", 1, "toothbrush", 1), seen.get(0).counts());
    }
}
