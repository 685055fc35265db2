package org.beholder.engine.internal.record;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.beholder.engine.ChannelConfig;
import org.beholder.engine.Recording;
import org.beholder.engine.TsChunk;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A channel's event recorder. Triggers start a recording made of the pre-roll ring plus live data until
 * {@code postRoll} (or the requested time) after the last trigger; further triggers extend it. In continuous mode
 * it always records and starts a new recording at the first keyframe of each UTC hour, so that no recording spans
 * two day folders. Wall-clock times come from the injected clock (triggers, deadlines, pause back-off) and from the
 * chunks' own stamps (ids, folders, rotation). The streaming thread only enqueues; a dedicated
 * writer thread touches the disk. When the queue overflows (a stalled disk) data is dropped up to the next
 * keyframe; when the disk is full recording pauses with a warning and resumes when retention or the user
 * frees space.
 */
public final class ChannelRecorder implements Consumer<TsChunk>, AutoCloseable {
    private static final Logger logger = LoggerFactory.getLogger(ChannelRecorder.class);
    private static final DateTimeFormatter ID_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd")
            .withZone(ZoneOffset.UTC);
    private static final long MAX_QUEUED_BYTES = 32L << 20;
    /**
     * After the disk filled up, recording resumes only once this much more than {@code minFreeBytes} is free:
     * otherwise the first kilobytes freed would start a recording that fails at once, again and again.
     */
    static final long DISK_FULL_HEADROOM = 4L << 20;

    /** What the recorder tells its channel. */
    public interface Events {
        void started(Recording recording);

        void stopped(Recording recording);

        /** A warning to show on the channel (null clears it). */
        void warning(String warning);
    }

    private sealed interface Item {
    }

    private record Live(TsChunk chunk) implements Item {
    }

    /** {@code requested}: the clock when triggered, the start of a recording that has no pre-roll. */
    private record Start(String reason, List<TsChunk> preRoll, Instant requested) implements Item {
    }

    private record Gap() implements Item {
    }

    /** Ends the recording in progress now; a trigger queued after it starts a new one. */
    private record Stop() implements Item {
    }

    private record Close() implements Item {
    }

    private final ChannelConfig config;
    private final PrerollRing ring;
    private final RecordingStore store;
    private final Retention retention;
    private final Events events;
    private final InstantSource clock;
    private final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final Thread writerThread;

    // guarded by this
    private boolean active;
    private long stopAtMillis;
    private boolean dropping;

    // writer thread only
    private HlsRecordingWriter writer;
    private final RecordingPause pause = new RecordingPause();
    /** The reason of the recording wanted while paused: it is opened with it when recording resumes. */
    private String pausedStartReason;
    /** Free space wanted beyond {@code minFreeBytes} before the next start: {@link #DISK_FULL_HEADROOM} after ENOSPC. */
    private long headroom;
    /** Continuous mode: the top of the hour after the open recording's first frame. */
    private long rotateAtMillis;
    /** Wall clock of the previous recording's first frame: the next one starts after it (ids are start times). */
    private long lastStartMillis = Long.MIN_VALUE;

    public ChannelRecorder(ChannelConfig config, PrerollRing ring, RecordingStore store, Retention retention,
            Events events, InstantSource clock) {
        this.config = config;
        this.ring = ring;
        this.store = store;
        this.retention = retention;
        this.events = events;
        this.clock = clock;
        this.writerThread = new Thread(this::runWriter, "beholder-recorder-" + config.id());
        writerThread.setDaemon(true);
        writerThread.start();
        if (config.continuous()) {
            trigger("continuous", Duration.ofDays(365_000));
        }
    }

    /** Starts a recording (with pre-roll) or extends the current one to at least {@code hold} from now. */
    public synchronized void trigger(String reason, Duration hold) {
        Instant now = clock.instant();
        stopAtMillis = Math.max(stopAtMillis, now.toEpochMilli() + Math.max(hold.toMillis(), 0));
        if (!active) {
            active = true;
            queue.add(new Start(reason, ring.snapshot(), now));
        } else {
            queue.add(new Start(reason, List.of(), now)); // only records the reason
        }
    }

    /**
     * Ends the current recording now (continuous mode restarts at the next keyframe). A trigger after this starts
     * a new recording instead of extending the one being closed.
     */
    public synchronized void stopRecording() {
        if (active) {
            active = false;
            dropping = false;
            stopAtMillis = 0;
            queue.add(new Stop());
        }
    }

    /** Recording and not paused. */
    public synchronized boolean isRecording() {
        return active && !pause.isPaused();
    }

