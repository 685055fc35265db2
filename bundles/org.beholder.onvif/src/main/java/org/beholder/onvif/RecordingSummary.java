package org.beholder.onvif;

import java.time.Instant;

/** GetRecordingSummary: the span the device holds recordings for (null ends when it has none). */
public record RecordingSummary(Instant dataFrom, Instant dataUntil, int numberOfRecordings) {
}
