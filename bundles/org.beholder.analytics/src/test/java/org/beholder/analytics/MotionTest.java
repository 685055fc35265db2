package org.beholder.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Synthetic keyframe sequences, one a second, through a channel's analytics. */
class MotionTest {
    private final Frames.TriggerLog channel = new Frames.TriggerLog();
    private final List<AnalyticsEvent> events = new ArrayList<>();
    private Instant clock = Instant.parse("2026-11-21T12:00:00Z");

    private ChannelAnalytics analytics(AnalyticsConfig config) {
        ChannelAnalytics analytics = new ChannelAnalytics(channel, config, null, Runnable::run);
        analytics.addListener(events::add);
        return analytics;
    }

    private void feed(ChannelAnalytics analytics, byte[] gray) {
        clock = clock.plusSeconds(1);
        analytics.analyse(new Frames.Picture(clock, gray));
    }

    private <T extends AnalyticsEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void aMovingBlockStartsMotionWhichStopsAfterTheHoldTime() {
        ChannelAnalytics analytics = analytics(AnalyticsConfig.defaults());
        feed(analytics, Frames.block(20, 10, 100, 40, 220));
        for (int step = 1; step <= 5; step++) {
            feed(analytics, Frames.block(20, 10 + step * 45, 100, 40, 220));
        }
        List<AnalyticsEvent.MotionStarted> started = of(AnalyticsEvent.MotionStarted.class);
        assertEquals(1, started.size(), "one start while the block moves");
        assertEquals(Zone.WHOLE_PICTURE, started.get(0).zone());
        assertTrue(started.get(0).level() > 0.02, "level " + started.get(0).level());
        assertTrue(analytics.motionActive());
        assertEquals(List.of(), channel.triggers, "analytics reports motion; the recording policy decides");

        byte[] still = Frames.block(20, 10 + 5 * 45, 100, 40, 220);
        for (int i = 0; i < 4; i++) {
            feed(analytics, still);
        }
        assertEquals(List.of(), of(AnalyticsEvent.MotionStopped.class), "not before the 5 s hold");
        for (int i = 0; i < 3; i++) {
            feed(analytics, still);
        }
        assertEquals(1, of(AnalyticsEvent.MotionStopped.class).size(), "stops after the hold");
        assertEquals(0.0, analytics.motionLevel(), 1e-9);
    }

    @Test
    void aGlobalBrightnessStepIsNotMotion() {
        ChannelAnalytics analytics = analytics(AnalyticsConfig.defaults());
        feed(analytics, Frames.filled(60));
        feed(analytics, Frames.filled(160)); // lights switched on
        feed(analytics, Frames.filled(160));
        feed(analytics, Frames.filled(90));
        assertEquals(List.of(), of(AnalyticsEvent.MotionStarted.class));
        assertTrue(of(AnalyticsEvent.MotionLevel.class).stream().allMatch(e -> e.level() < 0.005));
    }

    @Test
    void randomNoiseIsNotMotion() {
        ChannelAnalytics analytics = analytics(AnalyticsConfig.defaults());
        Random random = new Random(42);
        for (int i = 0; i < 20; i++) {
            feed(analytics, Frames.noise(100, 25, random)); // a grainy night picture
        }
        assertEquals(List.of(), of(AnalyticsEvent.MotionStarted.class));
    }

    @Test
    void motionOnlyInsideAMaskIsIgnoredButAZoneNamesWhereItHappened() {
        Polygon tree = Polygon.rectangle(0, 0.3, 0.5, 0.8);
        ChannelAnalytics masked = analytics(AnalyticsConfig.defaults().withRegions(List.of(), List.of(tree)));
        for (int step = 0; step < 5; step++) { // the block moves inside the left half, in the mask
            feed(masked, Frames.block(20, 10 + step * 20, 100, 40, 220));
        }
        assertEquals(List.of(), of(AnalyticsEvent.MotionStarted.class));

        events.clear();
        Zone driveway = new Zone("driveway", Polygon.rectangle(0, 0, 0.5, 1));
        Zone garden = new Zone("garden", Polygon.rectangle(0.5, 0, 1, 1));
        ChannelAnalytics zoned = analytics(AnalyticsConfig.defaults().withRegions(List.of(driveway, garden),
                List.of()));
        for (int step = 0; step < 4; step++) { // moves in the right half only
            feed(zoned, Frames.block(20, 180 + step * 30, 100, 40, 220));
        }
        List<AnalyticsEvent.MotionStarted> started = of(AnalyticsEvent.MotionStarted.class);
        assertEquals(1, started.size());
        assertEquals("garden", started.get(0).zone());
    }
}
