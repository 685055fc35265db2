package org.beholder.onvif;

import java.time.Instant;

/**
 * GetStatus: where the head is and whether it moves. Position values are NaN when the device does not report
 * them; move states as the device spells them (IDLE, MOVING, UNKNOWN); {@code utcTime} may be null.
 */
public record PtzStatus(double pan, double tilt, double zoom, String panTiltMoveStatus, String zoomMoveStatus,
        Instant utcTime) {
}
