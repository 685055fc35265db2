package org.openhab.core.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.ThingTypeUID}: {@code bindingId:thingTypeId}. */
@NonNullByDefault
public class ThingTypeUID extends UID {

    public ThingTypeUID(String uid) {
        super(uid);
    }

    public ThingTypeUID(String bindingId, String thingTypeId) {
        super(bindingId, thingTypeId);
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 2;
    }

    public String getId() {
        return getSegment(1);
    }
}
