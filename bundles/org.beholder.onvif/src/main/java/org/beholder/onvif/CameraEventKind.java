package org.beholder.onvif;

/** What a camera event is about, as far as its topic tells. */
public enum CameraEventKind {
    /** Motion detected by the camera (cell motion, motion alarm, motion region). */
    MOTION,
    /** Tampering: covered, moved, defocused, scene changed. */
    TAMPER,
    /** A digital input changed ({@link CameraEvent#sourceToken()} = InputToken). */
    DIGITAL_INPUT,
    /** A relay output changed ({@link CameraEvent#sourceToken()} = RelayToken). */
    RELAY,
    /** An analytics object (person, vehicle...) where the camera reports one. */
    OBJECT,
    /** Any other topic; its data is in {@link CameraEvent#data()}. */
    GENERIC
}
