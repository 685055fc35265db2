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
    /** The reason a recording started by the camera's own motion detection names. */
    public static final String CAMERA_MOTION = "camera motion";
    private final NvrChannel channel;
    private final boolean onMotion;
    private final Set<String> onClasses;
    private final Duration postRoll;
    private final Set<String> zonesInMotion = new HashSet<>();
    /** Set from the camera's event thread, read on the analytics thread. */
    private volatile boolean cameraMotion;

    public RecordingPolicy(NvrChannel channel, CameraSettings settings) {
        this.channel = channel;
        boolean events = settings.recordMode() == RecordMode.EVENTS;
        this.onMotion = events && settings.recordOnMotion();
        this.onClasses = events ? standardNames(settings.recordOnClasses()) : Set.of();
        this.postRoll = settings.postRoll();
    }

    /**
     * Motion the camera itself reports (ONVIF) is motion too: it starts a recording, the recording is extended on
     * every analysed keyframe while it lasts, and it ends a post-roll after the camera says it stopped.
     */
    public void cameraMotion(boolean active) {
        cameraMotion = active;
        if (onMotion) {
            channel.record(CAMERA_MOTION, postRoll);
        }
    }

    /**
     * Forgets what the previous analytics reported: their motion will never be reported as stopped once they are
     * replaced (a detector arrives or goes), so a zone still marked as moving would extend recordings forever.
     */
    void reset() {
        zonesInMotion.clear();
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
                if (onMotion && cameraMotion) {
                    channel.record(CAMERA_MOTION, postRoll);
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
