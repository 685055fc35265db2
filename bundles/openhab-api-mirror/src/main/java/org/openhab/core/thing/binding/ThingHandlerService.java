package org.openhab.core.thing.binding;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingHandlerService}. */
public interface ThingHandlerService {
    void setThingHandler(ThingHandler handler);

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
