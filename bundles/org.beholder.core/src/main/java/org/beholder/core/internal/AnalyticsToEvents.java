package org.beholder.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.analytics.Detection;
import org.beholder.core.events.EventJournal;
import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;

/**
 * Analytics happenings as journal events: {@code motion} (phase start/stop, zone, level), {@code object} (one per
 * class that appeared: label, score, box, counts) and {@code qr} (text). Per-keyframe motion levels are not kept:
 * they would drown everything else.
 */
public final class AnalyticsToEvents implements AnalyticsListener {
    private final EventJournal journal;

    public AnalyticsToEvents(EventJournal journal) {
        this.journal = journal;
    }

    @Override
    public void event(AnalyticsEvent event) {
        switch (event) {
            case AnalyticsEvent.MotionStarted started -> journal.record(NvrEvent.of(EventType.MOTION,
                    started.channel(), started.time(),
                    Map.of("phase", "start", "zone", started.zone(), "level", started.level())));
            case AnalyticsEvent.MotionStopped stopped -> journal.record(NvrEvent.of(EventType.MOTION,
                    stopped.channel(), stopped.time(), Map.of("phase", "stop", "zone", stopped.zone())));
            case AnalyticsEvent.ObjectsSeen seen -> {
                for (String label : seen.appeared()) {
                    Detection best = seen.detections().stream().filter(d -> d.label().equals(label))
                            .max((a, b) -> Double.compare(a.score(), b.score())).orElseThrow();
                    Map<String, Object> details = new LinkedHashMap<>();
                    details.put("label", label);
                    details.put("score", best.score());
                    details.put("box", Map.of("x", best.x(), "y", best.y(), "width", best.width(), "height",
                            best.height()));
                    details.put("counts", seen.counts());
                    journal.record(NvrEvent.of(EventType.OBJECT, seen.channel(), seen.time(), details));
                }
            }
            case AnalyticsEvent.QrCodeSeen qr -> journal.record(NvrEvent.of(EventType.QR, qr.channel(), qr.time(),
                    Map.of("text", qr.text())));
            case AnalyticsEvent.MotionLevel level -> {
            }
        }
    }
}
