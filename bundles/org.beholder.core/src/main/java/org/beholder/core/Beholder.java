package org.beholder.core;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beholder.analytics.AnalyticsRuntime;
import org.beholder.analytics.ObjectDetector;
import org.beholder.core.events.EventJournal;
import org.beholder.core.internal.AnalyticsToEvents;
import org.beholder.core.internal.CameraEvents;
import org.beholder.core.internal.ChannelToEvents;
import org.beholder.core.internal.SettingsTranslation;
import org.beholder.core.internal.onvif.OnvifCamera;
import org.beholder.core.settings.CameraSettings;
import org.beholder.core.settings.CameraSettingsValidator;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.NvrEngine;
import org.beholder.onvif.OnvifClient;
import org.beholder.onvif.OnvifDiscovery;
import org.beholder.onvif.OnvifOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Beholder put together, the same way for both hosts: the engine, the analytics runtime, the object detector (if
 * the host has one), the event journal and every camera's recording policy. A host makes one, adds a camera per
 * {@link CameraSettings} and closes it on shutdown, which closes every open recording properly.
 * <p>
 * Each camera's analytics report to its {@link RecordingPolicy} (which starts and extends recordings) and to the
 * journal; the channel's recordings, status and statistics become events too. The host adds its own listeners on
 * the {@link Camera} (openHAB's channels and triggers).
 * <p>
 * The detector belongs to the host ({@link #useDetector}): inside openHAB it is another bundle's service, so
 * Beholder never closes it.
 */
public final class Beholder implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(Beholder.class);
    /** Events kept in memory per camera (the event list of the page and the API). */
    static final int JOURNAL_PER_CAMERA = 5000;
    static final Duration DISCOVERY_REUSE = Duration.ofSeconds(10);
    static final String NO_DETECTOR = "object detection is not available here: no object detector is installed";

    private final InstantSource clock;
    private final NvrEngine engine;
    private final AnalyticsRuntime analytics;
    private final EventJournal journal = new EventJournal(JOURNAL_PER_CAMERA);
    private final ChannelToEvents channelEvents;
    private final AnalyticsToEvents analyticsEvents;
    private final CameraEvents cameraEvents;
    private final OnvifClient onvif;
    private final Map<String, Camera> cameras = new LinkedHashMap<>();
    private final Object discoveryLock = new Object();
    private List<DiscoveredCamera> lastDiscovery;
    private Instant lastDiscoveryAt;
    private ObjectDetector detector;
    private String noDetectorReason = NO_DETECTOR;
    private boolean closed;

    /** With the system clock. */
    public Beholder(EngineConfig engineConfig) throws IOException {
        this(engineConfig, InstantSource.system());
    }

    /**
     * @param clock wall-clock time for recordings, retention and events; tests move it instead of sleeping
     * @throws org.beholder.engine.DataFolderLock.InUseException when another Beholder uses the recordings folder
     */
    public Beholder(EngineConfig engineConfig, InstantSource clock) throws IOException {
        this.clock = clock;
        this.engine = new NvrEngine(engineConfig, clock);
        this.analytics = new AnalyticsRuntime(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        this.channelEvents = new ChannelToEvents(journal, clock);
        this.analyticsEvents = new AnalyticsToEvents(journal);
        this.cameraEvents = new CameraEvents(journal, clock);
        this.onvif = new OnvifClient(OnvifOptions.DEFAULTS.withClock(clock));
    }

    /**
     * Validates the settings, sets the camera up through ONVIF when it has an ONVIF address (stream URL, device
     * information, its own events), starts the camera's channel (its recordings are indexed and crash leftovers
     * repaired first) and its analytics. ONVIF calls block for at most their timeouts (10 s each).
     *
     * @throws org.beholder.core.settings.InvalidSettingsException when the validator refuses the settings
     * @throws CameraSetupException when the ONVIF device cannot be used (the message says why)
     * @throws IllegalArgumentException when a camera with that id runs already
     */
    public synchronized Camera addCamera(CameraSettings settings) throws IOException {
        if (closed) {
            throw new IllegalStateException("Beholder is closed");
        }
        CameraSettingsValidator.requireValid(settings);
        if (cameras.containsKey(settings.id())) {
            throw new IllegalArgumentException("camera '" + settings.id() + "' exists already");
        }
        OnvifCamera device = settings.usesOnvif() ? OnvifCamera.connect(onvif, settings) : null;
        CameraSettings stream = device == null ? settings : settings.withUrl(device.streamUrl());
        NvrChannel channel;
        try {
            channel = engine.add(SettingsTranslation.channelConfig(stream));
        } catch (IOException | RuntimeException e) {
            if (device != null) {
                device.close();
            }
            throw e;
        }
        channel.addListener(channelEvents);
        Camera camera = new Camera(settings, channel, device); // with its recording policy as the first listener
        camera.addAnalyticsListener(analyticsEvents);
        attachAnalytics(camera);
        camera.subscribeCameraEvents(cameraEvents);
        cameras.put(settings.id(), camera);
        logger.info("Camera {} ({}) added", settings.id(), settings.label());
        return camera;
    }

    /** Stops a camera: analytics first, then its channel (whose open recording is closed). Recordings stay. */
    public synchronized void removeCamera(String id) {
        Camera camera = cameras.remove(id);
        if (camera != null) {
            camera.detach();
            camera.channel().removeListener(channelEvents);
            engine.remove(id);
        }
    }

    public synchronized Optional<Camera> camera(String id) {
        return Optional.ofNullable(cameras.get(id));
    }

    public synchronized List<Camera> cameras() {
        return new ArrayList<>(cameras.values());
    }

    public EventJournal journal() {
        return journal;
    }

    /** The engine, for what hosts and the web read directly: channels, recordings, live streams. */
    public NvrEngine engine() {
        return engine;
    }

    public InstantSource clock() {
        return clock;
    }

    /**
     * The ONVIF cameras and recorders on the local network: a WS-Discovery probe by multicast, answers collected
     * for {@code wait}. One probe at a time; a probe made less than {@link #DISCOVERY_REUSE} ago is reused, so
     * a page that asks often does not flood the network.
     */
    public List<DiscoveredCamera> discover(Duration wait) throws IOException {
        synchronized (discoveryLock) {
            Instant now = clock.instant();
            if (lastDiscovery != null && now.isBefore(lastDiscoveryAt.plus(DISCOVERY_REUSE))) {
                return lastDiscovery;
            }
            List<DiscoveredCamera> found = new OnvifDiscovery().probe(wait).stream()
                    .map(d -> new DiscoveredCamera(d.address(), d.xaddrs().stream().map(Object::toString).toList(),
                            d.scopes().name(), d.scopes().hardware(), d.scopes().location(), d.scopes().profiles()))
                    .toList();
            lastDiscovery = found;
            lastDiscoveryAt = now;
            return found;
        }
    }

    /**
     * The detector cameras with object detection use from now on (running cameras are re-attached), or null for
     * none, with the reason cameras that want one report.
     */
    public synchronized void useDetector(ObjectDetector newDetector, String reasonWhenNone) {
        detector = newDetector;
        noDetectorReason = reasonWhenNone == null ? NO_DETECTOR : reasonWhenNone;
        cameras.values().forEach(this::attachAnalytics);
    }

    /** The detector cameras with object detection use from now on; running cameras are re-attached. */
    public void useDetector(ObjectDetector newDetector) {
        useDetector(newDetector, null);
    }

    private void attachAnalytics(Camera camera) {
        CameraSettings settings = camera.settings();
        boolean detects = settings.objects() && detector != null;
        camera.attach(analytics.attach(camera.channel(), SettingsTranslation.analyticsConfig(settings),
                detects ? detector : null), settings.objects() && !detects ? noDetectorReason : null);
    }

    @Override
    public void close() {
        List<String> ids;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ids = new ArrayList<>(cameras.keySet());
        }
        ids.forEach(this::removeCamera);
        engine.close();
        analytics.close();
    }
}
