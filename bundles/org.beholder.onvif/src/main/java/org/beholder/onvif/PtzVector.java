package org.beholder.onvif;

/**
 * Pan, tilt and zoom in the generic spaces: velocities and translations in -1..1, positions as the node's
 * ranges say (generic: pan/tilt -1..1, zoom 0..1). Values must be finite.
 */
public record PtzVector(double pan, double tilt, double zoom) {
    public PtzVector {
        if (!Double.isFinite(pan) || !Double.isFinite(tilt) || !Double.isFinite(zoom)) {
            throw new IllegalArgumentException("PTZ values must be finite numbers");
        }
    }

    /** The same vector with each component clamped to -1..1, as continuous moves require. */
    public PtzVector clampedToUnit() {
        return new PtzVector(clamp(pan), clamp(tilt), clamp(zoom));
    }

    private static double clamp(double value) {
        return Math.max(-1.0, Math.min(1.0, value));
    }
}
