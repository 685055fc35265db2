package org.beholder.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.analytics.ChannelAnalytics;
import org.beholder.core.internal.CameraEvents;
import org.beholder.core.internal.onvif.OnvifCamera;
import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.NvrChannel;
import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventKind;
import org.beholder.onvif.CameraEventListener;
import org.beholder.onvif.SubscriptionState;
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
    private final List<CameraEventListener> cameraListeners = new CopyOnWriteArrayList<>();
    private final OnvifCamera onvif;
    private volatile ChannelAnalytics analytics;
    private volatile String detectorNote;
    private volatile SubscriptionState eventsState;

    Camera(CameraSettings settings, NvrChannel channel, OnvifCamera onvif) {
        this.settings = settings;
        this.channel = channel;
        this.onvif = onvif;
        this.policy = new RecordingPolicy(channel, settings);
        listeners.add(policy);
    }

    /** What the camera says about itself, when it is set up through ONVIF. */
    public Optional<DeviceInfo> device() {
        return Optional.ofNullable(onvif).map(OnvifCamera::info);
    }

    /** Whether the camera can pan, tilt or zoom (its ONVIF profile has a PTZ configuration). */
    public boolean ptz() {
        return onvif != null && onvif.ptz();
    }

    /** Pan, tilt and zoom, when the camera can. */
    public Optional<CameraPtz> ptzControl() {
        return onvif == null ? Optional.empty() : onvif.ptzControl();
    }

    /** The state of the camera's event subscription (healthy, or resubscribing and why), when it has one. */
    public Optional<SubscriptionState> eventSubscription() {
        return Optional.ofNullable(eventsState);
    }

    /**
     * Why the camera's own events do not arrive now ("camera events: resubscribing in 4 s: the device forgot the
     * subscription"), or empty while they do (or the camera has none).
     */
    public Optional<String> cameraEventsProblem() {
        SubscriptionState state = eventsState;
        if (state == null || state.status() != SubscriptionState.Status.RESUBSCRIBING) {
            return Optional.empty();
        }
        return Optional.of("camera events: resubscribing in " + state.retryIn().toSeconds() + " s"
                + (state.reason().isBlank() ? "" : ": " + state.reason()));
    }

    /** Listeners of what the camera itself reports (ONVIF events); they run on the subscription's thread. */
    public void addCameraEventListener(CameraEventListener listener) {
        cameraListeners.add(listener);
    }

    public void removeCameraEventListener(CameraEventListener listener) {
        cameraListeners.remove(listener);
    }

    /** Subscribes to the camera's own events: they become journal events and camera motion records. */
    void subscribeCameraEvents(CameraEvents journal) {
        if (onvif == null) {
            return;
        }
        onvif.subscribe(new CameraEventListener() {
            @Override
            public void onEvent(CameraEvent event) {
                if (event.kind() == CameraEventKind.MOTION && event.state().isPresent()) {
                    policy.cameraMotion(event.state().get());
                }
                journal.record(settings.id(), event);
                for (CameraEventListener listener : cameraListeners) {
                    try {
                        listener.onEvent(event);
                    } catch (RuntimeException e) {
                        logger.warn("Camera event listener of {} failed: {}", settings.id(), e.toString());
                    }
                }
            }

            @Override
            public void onStateChanged(SubscriptionState state) {
                eventsState = state;
                cameraListeners.forEach(listener -> listener.onStateChanged(state));
            }
        });
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
        if (onvif != null) {
            onvif.close();
        }
    }
}