    /** Why recording is paused, if it is (e.g. "disk full (12 MiB free, 512 MiB required)"). */
    public Optional<String> pausedReason() {
        return pause.reason();
    }

    /** Hub tap, on the streaming thread: enqueue only. */
    @Override
    public void accept(TsChunk chunk) {
        synchronized (this) {
            if (!active) {
                return;
            }
            if (dropping && !chunk.keyframe()) {
                return;
            }
            if (queuedBytes.get() + chunk.data().length > MAX_QUEUED_BYTES) {
                if (!dropping) {
                    queue.add(new Gap());
                }
                dropping = true;
                return;
            }
            dropping = false;
        }
        queuedBytes.addAndGet(chunk.data().length);
        queue.add(new Live(chunk));
    }

    /** Bytes waiting for the writer; 0 once it has taken the last chunk (tests wait on this, not on time). */
    long queuedBytes() {
        return queuedBytes.get();
    }

    private void runWriter() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Item item = queue.poll(250, TimeUnit.MILLISECONDS);
                if (item instanceof Start start) {
                    begin(start);
                } else if (item instanceof Live live) {
                    queuedBytes.addAndGet(-live.chunk().data().length);
                    write(live.chunk());
                } else if (item instanceof Close) {
                    return;
                } else if (item instanceof Stop) {
                    stopNow();
                } else if (item instanceof Gap) {
                    logger.warn("Recorder of {} fell behind the stream; skipping to the next keyframe", config.id());
                }
                checkStop();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void begin(Start start) {
        if (writer != null) {
            if (!writer.meta().reasons.contains(start.reason())) {
                writer.meta().reasons.add(start.reason());
            }
            return;
        }
        if (pause.isPaused()) { // the next keyframe after the back-off tries again, without this pre-roll
            pausedStartReason = pausedStartReason == null ? start.reason() : pausedStartReason;
            return;
        }
        List<TsChunk> preRoll = afterPreviousStart(start.preRoll());
        Instant firstFrame = preRoll.isEmpty() ? start.requested()
                : Instant.ofEpochMilli(preRoll.get(0).wallClockMillis());
        open(start.reason(), firstFrame);
        for (TsChunk chunk : preRoll) {
            write(chunk);
        }
        flushPreRoll();
    }

    /** The pre-roll is history written in one burst: a crash right after the start must not lose it. */
    private void flushPreRoll() {
        if (writer == null) {
            return;
        }
        try {
            writer.flush();
        } catch (IOException e) {
            failed(e);
        }
    }

    /**
     * The pre-roll from its first keyframe after the previous recording's first frame. A recording keeps its full
     * pre-roll even where that repeats the end of the previous one, but never starts where that one started: the
     * id is the first frame's time, and a short recording followed by another within the ring would collide.
     */
    private List<TsChunk> afterPreviousStart(List<TsChunk> preRoll) {
        int from = 0;
        while (from < preRoll.size() && (preRoll.get(from).wallClockMillis() <= lastStartMillis
                || !preRoll.get(from).keyframe())) {
            from++;
        }
        return preRoll.subList(from, preRoll.size());
    }

    /** Opens a recording whose first frame is at {@code firstFrame} (the start of its pre-roll). */
    private void open(String reason, Instant firstFrame) {
        if (!retention.ensureSpace(headroom)) {
            pause(diskFull(), reason);
            return;
        }
        lastStartMillis = Math.max(lastStartMillis, firstFrame.toEpochMilli());
        String id = ID_FORMAT.format(firstFrame);
        Path folder = store.channelFolder(config.id()).resolve(DAY_FORMAT.format(firstFrame)).resolve(id);
        try {
            RecordingMeta meta = new RecordingMeta(id, config.id(), firstFrame, List.of(reason));
            writer = new HlsRecordingWriter(folder, meta, config.segmentTarget());
            rotateAtMillis = topOfNextHour(firstFrame).toEpochMilli();
            Recording recording = RecordingStore.toRecording(meta, folder);
            store.put(recording);
            headroom = 0;
            resume();
            events.started(recording);
        } catch (IOException e) {
            writer = null;
            headroom = RecordingPause.isDiskFull(e) ? DISK_FULL_HEADROOM : 0;
            logger.warn("Cannot start a recording of {} in {}: {}", config.id(), folder, e.getMessage());
            retention.run();
            pause(RecordingPause.failureReason(e, retention.freeBytes()), reason);
        }
    }

    /** Where a continuous recording that starts at {@code firstFrame} ends: UTC, like the day folders. */
    static Instant topOfNextHour(Instant firstFrame) {
        return firstFrame.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    }

