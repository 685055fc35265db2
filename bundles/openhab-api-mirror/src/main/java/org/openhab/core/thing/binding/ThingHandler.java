package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.Command;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingHandler}. */
@NonNullByDefault
public interface ThingHandler {
    Thing getThing();

    void initialize();

    void dispose();

    void setCallback(@Nullable ThingHandlerCallback thingHandlerCallback);

    void handleCommand(ChannelUID channelUID, Command command);

    void handleConfigurationUpdate(Map<String, Object> configurationParameters);

    void thingUpdated(Thing thing);

    void channelLinked(ChannelUID channelUID);

    void channelUnlinked(ChannelUID channelUID);

    void bridgeStatusChanged(ThingStatusInfo bridgeStatusInfo);

    void handleRemoval();

    default Collection<Class<? extends ThingHandlerService>> getServices() {
        return List.of();
    }
}
