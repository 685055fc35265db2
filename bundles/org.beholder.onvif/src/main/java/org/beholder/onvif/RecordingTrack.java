package org.beholder.onvif;

import java.time.Instant;

/**
 * One track of a device recording.
 *
 * @param type Video, Audio, Metadata (as the device spells it)
 * @param dataFrom null when unknown (GetRecordings does not say)
 * @param dataTo null when unknown
 */
public record RecordingTrack(String token, String type, String description, Instant dataFrom, Instant dataTo) {
}