    private void write(TsChunk chunk) {
        if (writer == null) {
            if (pause.isPaused() && chunk.keyframe() && pause.mayTry(clock.millis())) {
                open(pausedStartReason, Instant.ofEpochMilli(chunk.wallClockMillis()));
            }
            if (writer == null) {
                return;
            }
        }
        if (chunk.keyframe()) {
            if (!retention.ensureSpace()) {
                String reason = reasonOfOpen();
                finish();
                pause(diskFull(), reason);
                return;
            }
            if (config.continuous() && chunk.wallClockMillis() >= rotateAtMillis) {
                finish();
                open("continuous", Instant.ofEpochMilli(chunk.wallClockMillis()));
                if (writer == null) {
                    return;
                }
            }
        }
        try {
            writer.write(chunk);
            if (chunk.keyframe()) { // keep the index's size of the open recording current
                RecordingMeta meta = writer.meta();
                store.put(new Recording(meta.id, meta.channelId, meta.start, null, List.copyOf(meta.reasons),
                        writer.folder(), writer.bytes()));
            }
        } catch (IOException e) {
            failed(e);
        }
    }

    /**
     * A write failed (typically ENOSPC): close what was written, let retention free what it may (never recordings
     * that just ended) and pause; the next attempt waits for the back-off, and after a full disk for headroom.
     */
    private void failed(IOException e) {
        logger.warn("Writing recording of {} failed: {}", config.id(), e.getMessage());
        String reason = reasonOfOpen();
        headroom = RecordingPause.isDiskFull(e) ? DISK_FULL_HEADROOM : 0;
        closeAfterFailure();
        retention.run();
        pause(RecordingPause.failureReason(e, retention.freeBytes()), reason);
    }

    private String reasonOfOpen() {
        return config.continuous() ? "continuous" : writer.meta().reasons.get(0);
    }

    private String diskFull() {
        return RecordingPause.diskFullReason(retention.freeBytes(), retention.minFreeBytes() + headroom);
    }

    private void checkStop() {
        boolean stop;
        synchronized (this) {
            stop = active && clock.millis() >= stopAtMillis;
            if (stop) {
                active = false;
                dropping = false;
            }
        }
        if (stop) {
            stopNow();
        }
    }

    private void stopNow() {
        finish();
        synchronized (this) {
            if (config.continuous() && !active) {
                trigger("continuous", Duration.ofDays(365_000));
            }
            if (!active) {
                pausedStartReason = null;
                resume(); // nothing is wanted, so nothing is paused; the next trigger checks the disk again
            }
        }
    }

    /** Closes the open recording properly (ENDLIST, end time, index) and tells the channel. */
    private void finish() {
        if (writer == null) {
            return;
        }
        HlsRecordingWriter closing = writer;
        writer = null;
        try {
            closing.finish();
        } catch (IOException e) {
            logger.warn("Closing recording {} failed: {}", closing.folder(), e.getMessage());
            closing.closeAfterFailure();
        }
        indexClosed(closing);
    }

    /** After a write error: closes what was written, using the recording's space reserve. */
    private void closeAfterFailure() {
        HlsRecordingWriter failed = writer;
        writer = null;
        if (!failed.closeAfterFailure()) {
            logger.warn("Recording {} could not be closed (disk full); the next start repairs it", failed.folder());
        }
        indexClosed(failed);
    }

    private void indexClosed(HlsRecordingWriter closed) {
        RecordingMeta meta = closed.meta();
        Recording recording = new Recording(meta.id, meta.channelId, meta.start,
                meta.end == null ? meta.start : meta.end, List.copyOf(meta.reasons), closed.folder(),
                sizeOrWritten(closed));
        store.put(recording);
        events.stopped(recording);
    }

    private static long sizeOrWritten(HlsRecordingWriter closed) {
        try {
            return RecordingStore.sizeOf(closed.folder());
        } catch (IOException e) {
            return closed.bytes();
        }
    }

    private void pause(String reason, String startReason) {
        pausedStartReason = startReason;
        if (pause.pause(reason, clock.millis())) {
            String warning = "Recording paused: " + reason;
            logger.warn("{}: {}; retrying in {} s", config.id(), warning, pause.retryDelayMillis() / 1000);
            events.warning(warning);
        }
    }

    private void resume() {
        if (pause.resume()) {
            logger.info("{}: recording resumed", config.id());
            events.warning(null);
        }
    }

    /** Closes the recording in progress (playlist finalised) and stops the writer thread. */
    @Override
    public void close() {
        queue.add(new Close()); // after everything already queued
        try {
            writerThread.join(10_000);
            if (writerThread.isAlive()) {
                writerThread.interrupt();
                writerThread.join(2_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
