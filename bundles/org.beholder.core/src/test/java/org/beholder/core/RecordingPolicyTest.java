package org.beholder.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.beholder.engine.NvrChannel;
import org.junit.jupiter.api.Test;

/** What starts and extends recordings, from what analytics report; the channel only logs the requests. */
class RecordingPolicyTest {
    private static final Instant T = Instant.parse("2026-12-05T10:00:00Z");
    private final List<String> requests = new ArrayList<>();
    private final NvrChannel channel = (NvrChannel) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {NvrChannel.class}, (proxy, method, args) -> {
                if (method.getName().equals("record")) {
                    requests.add(args[0] + " " + ((Duration) args[1]).toSeconds() + "s");
                    return null;
                }
                throw new UnsupportedOperationException(method.getName());
            });

    private RecordingPolicy policy(RecordMode mode, boolean onMotion, Set<String> onClasses) {
        return new RecordingPolicy(channel, CameraSettings.builder("cam", "test:").postRoll(Duration.ofSeconds(7))
                .objects(true, Set.of()).recording(mode, onMotion, onClasses).build());
    }

    private static AnalyticsEvent level() {
        return new AnalyticsEvent.MotionLevel("cam", T, 0.1, "all");
    }

    @Test
    void motionExtendsTheRecordingByThePostRollOnEveryKeyframeWhileAnyZoneMoves() {
        RecordingPolicy policy = policy(RecordMode.EVENTS, true, Set.of());
        policy.event(level());
        assertEquals(List.of(), requests, "a level alone is no motion");
        policy.event(new AnalyticsEvent.MotionStarted("cam", T, "door", 0.1));
        policy.event(new AnalyticsEvent.MotionStarted("cam", T, "path", 0.1));
        policy.event(level());
        policy.event(new AnalyticsEvent.MotionStopped("cam", T, "door"));
        policy.event(level());
        assertEquals(List.of("motion 7s", "motion 7s"), requests, "one zone still moves");
        policy.event(new AnalyticsEvent.MotionStopped("cam", T, "path"));
        policy.event(level());
        assertEquals(2, requests.size(), "motion over: the post-roll runs out by itself");
    }

    @Test
    void aResetForgetsMotionThatReplacedAnalyticsWillNeverReportAsStopped() {
        RecordingPolicy policy = policy(RecordMode.EVENTS, true, Set.of());
        policy.event(new AnalyticsEvent.MotionStarted("cam", T, "door", 0.1));
        policy.reset();
        policy.event(level());
        assertEquals(List.of(), requests);
    }

    @Test
    void chosenObjectClassesRecordOthersDoNot() {
        RecordingPolicy policy = policy(RecordMode.EVENTS, false, Set.of("person"));
        policy.event(new AnalyticsEvent.MotionStarted("cam", T, "door", 0.1));
        policy.event(level());
        policy.event(new AnalyticsEvent.ObjectsSeen("cam", T, List.of(), Map.of("person", 1, "car", 2), List.of()));
        policy.event(new AnalyticsEvent.ObjectsSeen("cam", T, List.of(), Map.of("person", 0), List.of()));
        assertEquals(List.of("person 7s"), requests, "motion is not a trigger here; a count of 0 is not a person");
        assertTrue(policy.hasTriggers());
    }

    @Test
    void continuousAndManualModesHaveNoAutomaticTriggers() {
        for (RecordMode mode : List.of(RecordMode.CONTINUOUS, RecordMode.MANUAL)) {
            RecordingPolicy policy = policy(mode, true, Set.of("person"));
            policy.event(new AnalyticsEvent.MotionStarted("cam", T, "door", 0.1));
            policy.event(level());
            policy.event(new AnalyticsEvent.ObjectsSeen("cam", T, List.of(), Map.of("person", 1), List.of()));
            assertFalse(policy.hasTriggers(), mode.name());
        }
        assertEquals(List.of(), requests);
    }
}
