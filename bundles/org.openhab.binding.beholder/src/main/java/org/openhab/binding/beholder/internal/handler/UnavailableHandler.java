package org.openhab.binding.beholder.internal.handler;

import org.openhab.core.thing.ChannelUID;
import org.openhab.core.thing.Thing;
import org.openhab.core.thing.ThingStatus;
import org.openhab.core.thing.ThingStatusDetail;
import org.openhab.core.thing.binding.BaseThingHandler;
import org.openhab.core.types.Command;

/**
 * The handler of every NVR Channel while Beholder has no runtime (its data folder is used by another Beholder):
 * the Thing status carries the reason, because that is where an openHAB user looks.
 */
public class UnavailableHandler extends BaseThingHandler {
    private final String reason;

    public UnavailableHandler(Thing thing, String reason) {
        super(thing);
        this.reason = reason;
    }

    @Override
    public void initialize() {
        updateStatus(ThingStatus.OFFLINE, ThingStatusDetail.CONFIGURATION_ERROR, reason);
    }

    @Override
    public void handleCommand(ChannelUID channelUID, Command command) {
    }
}
