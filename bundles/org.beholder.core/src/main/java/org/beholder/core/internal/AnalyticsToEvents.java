package org.beholder.core.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.beholder.analytics.AnalyticsEvent;
import org.beholder.analytics.AnalyticsListener;
import org.beholder.analytics.Detection;
import org.beholder.analytics.TrackEvent;
import org.beholder.analytics.TrackedObject;
import org.beholder.core.events.EventJournal;
import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;

/**
 * Analytics happenings as journal events: {@code motion} (phase start/stop, zone, level), {@code object} (one per
 * tracked object, when it is confirmed: label, score, box, counts, trackId, zones) and {@code qr} (text).
 * Per-keyframe motion levels are not kept: they would drown everything else. Neither are objects that are stationary
 * from the start (seen again where a stationary one stood): they were reported when they first came.
 */
public final class AnalyticsToEvents implements AnalyticsListener {
    private final EventJournal journal;

    public AnalyticsToEvents(EventJournal journal) {
        this.journal = journal;
    }

    private static Map<String, Object> details(TrackedObject object, Map<String, Integer> counts) {
        Detection best = object.best();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("label", object.label());
        details.put("score", best.score());
        details.put("box", Map.of("x", best.x(), "y", best.y(), "width", best.width(), "height", best.height()));
        details.put("counts", counts);
        details.put("trackId", object.trackId());
        details.put("zones", object.zones());
        return details;
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
                for (TrackEvent track : seen.tracks()) {
                    if (track instanceof TrackEvent.ObjectStarted started && !started.object().stationary()) {
                        journal.record(NvrEvent.of(EventType.OBJECT, seen.channel(), seen.time(),
                                details(started.object(), seen.counts())));
                    }
                }
            }
            case AnalyticsEvent.QrCodeSeen qr -> journal.record(NvrEvent.of(EventType.QR, qr.channel(), qr.time(),
                    Map.of("text", qr.text())));
            case AnalyticsEvent.MotionLevel level -> {
            }
        }
    }
}
