package org.beholder.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.beholder.analytics.internal.motion.MotionDetector;
import org.beholder.analytics.internal.motion.MotionState;
import org.beholder.analytics.internal.objects.DetectionScheduler;
import org.beholder.analytics.internal.qr.QrScanner;
import org.beholder.analytics.internal.tracking.ObjectTracker;
import org.beholder.engine.ChannelListener;
import org.beholder.engine.Keyframe;
import org.beholder.engine.NvrChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics of one channel: motion per zone, QR codes and scheduled, tracked object detection on its keyframes,
 * turned into {@link AnalyticsEvent}s; it reports, it does not decide what to record.
 * Keyframes are analysed on the shared executor one at a time; one that arrives while the previous is still in work
 * is dropped and counted.
 */
public final class ChannelAnalytics implements ChannelListener {
    private static final Logger logger = LoggerFactory.getLogger(ChannelAnalytics.class);

    private final NvrChannel channel;
    private final AnalyticsConfig config;
    private final ObjectDetector detector;
    private final Executor executor;
    private final List<AnalyticsListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong analysed = new AtomicLong();
    private final MotionDetector motion;
    private final Map<String, MotionState> zoneStates = new LinkedHashMap<>();
    private final QrScanner qr;
    private final DetectionScheduler scheduler;
    private final ObjectTracker tracker;
    /** Standard class names to keep; null keeps all. */
    private final Set<String> classes;
    private Map<String, Integer> lastCounts = Map.of();
    private volatile double motionLevel;
    private volatile boolean detached;

    ChannelAnalytics(NvrChannel channel, AnalyticsConfig config, ObjectDetector detector, Executor executor) {
        this.channel = channel;
        this.config = config;
        this.detector = detector;
        this.executor = executor;
        this.motion = new MotionDetector(config.effectiveZones(), config.masks());
        config.effectiveZones().forEach(zone -> zoneStates.put(zone.name(), new MotionState(config.motion())));
        this.qr = config.qrCodes() ? new QrScanner() : null;
        this.scheduler = new DetectionScheduler(config.objects());
        this.tracker = new ObjectTracker(channel.id(), config.objects().tracking(), config.zones());
        this.classes = classFilter(config.objects().classes());
    }

    /** The configured classes under their standard names; null (keep all) when empty or when it says "all". */
    private static Set<String> classFilter(Set<String> configured) {
        if (configured.isEmpty() || configured.stream().anyMatch(c -> c.strip().equalsIgnoreCase(CocoClasses.ALL))) {
            return null;
        }
        // an unknown name is the settings validator's to report; here it simply never matches
        return configured.stream().map(c -> CocoClasses.standardName(c).orElse(c.strip().toLowerCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
    }

    public void addListener(AnalyticsListener listener) {
        listeners.add(listener);
    }

    public void removeListener(AnalyticsListener listener) {
        listeners.remove(listener);
    }

    /** Stops analysing; events already in work may still arrive. */
    public void detach() {
        detached = true;
        channel.removeListener(this);
    }

    public long droppedKeyframes() {
        return dropped.get();
    }

    public long analysedKeyframes() {
        return analysed.get();
    }

    public double motionLevel() {
        return motionLevel;
    }

    public boolean motionActive() {
        return zoneStates.values().stream().anyMatch(MotionState::active);
    }

    @Override
    public void keyframe(NvrChannel source, Keyframe keyframe) {
        if (detached) {
            return;
        }
        if (!busy.compareAndSet(false, true)) {
            dropped.incrementAndGet();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    analyse(keyframe);
                } catch (RuntimeException e) {
                    logger.warn("Analytics of {} failed on a keyframe: {}", channel.id(), e.toString());
                } finally {
                    busy.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            busy.set(false);
            dropped.incrementAndGet();
        }
    }

    /** Runs every analysis on one keyframe; package-visible so tests can feed synthetic pictures in order. */
    void analyse(Keyframe keyframe) {
        Instant now = keyframe.time();
        if (config.motion().enabled()) {
            analyseMotion(keyframe, now);
        }
        if (qr != null) {
            for (String text : qr.scan(keyframe.i420(), keyframe.width(), keyframe.height())) {
                emit(new AnalyticsEvent.QrCodeSeen(channel.id(), now, text));
            }
        }
        if (detector != null && scheduler.due(now, motionActive())) {
            scheduler.ran(now);
            detectObjects(keyframe, now);
        }
        analysed.incrementAndGet();
    }

    private void analyseMotion(Keyframe keyframe, Instant now) {
        Map<String, Double> levels = motion.measure(keyframe.gray(), keyframe.grayWidth(), keyframe.grayHeight());
        String loudest = null;
        double highest = 0;
        for (Map.Entry<String, Double> entry : levels.entrySet()) {
            double level = entry.getValue();
            if (loudest == null || level > highest) {
                loudest = entry.getKey();
                highest = level;
            }
            switch (zoneStates.get(entry.getKey()).update(level, now)) {
                case STARTED -> emit(new AnalyticsEvent.MotionStarted(channel.id(), now, entry.getKey(), level));
                case STOPPED -> emit(new AnalyticsEvent.MotionStopped(channel.id(), now, entry.getKey()));
                case NONE -> {
                }
            }
        }
        motionLevel = highest;
        emit(new AnalyticsEvent.MotionLevel(channel.id(), now, highest, loudest));
    }

    /**
     * One detector run: labels to standard names, score and class filters, the tracker, and an
     * {@link AnalyticsEvent.ObjectsSeen} with the track events of the run, whose counts are the confirmed objects in
     * view and whose {@code appeared} names each newly confirmed object that is not stationary (one object, one
     * entry).
     */
    private void detectObjects(Keyframe keyframe, Instant now) {
        List<Detection> found;
        try {
            found = detector.detect(keyframe);
        } catch (Exception e) {
            logger.warn("Detector {} failed on {}: {}", detector.name(), channel.id(), e.toString());
            return;
        }
        AnalyticsConfig.Objects settings = config.objects();
        List<Detection> kept = new ArrayList<>();
        for (Detection raw : found) {
            Detection detection = standardLabel(raw);
            if (detection.score() >= settings.minScore() && (classes == null || classes.contains(detection.label()))) {
                kept.add(detection);
            }
        }
        List<TrackEvent> tracks = tracker.update(now, kept);
        List<String> appeared = new ArrayList<>();
        for (TrackEvent event : tracks) {
            if (event instanceof TrackEvent.ObjectStarted started && !started.object().stationary()) {
                appeared.add(started.object().label());
            }
        }
        List<TrackedObject> objects = tracker.inView();
        Map<String, Integer> counts = new TreeMap<>();
        objects.forEach(object -> counts.merge(object.label(), 1, Integer::sum));
        Map<String, Integer> reported = new TreeMap<>(counts);
        lastCounts.keySet().forEach(label -> reported.putIfAbsent(label, 0)); // so counts can fall to zero
        lastCounts = counts;
        emit(new AnalyticsEvent.ObjectsSeen(channel.id(), now, kept, reported, appeared, tracks, objects));
    }

    private static Detection standardLabel(Detection detection) {
        String label = CocoClasses.standardName(detection.label()).orElse(detection.label());
        return label.equals(detection.label()) ? detection
                : new Detection(label, detection.score(), detection.x(), detection.y(), detection.width(),
                        detection.height());
    }

    private void emit(AnalyticsEvent event) {
        for (AnalyticsListener listener : listeners) {
            try {
                listener.event(event);
            } catch (RuntimeException e) {
                logger.warn("Analytics listener of {} failed: {}", channel.id(), e.toString());
            }
        }
    }
}
