package org.beholder.core;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.RecordMode;
import org.beholder.engine.NvrChannel;

/**
 * What starts, extends and ends a camera's recordings. Analytics only reports what it sees; this decides:
 * <ul>
 * <li>{@link RecordMode#CONTINUOUS}: the engine records all the time; nothing here.</li>
 * <li>{@link RecordMode#EVENTS}: while motion lasts in any zone (when {@code recordOnMotion}), and whenever a
 * detector run sees one of {@code recordOnClasses}, the recording is started or extended by the post-roll; it
 * ends a post-roll after the last trigger.</li>
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
        this.onClasses = events ? settings.recordOnClasses() : Set.of();
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
                for (Map.Entry<String, Integer> count : seen.counts().entrySet()) {
                    if (count.getValue() > 0 && onClasses.contains(count.getKey())) {
                        channel.record(count.getKey(), postRoll);
                    }
                }
            }
            case AnalyticsEvent.QrCodeSeen qr -> {
            }
        }
    }
}
