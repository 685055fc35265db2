package org.openhab.core.thing;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.ThingStatus}. */
public enum ThingStatus {
    UNINITIALIZED,
    INITIALIZING,
    UNKNOWN,
    ONLINE,
    OFFLINE,
    REMOVING,
    REMOVED
}
