package org.beholder.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.beholder.engine.Keyframe;
import org.junit.jupiter.api.Test;

/**
 * A channel's analytics with a scripted detector, fed a keyframe a second: what listeners get about tracked objects.
 * The keyframes' times are the clock, so ten minutes take no time.
 */
class TrackedObjectsTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private final List<Object> events = new ArrayList<>();
    /** What the detector returns for the run at a given second. */
    private Function<Long, List<Detection>> script = second -> List.of();

    private final ObjectDetector scripted = new ObjectDetector() {
        @Override
        public String name() {
            return "scripted";
        }

        @Override
        public List<Detection> detect(Keyframe keyframe) {
            return script.apply(Duration.between(T, keyframe.time()).toSeconds());
        }
    };

    private ChannelAnalytics analytics(List<Zone> zones) {
        AnalyticsConfig config = AnalyticsConfig.defaults().withRegions(zones, List.of())
                .withObjects(new AnalyticsConfig.Objects(true, Duration.ofSeconds(30), 1.0, 0.5, Set.of()));
        ChannelAnalytics analytics = new ChannelAnalytics(new Frames.TriggerLog(), config, scripted, Runnable::run);
        analytics.addListener(event -> {
            if (event instanceof AnalyticsEvent.ObjectsSeen seen) {
                events.addAll(seen.tracks());
                events.add(seen);
            }
        });
        return analytics;
    }

    private void feedStillKeyframes(ChannelAnalytics analytics, int seconds) {
        byte[] still = Frames.filled(60); // nothing moves: the detector runs every 30 s
        for (int s = 0; s < seconds; s++) {
            analytics.analyse(new Frames.Picture(T.plusSeconds(s), still));
        }
    }

    private <E> List<E> only(Class<E> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<String> appeared() {
        return only(AnalyticsEvent.ObjectsSeen.class).stream().flatMap(seen -> seen.appeared().stream()).toList();
    }

    @Test
    void aStillPictureForTenMinutesIsOneEventPerRealObject() {
        ChannelAnalytics analytics = analytics(List.of());
        script = second -> {
            long run = second / 30;
            double jitter = (run % 3) * 0.003; // the detector's boxes wobble a little
            List<Detection> found = new ArrayList<>(List.of(
                    new Detection("horse", 0.74 - jitter, 0.10 + jitter, 0.40, 0.25, 0.30),
                    new Detection("horse", 0.66, 0.40, 0.42 - jitter, 0.22, 0.28),
                    new Detection("horse", 0.58 + jitter, 0.68, 0.40, 0.24, 0.31)));
            if (run % 3 != 2) { // a false positive at a middling score that the detector misses every third run
                found.add(new Detection("tvmonitor", 0.55, 0.05, 0.05, 0.1, 0.08));
            }
            return found;
        };
        feedStillKeyframes(analytics, 600);

        List<TrackEvent.ObjectStarted> started = only(TrackEvent.ObjectStarted.class);
        assertEquals(List.of("horse", "horse", "horse", "tv"), started.stream().map(s -> s.object().label()).toList());
        assertEquals(List.of("horse", "horse", "horse", "tv"), appeared(), "one entry per object in 20 runs");
        assertEquals(List.of(), only(TrackEvent.ObjectEnded.class), "nothing left the picture");
        assertEquals(4, only(TrackEvent.ObjectUpdated.class).stream()
                .filter(u -> u.changes().contains(TrackEvent.Change.BECAME_STATIONARY)).count(), "all four stand still");
        AnalyticsEvent.ObjectsSeen last = only(AnalyticsEvent.ObjectsSeen.class).getLast();
        assertEquals(Map.of("horse", 3, "tv", 1), last.counts());
        assertEquals(20, only(AnalyticsEvent.ObjectsSeen.class).size(), "a run every 30 s");
    }

    @Test
    void aStillPictureThatTheDetectorLosesForMinutesIsStillOneEventPerObject() {
        ChannelAnalytics analytics = analytics(List.of());
        Detection horse = new Detection("horse", 0.7, 0.1, 0.4, 0.25, 0.3);
        Detection statue = new Detection("person", 0.6, 0.6, 0.3, 0.1, 0.4);
        // runs 8 to 12 (4 to 6 minutes) see nothing: longer than the hold-off, so both tracks end
        script = second -> second / 30 >= 8 && second / 30 <= 12 ? List.of() : List.of(horse, statue);
        feedStillKeyframes(analytics, 600);

        assertEquals(2, only(TrackEvent.ObjectEnded.class).size());
        List<TrackEvent.ObjectStarted> started = only(TrackEvent.ObjectStarted.class);
        assertEquals(List.of(false, false, true, true), started.stream().map(s -> s.object().stationary()).toList(),
                "seen again in their places: stationary from the start");
        assertEquals(List.of("horse", "person"), appeared(), "only the first sighting is news");
        assertEquals(Map.of("horse", 1, "person", 1), only(AnalyticsEvent.ObjectsSeen.class).getLast().counts());
    }

    @Test
    void aRunReportsItsTrackEventsAndTheZonesEntered() {
        ChannelAnalytics analytics = analytics(List.of(new Zone("gate", Polygon.rectangle(0, 0.5, 0.3, 1)),
                new Zone("lawn", Polygon.rectangle(0.3, 0.5, 1, 1))));
        // a person walks slowly from the gate onto the lawn (0.06 a run); her feet, the bottom centre of her box,
        // decide the zone: the lawn from second 100
        script = second -> second > 150 ? List.of()
                : List.of(new Detection("person", 0.9, second * 0.002, 0.3, 0.2, 0.4));
        feedStillKeyframes(analytics, 300);

        AnalyticsEvent.ObjectsSeen firstRun = only(AnalyticsEvent.ObjectsSeen.class).getFirst();
        TrackEvent.ObjectStarted start = assertInstanceOf(TrackEvent.ObjectStarted.class, firstRun.tracks().getFirst());
        assertEquals(List.of(start.object()), firstRun.objects(), "confirmed at once (0.9) and in view");
        assertEquals(List.of("gate"), start.object().zones());
        TrackEvent.ObjectEnded end = only(TrackEvent.ObjectEnded.class).getFirst();
        assertEquals(List.of("gate", "lawn"), end.object().zones());
        assertEquals(T, end.object().start());
        assertEquals(T.plusSeconds(150), end.end(), "the last run that saw her");
        assertTrue(end.time().isAfter(end.end()), "reported once the hold-off has passed");
        assertEquals(List.of("person"), appeared());
        AnalyticsEvent.ObjectsSeen endRun = only(AnalyticsEvent.ObjectsSeen.class).stream()
                .filter(seen -> seen.time().equals(end.time())).findFirst().orElseThrow();
        assertEquals(Map.of("person", 0), endRun.counts(), "the run that ended her counts no one");
    }
}
