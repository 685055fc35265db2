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
import org.beholder.analytics.Detection;
import org.beholder.analytics.TrackedObject;
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

    private static TrackedObject tracked(long id, String label, Instant lastSeen, boolean stationary) {
        Detection box = new Detection(label, 0.9, 0.1, 0.1, 0.2, 0.2);
        return new TrackedObject(id, label, T, lastSeen, box, box, T, List.of(), stationary);
    }

    /** A detector run at {@code time} with these confirmed objects in view. */
    private static AnalyticsEvent run(Instant time, TrackedObject... inView) {
        return new AnalyticsEvent.ObjectsSeen("cam", time, List.of(), Map.of(), List.of(), List.of(),
                List.of(inView));
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
    void chosenObjectClassesRecordWhileSeenOthersDoNot() {
        RecordingPolicy policy = policy(RecordMode.EVENTS, false, Set.of("person"));
        policy.event(new AnalyticsEvent.MotionStarted("cam", T, "door", 0.1));
        policy.event(level());
        policy.event(run(T, tracked(1, "person", T, false), tracked(2, "person", T, false), tracked(3, "car", T,
                false)));
        assertEquals(List.of("person 7s"), requests, "motion is not a trigger here; one request per class and run");
        policy.event(run(T.plusSeconds(1), tracked(1, "person", T, false)));
        assertEquals(1, requests.size(), "a person missed by this run (held by the tracker) does not extend it");
        policy.event(run(T.plusSeconds(2)));
        assertEquals(1, requests.size());
        assertTrue(policy.hasTriggers());
    }

    @Test
    void aStationaryObjectDoesNotExtendTheRecordingUntilItMovesAgain() {
        RecordingPolicy policy = policy(RecordMode.EVENTS, false, Set.of("car"));
        policy.event(run(T, tracked(1, "car", T, false)));
        policy.event(run(T.plusSeconds(30), tracked(1, "car", T.plusSeconds(30), true)));
        policy.event(run(T.plusSeconds(60), tracked(1, "car", T.plusSeconds(60), true)));
        assertEquals(List.of("car 7s"), requests, "the parked car recorded when it came, not while it stays");
        policy.event(run(T.plusSeconds(61), tracked(1, "car", T.plusSeconds(61), false)));
        assertEquals(List.of("car 7s", "car 7s"), requests, "it drives away: that is news again");
    }

    @Test
    void darknetNamesAndAllInTheClassesMeanTheirCocoClasses() {
        policy(RecordMode.EVENTS, false, Set.of("motorbike")).event(run(T, tracked(1, "motorcycle", T, false)));
        policy(RecordMode.EVENTS, false, Set.of("all")).event(run(T, tracked(1, "giraffe", T, false)));
        assertEquals(List.of("motorcycle 7s", "giraffe 7s"), requests);
    }

    @Test
    void cameraMotionStartsAndExtendsUntilTheCameraSaysItStopped() {
        RecordingPolicy policy = policy(RecordMode.EVENTS, true, Set.of());
        policy.cameraMotion(true);
        policy.event(level());
        policy.cameraMotion(false);
        policy.event(level());
        assertEquals(List.of("camera motion 7s", "camera motion 7s", "camera motion 7s"), requests,
                "at the start, on every keyframe while it lasts, and a post-roll from its end");
    }

    @Test
    void continuousAndManualModesHaveNoAutomaticTriggers() {
        for (RecordMode mode : List.of(RecordMode.CONTINUOUS, RecordMode.MANUAL)) {
            RecordingPolicy policy = policy(mode, true, Set.of("person"));
            policy.event(new AnalyticsEvent.MotionStarted("cam", T, "door", 0.1));
            policy.event(level());
            policy.event(run(T, tracked(1, "person", T, false)));
            assertFalse(policy.hasTriggers(), mode.name());
        }
        assertEquals(List.of(), requests);
    }
}
