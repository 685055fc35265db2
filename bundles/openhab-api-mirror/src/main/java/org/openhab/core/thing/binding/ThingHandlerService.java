package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingHandlerService}. */
@NonNullByDefault
public interface ThingHandlerService {
    void setThingHandler(ThingHandler handler);

    @Nullable
    ThingHandler getThingHandler();

    default void activate() {
    }

    default void deactivate() {
    }

    default void initialize() {
    }

    default void dispose() {
    }
}
