package org.beholder.web;

import java.util.LinkedHashMap;
import java.util.Map;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.analytics.Detection;

/**
 * Analytics events as entries of the event list and the pushed stream: {@code motion} (phase start/stop, zone,
 * level), {@code object} (one per class that appeared: label, score, box, counts) and {@code qr} (text). Per-keyframe
 * motion levels are not kept: they would drown everything else.
 */
public final class AnalyticsEvents implements AnalyticsListener {
    private final EventJournal journal;

    public AnalyticsEvents(EventJournal journal) {
        this.journal = journal;
    }

    @Override
    public void event(AnalyticsEvent event) {
        switch (event) {
            case AnalyticsEvent.MotionStarted started -> journal.record(new NvrEvent("motion", started.channel(),
                    started.time(), Map.of("phase", "start", "zone", started.zone(), "level", started.level())));
            case AnalyticsEvent.MotionStopped stopped -> journal.record(new NvrEvent("motion", stopped.channel(),
                    stopped.time(), Map.of("phase", "stop", "zone", stopped.zone())));
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
                    journal.record(new NvrEvent("object", seen.channel(), seen.time(), details));
                }
            }
            case AnalyticsEvent.QrCodeSeen qr -> journal.record(new NvrEvent("qr", qr.channel(), qr.time(),
                    Map.of("text", qr.text())));
            case AnalyticsEvent.MotionLevel level -> {
            }
        }
    }
}
