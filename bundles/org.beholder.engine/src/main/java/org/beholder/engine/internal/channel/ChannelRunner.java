package org.beholder.engine.internal.channel;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.beholder.engine.ChannelConfig;
import org.beholder.engine.ChannelListener;
import org.beholder.engine.ChannelState;
import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.Keyframe;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.TsChunk;
import org.beholder.engine.TsSubscription;
import org.beholder.engine.internal.gst.ChannelPipeline;
import org.beholder.engine.internal.hub.TsHub;
import org.beholder.engine.internal.image.DecodedKeyframe;
import org.beholder.engine.internal.record.ChannelRecorder;
import org.beholder.engine.internal.record.PrerollRing;
import org.beholder.engine.internal.record.RecordingStore;
import org.beholder.engine.internal.record.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one channel: builds a pipeline, watches it, tears it down on failure or stall and reconnects with
 * backoff. Every lifecycle step runs on the channel's own control thread, so steps never race; GStreamer
 * callbacks only publish data or post a step to that thread.
 */
public final class ChannelRunner implements NvrChannel {
    private static final Logger logger = LoggerFactory.getLogger(ChannelRunner.class);
    private static final long GOP_CACHE_MAX_BYTES = 16L << 20;
    private static final long VIEWER_QUEUE_BYTES = 4L << 20;
    private static final Duration STATISTICS_EVERY = Duration.ofSeconds(2);
    /** Timestamps stepping back less than this are B-frame reordering, not a new stream. */
    private static final long REORDER_WINDOW_NANOS = 2_000_000_000L;

    private final ChannelConfig config;
    private final RecordingStore store;
    private final Executor keyframeExecutor;
    private final InstantSource clock;
    private final ScheduledExecutorService control;
    private final TsHub hub = new TsHub(GOP_CACHE_MAX_BYTES);
    private final PrerollRing ring;
    private final ChannelRecorder recorder;
    private final StreamMeter meter = new StreamMeter();
    private final Backoff backoff = new Backoff();
    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean keyframePending = new AtomicBoolean();
    private final AtomicLong keyframesDropped = new AtomicLong();

    private volatile ChannelStatus status;
    private volatile Keyframe lastKeyframe;
    private volatile String codec = "";
    private volatile long lastDataNanos;
    private volatile long lastTime; // written by the streaming thread; reset by connect()
    private volatile boolean online;
    private volatile String recorderWarning;
    private ChannelPipeline pipeline; // control thread only
    private long pipelineStartedNanos;
    private volatile long onlineSinceNanos;
    private volatile long reconnects;
    private ScheduledFuture<?> reconnect;
    private boolean stopped;

