package org.beholder.onvif;

import java.time.Instant;
import java.util.List;

/**
 * A recording held by the device (Profile G), from GetRecordings or a recording search.
 *
 * @param earliest null when unknown
 * @param latest null when unknown
 * @param status Recording, Stopped, Removed... ("" when not given)
 */
public record DeviceRecording(String token, String sourceId, String sourceName, String content, Instant earliest,
        Instant latest, String status, List<RecordingTrack> tracks) {
    public DeviceRecording {
        tracks = List.copyOf(tracks);
    }
}
