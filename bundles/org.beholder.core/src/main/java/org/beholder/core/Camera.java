package org.beholder.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.analytics.ChannelAnalytics;
import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.NvrChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One camera as {@link Beholder} runs it: its settings, its engine channel, its analytics and the listeners of
 * what the analytics see (the recording policy, the event journal and whatever the host adds). Listeners stay
 * when the analytics are re-attached (a detector arrives or goes).
 */
public final class Camera implements AnalyticsListener {
    private static final Logger logger = LoggerFactory.getLogger(Camera.class);

    private final CameraSettings settings;
    private final NvrChannel channel;
    private final RecordingPolicy policy;
    private final List<AnalyticsListener> listeners = new CopyOnWriteArrayList<>();
    private volatile ChannelAnalytics analytics;
    private volatile String detectorNote;

    Camera(CameraSettings settings, NvrChannel channel) {
        this.settings = settings;
        this.channel = channel;
        this.policy = new RecordingPolicy(channel, settings);
        listeners.add(policy);
    }

    public String id() {
        return settings.id();
    }

    public CameraSettings settings() {
        return settings;
    }

    public NvrChannel channel() {
        return channel;
    }

    /** The analytics of the channel while the camera runs. */
    public Optional<ChannelAnalytics> analytics() {
        return Optional.ofNullable(analytics);
    }

    /** Why the settings ask for object detection that does not run (no detector here), or empty. */
    public Optional<String> detectorNote() {
        return Optional.ofNullable(detectorNote);
    }

    /** Why recording is paused (e.g. disk full), or empty; credentials masked. */
    public Optional<String> recordingPaused() {
        return Optional.ofNullable(PausedReason.of(channel));
    }

    /** Listeners run on an analytics thread, one keyframe's events at a time; they must not block. */
    public void addAnalyticsListener(AnalyticsListener listener) {
        listeners.add(listener);
    }

    public void removeAnalyticsListener(AnalyticsListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void event(AnalyticsEvent event) {
        for (AnalyticsListener listener : listeners) {
            try {
                listener.event(event);
            } catch (RuntimeException e) {
                logger.warn("Analytics listener of {} failed: {}", settings.id(), e.toString());
            }
        }
    }

    void attach(ChannelAnalytics attached, String note) {
        ChannelAnalytics previous = analytics;
        if (previous != null) {
            previous.detach();
        }
        policy.reset();
        attached.addListener(this);
        analytics = attached;
        detectorNote = note;
    }

    void detach() {
        ChannelAnalytics previous = analytics;
        if (previous != null) {
            previous.detach();
        }
        analytics = null;
    }
}
