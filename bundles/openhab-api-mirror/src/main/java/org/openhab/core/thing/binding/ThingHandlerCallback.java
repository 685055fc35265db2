package org.openhab.core.thing.binding;

import org.eclipse.jdt.annotation.NonNullByDefault;

import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatusInfo;
import org.openhab.core.types.Command;
import org.openhab.core.types.State;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.binding.ThingHandlerCallback} (members the binding uses). */
@NonNullByDefault
public interface ThingHandlerCallback {
    void stateUpdated(ChannelUID channelUID, State state);

    void postCommand(ChannelUID channelUID, Command command);

    void statusUpdated(Thing thing, ThingStatusInfo thingStatus);

    void thingUpdated(Thing thing);

    void configurationUpdated(Thing thing);

    void channelTriggered(Thing thing, ChannelUID channelUID, String event);

    boolean isChannelLinked(ChannelUID channelUID);
}
