package org.openhab.binding.beholder.internal.handler;

import static org.openhab.binding.beholder.internal.BeholderBindingConstants.*;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.core.Camera;
import org.beholder.core.CameraPtz;
import org.beholder.core.CameraSetupException;
import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelListener;
import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventKind;
import org.beholder.onvif.CameraEventListener;
import org.beholder.onvif.SubscriptionState;
import org.beholder.engine.ChannelState;
import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.Keyframe;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;
import org.openhab.binding.beholder.internal.BeholderRuntime;
import org.openhab.binding.beholder.internal.NvrChannelConfiguration;
import org.openhab.core.library.types.DateTimeType;
import org.openhab.core.library.types.DecimalType;
import org.openhab.core.library.types.OnOffType;
import org.openhab.core.library.types.RawType;
import org.openhab.core.library.types.StringType;
import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.thing.binding.ThingHandlerService;
import org.openhab.core.types.Command;
import org.openhab.core.types.RefreshType;
import org.openhab.core.types.State;
import org.openhab.core.types.UnDefType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NVR Channel thing: a thin mapping of one of core's cameras onto openHAB. {@code initialize()} translates and
 * checks the configuration and returns at once; the camera starts on the scheduler, through
 * {@code Beholder.addCamera} like in the standalone. The engine's state is the Thing status; analytics events
 * become channel states and triggers.
 */
public class NvrChannelHandler extends BaseThingHandler implements ChannelListener, AnalyticsListener {
    /** A manual recording started by the recording switch lasts until OFF, at most this long. */
    static final Duration MANUAL_RECORDING_LIMIT = Duration.ofHours(1);
    private static final String PAUSED = "Recording paused: ";
    /** How long to wait before asking an ONVIF camera again that did not answer. */
    static final Duration SETUP_RETRY = Duration.ofSeconds(30);
    private static final java.util.Set<String> PTZ_CHANNELS = java.util.Set.of(CHANNEL_PAN, CHANNEL_TILT,
            CHANNEL_ZOOM, CHANNEL_PTZ_PRESET);

    private final Logger logger = LoggerFactory.getLogger(NvrChannelHandler.class);

    private final BeholderRuntime runtime;
    private final Map<String, State> states = new ConcurrentHashMap<>(); // engine, analytics and openHAB threads
    private @Nullable NvrChannel channel;
    private @Nullable Camera camera;
    private volatile @Nullable ScheduledFuture<?> retry;
    private @Nullable Instant lastSnapshot;
    private int snapshotSeconds = 10;
    private Map<String, String> lastProperties = Map.of();
    private @Nullable String configurationNote;
    /** Set while the engine reports the channel ONLINE: its warning, if any. */
    private volatile @Nullable String onlineWarning;
    private volatile boolean online;
    /** Why the engine does not record (e.g. disk full), or null. */
    private volatile @Nullable String pausedReason;
    /** Why the camera's own events do not arrive now, or null. */
    private volatile @Nullable String eventsProblem;

    public NvrChannelHandler(Thing thing, BeholderRuntime runtime) {
        super(thing);
        this.runtime = runtime;
    }

