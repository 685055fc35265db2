package org.beholder.core.internal;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.beholder.core.events.EventJournal;
import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.beholder.onvif.CameraEvent;

/**
 * What a camera reports about itself (ONVIF events) as journal events of type {@code camera}. The time is
 * Beholder's, not the device's: camera clocks drift, and every other event of the channel is on Beholder's clock.
 */
public final class CameraEvents {
    private final EventJournal journal;
    private final InstantSource clock;

    public CameraEvents(EventJournal journal, InstantSource clock) {
        this.journal = journal;
        this.clock = clock;
    }

    public void record(String channel, CameraEvent event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("topic", event.topic());
        details.put("kind", event.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        event.state().ifPresent(active -> details.put("active", active));
        if (!event.objectClass().isEmpty()) {
            details.put("objectClass", event.objectClass());
        }
        if (!event.source().isEmpty()) {
            details.put("source", event.source());
        }
        if (!event.data().isEmpty()) {
            details.put("data", event.data());
        }
        journal.record(NvrEvent.of(EventType.CAMERA, channel, clock.instant(), details));
    }
}
