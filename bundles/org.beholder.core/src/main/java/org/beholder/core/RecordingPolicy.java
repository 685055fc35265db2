package org.beholder.core;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.analytics.CocoClasses;
import org.beholder.analytics.TrackedObject;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.beholder.engine.NvrChannel;

/**
 * What starts, extends and ends a camera's recordings. Analytics only reports what it sees; this decides:
 * <ul>
 * <li>{@link RecordMode#CONTINUOUS}: the engine records all the time; nothing here.</li>
 * <li>{@link RecordMode#EVENTS}: while motion lasts in any zone (when {@code recordOnMotion}), and whenever a
 * detector run sees a tracked object of one of {@code recordOnClasses} that is not stationary, the recording is
 * started or extended by the post-roll; it ends a post-roll after the last trigger. A stationary object (a parked
 * car, a picture on the wall) records when it arrives, not again while it stays.</li>
 * <li>{@link RecordMode#MANUAL}: nothing automatic; users, rules and the API ask the channel directly.</li>
 * </ul>
 * Requests by users and rules ({@code NvrChannel.record}) are honoured in every mode.
 */
public final class RecordingPolicy implements AnalyticsListener {
    private final NvrChannel channel;
    private final boolean onMotion;
    private final Set<String> onClasses;
    private final Duration postRoll;
    private final Set<String> zonesInMotion = new HashSet<>();

    public RecordingPolicy(NvrChannel channel, CameraSettings settings) {
        this.channel = channel;
        boolean events = settings.recordMode() == RecordMode.EVENTS;
        this.onMotion = events && settings.recordOnMotion();
        this.onClasses = events ? standardNames(settings.recordOnClasses()) : Set.of();
        this.postRoll = settings.postRoll();
    }

    /** Class names as analytics report them: COCO's standard names; {@code all} is every class. */
    private static Set<String> standardNames(Set<String> classes) {
        if (classes.stream().anyMatch(c -> c.strip().equalsIgnoreCase(CocoClasses.ALL))) {
            return Set.copyOf(CocoClasses.NAMES);
        }
        return classes.stream().map(c -> CocoClasses.standardName(c).orElse(c)).collect(Collectors.toSet());
    }

    /** Whether anything automatic can start a recording under this policy. */
    public boolean hasTriggers() {
        return onMotion || !onClasses.isEmpty();
    }

    @Override
    public void event(AnalyticsEvent event) {
        switch (event) {
            case AnalyticsEvent.MotionStarted started -> zonesInMotion.add(started.zone());
            case AnalyticsEvent.MotionStopped stopped -> zonesInMotion.remove(stopped.zone());
            // every analysed keyframe: extends the recording while motion lasts
            case AnalyticsEvent.MotionLevel level -> {
                if (onMotion && !zonesInMotion.isEmpty()) {
                    channel.record("motion", postRoll);
                }
            }
            case AnalyticsEvent.ObjectsSeen seen -> {
                Set<String> moving = new TreeSet<>(); // one request per class and run
                for (TrackedObject object : seen.objects()) {
                    if (!object.stationary() && object.lastSeen().equals(seen.time())
                            && onClasses.contains(object.label())) {
                        moving.add(object.label());
                    }
                }
                moving.forEach(label -> channel.record(label, postRoll));
            }
            case AnalyticsEvent.QrCodeSeen qr -> {
            }
        }
    }
}
