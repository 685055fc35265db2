package org.beholder.onvif;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One notification from the camera, typed by its topic.
 *
 * @param topic the topic without namespace prefixes, e.g. {@code RuleEngine/CellMotionDetector/Motion}
 * @param time the message's UtcTime (the device's clock), or null when it sent none or an unreadable one
 * @param propertyOperation Initialized, Changed or Deleted for property events, else ""
 * @param active the state the event reports (IsMotion, State, LogicalState...), null when it reports none
 * @param sourceToken the token of what the event is about (input, relay, video source), or ""
 * @param objectClass for {@link CameraEventKind#OBJECT}: person, vehicle, face or what the device names; else ""
 * @param source the Source simple items
 * @param data the Data simple items (and element items as their text)
 */
public record CameraEvent(CameraEventKind kind, String topic, Instant time, String propertyOperation,
        Boolean active, String sourceToken, String objectClass, Map<String, String> source,
        Map<String, String> data) {
    public CameraEvent {
        source = Map.copyOf(source);
        data = Map.copyOf(data);
    }

    public Optional<Boolean> state() {
        return Optional.ofNullable(active);
    }

    public Optional<Instant> utcTime() {
        return Optional.ofNullable(time);
    }
}
