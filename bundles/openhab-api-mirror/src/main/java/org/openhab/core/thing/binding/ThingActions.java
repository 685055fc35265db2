package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingActions}. */
@NonNullByDefault
public interface ThingActions extends ThingHandlerService {
}
