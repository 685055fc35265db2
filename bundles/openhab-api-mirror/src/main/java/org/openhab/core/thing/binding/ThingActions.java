package org.openhab.core.thing.binding;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingActions}. */
public interface ThingActions extends ThingHandlerService {
}
