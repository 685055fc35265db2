package org.beholder.onvif;

/** A stored PTZ position; {@code name} may equal the token on devices that do not name presets. */
public record PtzPreset(String token, String name) {
}
