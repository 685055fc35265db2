package org.openhab.core.automation;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.automation.Visibility}. */
public enum Visibility {
    VISIBLE,
    HIDDEN,
    EXPERT
}
