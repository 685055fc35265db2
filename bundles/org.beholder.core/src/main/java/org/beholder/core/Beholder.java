package org.beholder.core;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beholder.analytics.AnalyticsRuntime;
import org.beholder.analytics.ObjectDetector;
import org.beholder.core.events.EventJournal;
import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.beholder.core.store.EventQuery;
import org.beholder.core.store.EventStore;
import org.beholder.core.store.EventStoreOptions;
import org.beholder.core.store.RetentionPolicy;
import org.beholder.core.store.StoredEvent;
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
    /**
     * How much event history is kept besides the events of recordings that are kept: 30 days, at most 100,000
     * events per camera and 1,000,000 in all (a search over a million takes milliseconds: docs/benchmarks.md).
     */
    public static final RetentionPolicy EVENT_RETENTION = new RetentionPolicy(Duration.ofDays(30).toMillis(),
            100_000, 1_000_000);
    static final Duration EVENT_RETENTION_EVERY = Duration.ofHours(1);
    /** The most events one listing returns, newest kept when there are more. */
    public static final int MAX_LISTED_EVENTS = EventQuery.MAX_LIMIT;
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
    /** What the event list shows from the history: what cameras and analytics saw. */
    private static final Set<EventType> LISTED = EnumSet.of(EventType.MOTION, EventType.OBJECT, EventType.QR,
            EventType.CAMERA);
    private final EventStore store;
    private final ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "beholder-event-retention");
        thread.setDaemon(true);
        return thread;
    });
    private final Object discoveryLock = new Object();
    private List<DiscoveredCamera> lastDiscovery;
    private Instant lastDiscoveryAt;
    private ObjectDetector detector;
    private String noDetectorReason = NO_DETECTOR;
    private boolean closed;

    /** With the system clock and events in memory only. */
    public Beholder(EngineConfig engineConfig) throws IOException {
        this(engineConfig, InstantSource.system());
    }

    /** Events in memory only (the last {@value #JOURNAL_PER_CAMERA} per camera): for tests and tools. */
    public Beholder(EngineConfig engineConfig, InstantSource clock) throws IOException {
        this(engineConfig, clock, null);
    }

    /**
     * @param clock      wall-clock time for recordings, retention and events; tests move it instead of sleeping
     * @param dataFolder where the event history is kept ({@code events/events.db}, {@code thumbnails/}), so that
     *                   it survives restarts; null keeps events in memory only
     * @throws org.beholder.engine.DataFolderLock.InUseException when another Beholder uses the recordings folder
     */
    public Beholder(EngineConfig engineConfig, InstantSource clock, Path dataFolder) throws IOException {
        this.clock = clock;
        this.engine = new NvrEngine(engineConfig, clock);
        try {
            this.store = dataFolder == null ? null : EventStore.open(EventStoreOptions.under(dataFolder), clock);
        } catch (RuntimeException e) {
            engine.close();
            throw new IOException("the event history in " + dataFolder + " cannot be opened: " + e.getMessage(), e);
        }
        if (store != null) {
            journal.addListener(store::record);
            housekeeping.scheduleWithFixedDelay(this::applyEventRetention, 1, EVENT_RETENTION_EVERY.toMinutes(),
                    TimeUnit.MINUTES);
        }
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

    /** The event history on disk, when this Beholder keeps one. */
    public Optional<EventStore> eventStore() {
        return Optional.ofNullable(store);
    }

    /**
     * A camera's events in [from, to) other than recordings, statistics and status (those come from the recording
     * index and the live stream), oldest first: from the event history when there is one (it survives restarts),
     * else from the journal's memory. At most {@link #MAX_LISTED_EVENTS}, the newest.
     */
    public List<NvrEvent> events(String channel, Instant from, Instant to) {
        if (store == null) {
            return journal.list(channel, from, to).stream().filter(e -> LISTED.contains(e.eventType())).toList();
        }
        List<NvrEvent> newestFirst = store.search(EventQuery.all().withChannels(channel)
                .withTime(from.toEpochMilli(), to.toEpochMilli() - 1)
                .withTypes(LISTED.stream().map(EventType::wireName).toArray(String[]::new))
                .withLimit(MAX_LISTED_EVENTS)).events().stream().map(StoredEvent::toNvrEvent)
                .filter(e -> !e.time().isBefore(from) && e.time().isBefore(to)).toList();
        List<NvrEvent> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** Deletes history beyond {@link #EVENT_RETENTION}, never the events of a recording that is still kept. */
    void applyEventRetention() {
        try {
            Set<String> kept = new HashSet<>();
            for (NvrChannel channel : engine.channels()) {
                channel.recordings(Instant.EPOCH, clock.instant().plusSeconds(60)).forEach(r -> kept.add(r.id()));
            }
            store.applyRetention(EVENT_RETENTION, kept::contains);
        } catch (RuntimeException e) {
            logger.warn("Event retention failed: {}", e.toString());
        }
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
        housekeeping.shutdownNow();
        engine.close();
        analytics.close();
        if (store != null) {
            store.close(); // after the cameras: their last events are in
        }
    }
}
