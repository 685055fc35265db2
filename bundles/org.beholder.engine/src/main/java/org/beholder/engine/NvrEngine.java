package org.beholder.engine;

import java.io.IOException;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.beholder.engine.internal.channel.ChannelRunner;
import org.beholder.engine.internal.gst.GstRuntime;
import org.beholder.engine.internal.record.RecordingStore;
import org.beholder.engine.internal.record.Retention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The NVR: owns the channels, the recording index and retention. Hosts create one engine, add a channel per
 * camera and close the engine on shutdown (which closes every open recording properly).
 */
public final class NvrEngine implements AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(NvrEngine.class);

    private final EngineConfig config;
    private final InstantSource clock;
    private final DataFolderLock lock;
    private final RecordingStore store;
    private final Retention retention;
    private final ScheduledExecutorService housekeeping;
    private final ThreadPoolExecutor keyframeExecutor;
    private final Map<String, ChannelRunner> channels = new LinkedHashMap<>();
    private boolean closed;

    /** An engine on the system clock. */
    public NvrEngine(EngineConfig config) throws IOException {
        this(config, InstantSource.system());
    }

    /**
     * Locks the recordings root first ({@link DataFolderLock}): a second engine on the same folder, in this
     * process or another, fails here with "data folder … in use by PID …" before it reads, repairs or indexes
     * anything, so it can never "repair" the recording the first one is writing.
     *
     * Every wall-clock time of the engine comes from {@code clock}: recording ids and day folders, the hourly
     * rotation of continuous recordings, recording deadlines, retention by age, keyframe and status times. Tests
     * pass a clock they advance; hosts pass {@link InstantSource#system()} (see docs/design/time.md).
     *
     * @throws DataFolderLock.InUseException if another engine uses the folder
     */
    public NvrEngine(EngineConfig config, InstantSource clock) throws IOException {
        this.config = config;
        this.clock = clock;
        this.lock = DataFolderLock.acquire(config.recordingsRoot());
        try {
            GstRuntime.ensureInitialised();
            this.store = new RecordingStore(config.recordingsRoot(), clock);
        } catch (IOException | RuntimeException | Error e) {
            lock.close();
            throw e;
        }
        this.retention = new Retention(store, config, clock);
        this.housekeeping = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "beholder-retention"));
        // Keyframes for listeners (analytics): one small shared pool; a busy pool drops keyframes, counted.
        this.keyframeExecutor = new ThreadPoolExecutor(1, 2, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16),
                r -> daemon(r, "beholder-keyframes"), new ThreadPoolExecutor.AbortPolicy());
        long every = config.retentionInterval().toMillis();
        housekeeping.scheduleWithFixedDelay(this::runRetention, every, every, TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private void runRetention() {
        try {
            retention.run();
        } catch (RuntimeException e) {
            logger.warn("Retention failed: {}", e.toString());
        }
    }

    /** Adds and starts a channel; its recordings are indexed (and crash leftovers repaired) first. */
    public synchronized NvrChannel add(ChannelConfig channelConfig) throws IOException {
        if (closed) {
            throw new IllegalStateException("engine is closed");
        }
        if (channels.containsKey(channelConfig.id())) {
            throw new IllegalArgumentException("channel '" + channelConfig.id() + "' exists already");
        }
        store.load(channelConfig.id());
        retention.setPolicy(channelConfig.id(),
                new Retention.Policy(channelConfig.retentionDays(), channelConfig.retentionBytes()));
        ChannelRunner runner = new ChannelRunner(channelConfig, store, retention, keyframeExecutor, clock);
        channels.put(channelConfig.id(), runner);
        runner.start();
        return runner;
    }

    /** Stops a channel: its recording is closed and every native resource released. Recordings stay. */
    public void remove(String channelId) {
        ChannelRunner runner;
        synchronized (this) {
            runner = channels.remove(channelId);
        }
        if (runner != null) {
            runner.stop();
            retention.removePolicy(channelId);
        }
    }

    public synchronized Optional<NvrChannel> channel(String channelId) {
        return Optional.ofNullable(channels.get(channelId));
    }

    public synchronized List<NvrChannel> channels() {
        return new ArrayList<>(channels.values());
    }

    public EngineConfig config() {
        return config;
    }

    /** The wall clock the engine stamps and judges recordings by; hosts use it too, so that times agree. */
    public InstantSource clock() {
        return clock;
    }

    @Override
    public void close() {
        List<String> ids;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            ids = new ArrayList<>(channels.keySet());
        }
        ids.forEach(this::remove);
        housekeeping.shutdownNow();
        keyframeExecutor.shutdownNow();
        lock.close(); // last: every recording is closed
    }
}
