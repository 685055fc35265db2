package org.beholder.onvif.internal.soap;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Our idea of the device's clock: local time plus the offset measured with GetSystemDateAndTime. Devices reject
 * a UsernameToken whose Created is too far from their own time, and many cameras run minutes or years off.
 */
public final class DeviceClock {
    private final InstantSource local;
    private volatile Duration offset = Duration.ZERO;

    public DeviceClock(InstantSource local) {
        this.local = local;
    }

    public Instant localNow() {
        return local.instant();
    }

    public Instant deviceNow() {
        return local.instant().plus(offset);
    }

    /** Records the device's time as read now. */
    public void synchronize(Instant deviceTime) {
        offset = Duration.between(local.instant(), deviceTime);
    }

    public Duration offset() {
        return offset;
    }
}