    @Override
    public void initialize() {
        NvrChannelConfiguration config = getConfigAs(NvrChannelConfiguration.class);
        CameraSettings settings;
        try {
            settings = config.toCameraSettings(thing.getUID().getId(), thing.getLabel());
        } catch (IllegalArgumentException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, e.getMessage());
            return;
        }
        snapshotSeconds = Math.max(1, config.snapshotInterval);
        updateStatus(ThingStatus.UNKNOWN);
        publish(CHANNEL_LIVE_URL, new StringType("/beholder/embed?channel=" + settings.id()));
        publish(CHANNEL_MOTION, OnOffType.OFF);
        publish(CHANNEL_RECORDING, OnOffType.OFF);
        scheduler.execute(() -> start(settings));
    }

    private void start(CameraSettings settings) {
        try {
            Camera started = runtime.beholder().addCamera(settings);
            configurationNote = started.detectorNote().orElse(null);
            started.device().ifPresent(device -> { // what ONVIF says the camera is
                Map<String, String> properties = editProperties();
                properties.put(Thing.PROPERTY_VENDOR, device.vendor());
                properties.put(Thing.PROPERTY_MODEL_ID, device.model());
                properties.put(Thing.PROPERTY_FIRMWARE_VERSION, device.firmware());
                properties.put(Thing.PROPERTY_SERIAL_NUMBER, device.serial());
                properties.values().removeIf(String::isEmpty);
                updateProperties(properties);
            });
            started.addAnalyticsListener(this);
            started.addCameraEventListener(cameraEvents);
            started.channel().addListener(this);
            camera = started;
            channel = started.channel();
        } catch (CameraSetupException e) { // the camera's ONVIF service did not answer as it must: try again
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR, e.getMessage());
            retry = scheduler.schedule(() -> start(settings), SETUP_RETRY.toSeconds(), TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, e.getMessage());
        }
    }

    @Override
    public void dispose() {
        ScheduledFuture<?> pending = retry;
        if (pending != null) {
            pending.cancel(false);
        }
        Camera running = camera;
        if (running != null) {
            running.removeAnalyticsListener(this);
            running.removeCameraEventListener(cameraEvents);
            running.channel().removeListener(this);
            runtime.beholder().removeCamera(running.id());
        }
        channel = null;
        camera = null;
    }

    @Override
    public Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of(NvrChannelActions.class);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
        String id = channelUID.getId();
        if (command instanceof RefreshType) {
            updateState(channelUID, states.getOrDefault(id, UnDefType.NULL));
            return;
        }
        if (PTZ_CHANNELS.contains(id)) {
            ptzCommand(id, command);
            return;
        }
        NvrChannel running = channel;
        if (CHANNEL_RECORDING.equals(id) && command instanceof OnOffType onOff && running != null) {
            if (onOff == OnOffType.ON) {
                running.record("manual", MANUAL_RECORDING_LIMIT);
                checkRecordingPaused(running);
            } else {
                running.stopRecording();
            }
        }
    }

    /** pan/tilt/zoom speeds in -1..1 (0 stops all); a preset by name or token. Runs on the scheduler. */
    private void ptzCommand(String channelId, Command command) {
        Camera running = camera;
        CameraPtz ptz = running == null ? null : running.ptzControl().orElse(null);
        if (ptz == null) {
            logger.info("{}: {} needs a camera with PTZ set up through ONVIF", thing.getUID(), channelId);
            return;
        }
        scheduler.execute(() -> {
            try {
                if (CHANNEL_PTZ_PRESET.equals(channelId)) {
                    ptz.gotoPreset(command.toString());
                    publish(CHANNEL_PTZ_PRESET, new StringType(command.toString()));
                } else if (command instanceof DecimalType speed) {
                    double value = speed.doubleValue();
                    if (value == 0) {
                        ptz.stop();
                    } else {
                        ptz.move(CHANNEL_PAN.equals(channelId) ? value : 0, CHANNEL_TILT.equals(channelId) ? value : 0,
                                CHANNEL_ZOOM.equals(channelId) ? value : 0);
                    }
                }
            } catch (IOException e) {
                logger.warn("{}: {} {} failed: {}", thing.getUID(), channelId, command, e.getMessage());
            }
        });
    }

    /** Moves the camera to a preset (name or token); false when it has no PTZ or refused. */
    public boolean gotoPreset(String preset) {
        return withPtz(ptz -> ptz.gotoPreset(preset));
    }

    /** Saves the camera's position as a preset of this name; false when it has no PTZ or refused. */
    public boolean savePreset(String name) {
        return withPtz(ptz -> ptz.savePreset(name));
    }

    @FunctionalInterface
    private interface PtzCall {
        void run(CameraPtz ptz) throws IOException;
    }

    private boolean withPtz(PtzCall call) {
        Camera running = camera;
        CameraPtz ptz = running == null ? null : running.ptzControl().orElse(null);
        if (ptz == null) {
            return false;
        }
        try {
            call.run(ptz);
            return true;
        } catch (IOException e) {
            logger.warn("{}: PTZ failed: {}", thing.getUID(), e.getMessage());
            return false;
        }
    }

    // ---- what rules call (NvrChannelActions) ------------------------------------------------------------------

    /**
     * Starts or extends a recording; false when the channel does not run or recording is paused (the engine keeps
     * the trigger and records once it can, e.g. when retention has freed disk space).
     */
    public boolean record(int seconds) {
        NvrChannel running = channel;
        if (running == null || seconds < 1) {
            return false;
        }
        running.record("rule", Duration.ofSeconds(Math.min(seconds, 3600)));
        checkRecordingPaused(running);
        String paused = pausedReason;
        if (paused != null) {
            logger.warn("{}: record({}) is not recording now. {}{}", thing.getUID(), seconds, PAUSED, paused);
            return false;
        }
        return true;
    }

    /** The latest keyframe as JPEG, or null before the first one (rules test for null). */
    public byte @Nullable [] snapshot() {
        NvrChannel running = channel;
        Keyframe keyframe = running == null ? null : running.lastKeyframe().orElse(null);
        return keyframe == null ? null : keyframe.jpeg();
    }

    public @Nullable Instant lastEvent() {
        State state = states.get(CHANNEL_LAST_EVENT);
        return state instanceof DateTimeType time ? time.getInstant() : null;
    }

    // ---- engine ----------------------------------------------------------------------------------------------

    @Override
    public void statusChanged(NvrChannel source, ChannelStatus status) {
        online = status.state() == ChannelState.ONLINE;
        switch (status.state()) {
            case ONLINE -> {
                onlineWarning = status.warning();
                pausedReason = pausedReason(source);
                updateOnline();
            }
            case ERROR -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, status.message());
            case RECONNECTING -> updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.COMMUNICATION_ERROR,
                    status.message());
            case STARTING, STOPPED -> {
            }
        }
    }

    private void updateOnline() {
        String paused = pausedReason;
        updateStatus(ThingStatus.ONLINE, ThingStatusDetail.NONE, joined(paused == null ? null : PAUSED + paused,
                joined(onlineWarning, joined(configurationNote, eventsProblem))));
    }

    /**
     * The engine has no event for a pause (it starts when a recording cannot be written and ends by itself), so
     * the handler looks after every recording event, trigger and statistics tick (every couple of seconds).
     * While paused the {@code recording} switch is OFF: nothing is written.
     */
    private void checkRecordingPaused(NvrChannel source) {
        String reason = pausedReason(source);
        if (Objects.equals(reason, pausedReason)) {
            return;
        }
        pausedReason = reason;
        if (reason != null) {
            publish(CHANNEL_RECORDING, OnOffType.OFF);
        } else if (source.isRecording()) {
            publish(CHANNEL_RECORDING, OnOffType.ON);
        }
        if (online) {
            updateOnline();
        }
    }

    /** The engine's reason without its own "Recording paused: " prefix, which the status adds. */
    private static @Nullable String pausedReason(NvrChannel source) {
        String reason = source.recordingPaused().orElse(null);
        return reason != null && reason.startsWith(PAUSED) ? reason.substring(PAUSED.length()) : reason;
    }

    @Override
    public void statisticsUpdated(NvrChannel source, ChannelStatistics statistics) {
        checkRecordingPaused(source);
        if (statistics.width() == 0) {
            return;
        }
        Map<String, String> properties = new TreeMap<>();
        properties.put(PROPERTY_CODEC, statistics.codec());
        properties.put(PROPERTY_RESOLUTION, statistics.width() + "x" + statistics.height());
        properties.put(PROPERTY_FPS, String.valueOf(Math.round(statistics.fps())));
        properties.put(PROPERTY_GOP, String.format(java.util.Locale.ROOT, "%.1f s", statistics.gopSeconds()));
        if (!properties.equals(lastProperties)) { // properties are persisted by openHAB: only on change
            lastProperties = properties;
            Map<String, String> edited = editProperties();
            edited.putAll(properties);
            updateProperties(edited);
        }
    }

    @Override
    public void recordingStarted(NvrChannel source, Recording recording) {
        publish(CHANNEL_LAST_EVENT, new DateTimeType(runtime.beholder().clock().instant()));
        publish(CHANNEL_RECORDING, OnOffType.from(source.isRecording()));
        checkRecordingPaused(source);
    }

    @Override
    public void recordingStopped(NvrChannel source, Recording recording) {
        publish(CHANNEL_RECORDING, OnOffType.OFF);
        checkRecordingPaused(source);
    }

    @Override
    public void keyframe(NvrChannel source, Keyframe keyframe) {
        Instant last = lastSnapshot;
        if (last == null || !keyframe.time().isBefore(last.plusSeconds(snapshotSeconds))) {
            lastSnapshot = keyframe.time();
            if (isLinked(CHANNEL_SNAPSHOT)) { // JPEG encoding only for someone who looks
                publish(CHANNEL_SNAPSHOT, new RawType(keyframe.jpeg(), "image/jpeg"));
            }
        }
    }

    // ---- analytics -------------------------------------------------------------------------------------------

    @Override
    public void event(AnalyticsEvent event) {
        switch (event) {
            case AnalyticsEvent.MotionStarted started -> {
                publish(CHANNEL_MOTION, OnOffType.ON);
                publish(CHANNEL_LAST_EVENT, new DateTimeType(started.time()));
                triggerChannel(CHANNEL_MOTION_EVENT, EVENT_MOTION_START);
            }
            case AnalyticsEvent.MotionStopped stopped -> {
                publish(CHANNEL_MOTION, OnOffType.OFF);
                triggerChannel(CHANNEL_MOTION_EVENT, EVENT_MOTION_STOP);
            }
            case AnalyticsEvent.MotionLevel level -> publish(CHANNEL_MOTION_LEVEL,
                    new DecimalType(Math.round(level.level() * 1000) / 1000.0));
            case AnalyticsEvent.ObjectsSeen seen -> {
                publish(CHANNEL_OBJECTS, new StringType(seen.counts().entrySet().stream()
                        .filter(e -> e.getValue() > 0).map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(","))));
                publish(CHANNEL_PERSON_COUNT, new DecimalType(seen.counts().getOrDefault("person", 0)));
                for (String label : seen.appeared()) {
                    publish(CHANNEL_LAST_EVENT, new DateTimeType(seen.time()));
                    triggerChannel(CHANNEL_OBJECT_EVENT, label);
                }
            }
            case AnalyticsEvent.QrCodeSeen qr -> {
                publish(CHANNEL_QR_CODE, new StringType(qr.text()));
                publish(CHANNEL_LAST_EVENT, new DateTimeType(qr.time()));
                triggerChannel(CHANNEL_QR_EVENT, qr.text());
            }
        }
    }

    // ---- the camera's own events (ONVIF) ----------------------------------------------------------------------

    @NonNullByDefault({}) // the listener interface is Beholder's own, without null annotations
    private final CameraEventListener cameraEvents = new CameraEventListener() {
        @Override
        public void onEvent(CameraEvent event) {
            Boolean active = event.state().orElse(null);
            if (active != null && event.kind() == CameraEventKind.MOTION) {
                publish(CHANNEL_CAMERA_MOTION, OnOffType.from(active));
            } else if (active != null && event.kind() == CameraEventKind.TAMPER) {
                publish(CHANNEL_TAMPER, OnOffType.from(active));
            }
            triggerChannel(CHANNEL_CAMERA_EVENT, cameraEventPayload(event));
        }

        /** A lost subscription is said in the status while the channel is ONLINE: video works, events do not. */
        @Override
        public void onStateChanged(SubscriptionState state) {
            Camera running = camera;
            String problem = running == null ? null : running.cameraEventsProblem().orElse(null);
            if (!Objects.equals(problem, eventsProblem)) {
                eventsProblem = problem;
                if (online) {
                    updateOnline();
                }
            }
        }
    };

    /** {@code <topic> key=value key=value}: what rules match on, the data first, then the source. */
    static String cameraEventPayload(CameraEvent event) {
        StringBuilder payload = new StringBuilder(event.topic());
        new TreeMap<>(event.data()).forEach((key, value) -> payload.append(' ').append(key).append('=').append(value));
        new TreeMap<>(event.source()).forEach((key, value) -> payload.append(' ').append(key).append('=')
                .append(value));
        return payload.toString();
    }

    private static @Nullable String joined(@Nullable String first, @Nullable String second) {
        if (first == null || first.isBlank()) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }

    private void publish(String channelId, State state) {
        states.put(channelId, state);
        updateState(channelId, state);
    }

    /** For the web mounts and tests: the engine channel while it runs. */
    public @Nullable NvrChannel channel() {
        return channel;
    }
}
