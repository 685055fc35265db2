package org.openhab.core.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.ThingStatus}. */
@NonNullByDefault
public enum ThingStatus {
    UNINITIALIZED,
    INITIALIZING,
    UNKNOWN,
    ONLINE,
    OFFLINE,
    REMOVING,
    REMOVED
}