    /**
     * {@code clock} stamps every access unit, decoded keyframe and status; intervals (stall, statistics, back-off)
     * are measured with {@link System#nanoTime()}, which no clock step can disturb.
     */
    public ChannelRunner(ChannelConfig config, RecordingStore store, Retention retention, Executor keyframeExecutor,
            InstantSource clock) {
        this.config = config;
        this.store = store;
        this.keyframeExecutor = keyframeExecutor;
        this.clock = clock;
        this.control = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "beholder-channel-" + config.id());
            thread.setDaemon(true);
            return thread;
        });
        this.ring = new PrerollRing(config.preRoll(), config.ringMaxBytes());
        this.recorder = new ChannelRecorder(config, ring, store, retention, new RecorderEvents(), clock);
        this.status = statusOf(ChannelState.STARTING, "Connecting to " + config.displayUrl());
        hub.addTap(ring::add);
        hub.addTap(recorder);
    }

    public void start() {
        control.execute(this::connect);
        long every = STATISTICS_EVERY.toMillis();
        control.scheduleWithFixedDelay(this::watch, every, every, TimeUnit.MILLISECONDS);
    }

    // ---- control thread -------------------------------------------------------------------------------------

    private void connect() {
        if (stopped) {
            return;
        }
        online = false;
        lastDataNanos = 0;
        lastTime = 0;
        pipelineStartedNanos = System.nanoTime();
        try {
            pipeline = ChannelPipeline.start(config, new PipelineEvents());
        } catch (RuntimeException e) {
            fail("Cannot build the pipeline: " + e.getMessage(), true);
        }
    }

    /** Tears the pipeline down and schedules a reconnect; the message (it may quote GStreamer) is redacted here. */
    private void fail(String message, boolean userMustFix) {
        if (stopped) {
            return;
        }
        if (online) {
            backoff.healthy(); // data flowed until now: retry quickly (see Backoff)
        }
        teardown();
        Duration delay = backoff.next();
        ChannelState state = userMustFix ? ChannelState.ERROR : ChannelState.RECONNECTING;
        setStatus(statusOf(state, config.redact(message) + "; retrying in " + delay.toSeconds() + " s"));
        logger.info("Channel {}: {}", config.id(), status.message());
        if (reconnect != null) {
            reconnect.cancel(false);
        }
        reconnect = control.schedule(() -> {
            reconnects++;
            connect();
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void teardown() {
        online = false;
        onlineSinceNanos = 0;
        if (pipeline != null) {
            pipeline.stop();
            pipeline = null;
        }
        hub.reset();
    }

    private void markOnline() {
        if (stopped || online || pipeline == null) {
            return;
        }
        online = true;
        onlineSinceNanos = System.nanoTime();
        backoff.healthy();
        setStatus(statusOf(ChannelState.ONLINE, "Streaming " + codec + " from " + describeSource()));
    }

    private String describeSource() {
        return switch (config.scheme()) {
            case "test" -> "the built-in test camera";
            case "file" -> "a file (looping)";
            default -> java.net.URI.create(config.url()).getHost();
        };
    }

    /** Stall detection and statistics, every couple of seconds. */
    private void watch() {
        if (stopped) {
            return;
        }
        long stallNanos = config.stallTimeout().toNanos();
        long now = System.nanoTime();
        if (pipeline != null) {
            long since = lastDataNanos == 0 ? pipelineStartedNanos : lastDataNanos;
            if (now - since > stallNanos) {
                if (lastDataNanos == 0 && (pipeline.decodeTrouble() != null || pipeline.sourceDelivered())) {
                    fail(undecodable(pipeline.decodeTrouble()), true); // data came, but no picture of it
                    return;
                }
                String what = lastDataNanos == 0 ? "No video from " + describeSource() + " within "
                        : "Stream stalled: no data for ";
                fail(what + config.stallTimeout().toSeconds() + " s", false);
                return;
            }
        }
        meter.sample();
        ChannelStatistics current = statistics();
        updateWarning(ring.lastGopNanos());
        for (ChannelListener listener : listeners) {
            listener.statisticsUpdated(this, current);
        }
    }

    private String undecodable(String trouble) {
        return "The " + (codec.isEmpty() ? "video" : codec) + " stream from " + pipeline.target()
                + " cannot be decoded: the camera sends data, but no picture could be read from it within "
                + config.stallTimeout().toSeconds() + " s (corrupt data, or a keyframe interval longer than that)"
                + (trouble == null ? "" : ": " + trouble);
    }

    private void updateWarning(long gopNanos) {
        String gopWarning = gopNanos > config.preRoll().toNanos()
                ? String.format("Camera keyframe interval (%.1f s) is longer than the pre-roll (%d s): lower the "
                        + "camera's I-frame interval or raise the pre-roll", gopNanos / 1e9,
                        config.preRoll().toSeconds())
                : null;
        String warning = recorderWarning != null ? recorderWarning : gopWarning;
        ChannelStatus current = status;
        if (!java.util.Objects.equals(warning, current.warning())) {
            setStatus(current.withWarning(warning));
        }
    }

    private ChannelStatus statusOf(ChannelState state, String message) {
        return ChannelStatus.of(state, message, clock.instant());
    }

    private void setStatus(ChannelStatus next) {
        ChannelStatus withWarning = next.warning() == null && recorderWarning != null
                ? next.withWarning(recorderWarning) : next;
        status = withWarning;
        for (ChannelListener listener : listeners) {
            listener.statusChanged(this, withWarning);
        }
    }

    /** Stops the channel: recording closed, viewers ended, pipeline and threads released. Blocks until done. */
    public void stop() {
        try {
            control.submit(() -> {
                stopped = true;
                if (reconnect != null) {
                    reconnect.cancel(false);
                }
                teardown();
            }).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            logger.warn("Channel {} did not stop cleanly: {}", config.id(), e.toString());
        }
        control.shutdownNow();
        recorder.close();
        hub.closeAll();
        ring.clear();
        setStatus(statusOf(ChannelState.STOPPED, "Stopped"));
    }

    // ---- GStreamer threads: publish or post, never block ------------------------------------------------------

    private final class PipelineEvents implements ChannelPipeline.Callbacks {
        @Override
        public void accessUnit(byte[] ts, boolean keyframe, long timeNanos) {
            lastDataNanos = System.nanoTime();
            long time = timeNanos >= 0 ? timeNanos : lastTime; // a unit without timestamp belongs with the last one
            if (time < lastTime && lastTime - time < REORDER_WINDOW_NANOS) {
                time = lastTime; // B-frames arrive in decode order with earlier presentation times
            }
            lastTime = time;
            meter.accessUnit(ts.length, keyframe);
            hub.publish(ts, keyframe, time, clock.millis());
            if (!online) {
                post(ChannelRunner.this::markOnline);
            }
        }

        @Override
        public void keyframe(int width, int height, byte[] i420) {
            if (!keyframePending.compareAndSet(false, true)) {
                keyframesDropped.incrementAndGet();
                return;
            }
            try {
                keyframeExecutor.execute(() -> deliverKeyframe(width, height, i420));
            } catch (RejectedExecutionException e) {
                keyframePending.set(false);
                keyframesDropped.incrementAndGet();
            }
        }

        @Override
        public void codec(String name) {
            codec = name;
        }

        @Override
        public void failed(String message, boolean userMustFix) {
            post(() -> fail(message, userMustFix));
        }

        @Override
        public void ended() {
            post(() -> fail("The camera ended the stream", false));
        }
    }

    private void post(Runnable step) {
        try {
            control.execute(step);
        } catch (RejectedExecutionException e) {
            // stopping
        }
    }

    private void deliverKeyframe(int width, int height, byte[] i420) {
        try {
            Keyframe keyframe = new DecodedKeyframe(clock.instant(), width, height, i420, config.analyticsWidth());
            lastKeyframe = keyframe;
            for (ChannelListener listener : listeners) {
                try {
                    listener.keyframe(this, keyframe);
                } catch (RuntimeException e) {
                    logger.warn("Keyframe listener of {} failed: {}", config.id(), config.redact(e.toString()));
                }
            }
        } finally {
            keyframePending.set(false);
        }
    }

    private final class RecorderEvents implements ChannelRecorder.Events {
        @Override
        public void started(Recording recording) {
            listeners.forEach(l -> l.recordingStarted(ChannelRunner.this, recording));
        }

        @Override
        public void stopped(Recording recording) {
            listeners.forEach(l -> l.recordingStopped(ChannelRunner.this, recording));
        }

        @Override
        public void warning(String warning) {
            recorderWarning = warning;
            post(() -> updateWarning(ring.lastGopNanos()));
        }
    }

    // ---- NvrChannel -------------------------------------------------------------------------------------------

    @Override
    public String id() {
        return config.id();
    }

    @Override
    public ChannelConfig config() {
        return config;
    }

    @Override
    public ChannelStatus status() {
        return status;
    }

    /** Counters as of now; rates as of the last sample (every 2 s). */
    @Override
    public ChannelStatistics statistics() {
        Keyframe keyframe = lastKeyframe;
        long onlineSince = onlineSinceNanos;
        return new ChannelStatistics(meter.bitrate(), meter.fps(), meter.gopFrames(), ring.lastGopNanos() / 1e9,
                keyframe == null ? 0 : keyframe.width(), keyframe == null ? 0 : keyframe.height(), codec,
                onlineSince == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - onlineSince), reconnects,
                hub.totalSkips(), ring.seconds(), keyframesDropped.get());
    }

    @Override
    public TsSubscription subscribe(String viewerName, Consumer<TsChunk> sink) {
        return hub.subscribe(viewerName, sink, VIEWER_QUEUE_BYTES);
    }

    @Override
    public Optional<Keyframe> lastKeyframe() {
        return Optional.ofNullable(lastKeyframe);
    }

    @Override
    public void record(String reason, Duration hold) {
        recorder.trigger(reason, hold);
    }

    @Override
    public void stopRecording() {
        recorder.stopRecording();
    }

    @Override
    public boolean isRecording() {
        return recorder.isRecording();
    }

    @Override
    public Optional<String> recordingPaused() {
        return recorder.pausedReason();
    }

    @Override
    public List<Recording> recordings(Instant from, Instant to) {
        return store.list(config.id(), from, to);
    }

    @Override
    public Optional<Recording> recording(String id) {
        return store.get(config.id(), id);
    }

    @Override
    public void addListener(ChannelListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(ChannelListener listener) {
        listeners.remove(listener);
    }
}
