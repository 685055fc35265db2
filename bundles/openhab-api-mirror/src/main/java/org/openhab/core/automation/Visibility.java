package org.openhab.core.automation;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.automation.Visibility}. */
@NonNullByDefault
public enum Visibility {
    VISIBLE,
    HIDDEN,
    EXPERT
}
