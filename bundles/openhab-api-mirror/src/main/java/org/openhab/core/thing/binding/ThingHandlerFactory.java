package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import org.openhab.core.config.core.Configuration;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingTypeUID;
import org.openhab.core.thing.ThingUID;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingHandlerFactory}. */
@NonNullByDefault
public interface ThingHandlerFactory {
    boolean supportsThingType(ThingTypeUID thingTypeUID);

    ThingHandler registerHandler(Thing thing);

    void unregisterHandler(Thing thing);

    @Nullable
    Thing createThing(ThingTypeUID thingTypeUID, Configuration configuration, @Nullable ThingUID thingUID,
            @Nullable ThingUID bridgeUID);

    void removeThing(ThingUID thingUID);
}
