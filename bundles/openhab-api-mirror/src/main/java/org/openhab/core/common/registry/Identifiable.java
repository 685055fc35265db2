package org.openhab.core.common.registry;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.NonNull;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.common.registry.Identifiable}. */
@NonNullByDefault
public interface Identifiable<@NonNull T> {
    T getUID();
}
