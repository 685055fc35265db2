package org.beholder.core.events;

import java.util.Arrays;
import java.util.Set;

/**
 * Every kind of event and the one schema of its details: the keys it must have and those it may have
 * (docs/reference/rest.md, "Events").
 */
public enum EventType {
    /** A recording started or stopped (pushed), or a recording as listed from the index. */
    RECORDING("recording", Set.of("id", "reasons"), Set.of("phase", "end", "open")),
    /** Motion began ({@code phase=start}, with its level) or ended ({@code phase=stop}) in a zone. */
    MOTION("motion", Set.of("phase", "zone"), Set.of("level")),
    /** An object class came into view: the best detection of it and the counts of every class. */
    OBJECT("object", Set.of("label", "score", "box", "counts"), Set.of("trackId", "zones")),
    /** A QR code came into view. */
    QR("qr", Set.of("text"), Set.of()),
    /**
     * Something the camera itself reported (ONVIF events): its topic, its kind ({@code motion}, {@code tamper},
     * {@code digital-input}, {@code relay}, {@code object}, {@code generic}) and what it said.
     */
    CAMERA("camera", Set.of("topic", "kind"), Set.of("active", "source", "data", "objectClass")),
    /** The channel's state changed (pushed to live pages only). */
    STATUS("status", Set.of("state", "message", "recording"), Set.of("warning", "recordingPaused")),
    /** Measured stream figures (pushed to live pages only, every couple of seconds). */
    STATISTICS("statistics", Set.of("fps", "bitrateBps", "width", "height", "viewerSkips"), Set.of());

    private final String wireName;
    private final Set<String> required;
    private final Set<String> optional;

    EventType(String wireName, Set<String> required, Set<String> optional) {
        this.wireName = wireName;
        this.required = required;
        this.optional = optional;
    }

    /** The name the API, the page and rules see, e.g. {@code motion}. */
    public String wireName() {
        return wireName;
    }

    public Set<String> requiredKeys() {
        return required;
    }

    public Set<String> optionalKeys() {
        return optional;
    }

    public static EventType of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown event type '" + wireName + "'"));
    }
}
