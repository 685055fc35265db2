package org.beholder.onvif;

import java.time.Instant;

/**
 * An event found in a device's recordings by FindEvents.
 *
 * @param event the notification as a typed event (its topic and data), or null when the result carried none
 * @param startState true when it describes the state at the start of the searched span rather than a change
 */
public record RecordingEvent(String recordingToken, String trackToken, Instant time, CameraEvent event,
        boolean startState) {
}
