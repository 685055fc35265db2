package org.openhab.core.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;

import java.util.ArrayList;
import java.util.List;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.ThingUID}: {@code bindingId:thingTypeId[:bridgeIds]:id}. */
@NonNullByDefault
public class ThingUID extends UID {

    public ThingUID(ThingTypeUID thingTypeUID, String id) {
        super(thingTypeUID.getBindingId(), thingTypeUID.getId(), id);
    }

    public ThingUID(ThingTypeUID thingTypeUID, ThingUID bridgeUID, String id) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), bridgeUID.getBridgeIdsAndId(), id));
    }

    public ThingUID(ThingTypeUID thingTypeUID, String id, String... bridgeIds) {
        super(segments(thingTypeUID.getBindingId(), thingTypeUID.getId(), List.of(bridgeIds), id));
    }

    public ThingUID(String bindingId, String id) {
        super(bindingId, id);
    }

    public ThingUID(String bindingId, ThingUID bridgeUID, String id) {
        super(segments(bindingId, null, bridgeUID.getBridgeIdsAndId(), id));
    }

    public ThingUID(String bindingId, String thingTypeId, String id) {
        super(bindingId, thingTypeId, id);
    }

    public ThingUID(String thingUID) {
        super(thingUID);
    }

    public ThingUID(String... segments) {
        super(segments);
    }

    private List<String> getBridgeIdsAndId() {
        List<String> all = getAllSegments();
        return all.subList(2, all.size());
    }

    private static List<String> segments(String bindingId, String thingTypeId, List<String> middle, String id) {
        List<String> out = new ArrayList<>();
        out.add(bindingId);
        if (thingTypeId != null) {
            out.add(thingTypeId);
        }
        out.addAll(middle);
        out.add(id);
        return out;
    }

    public List<String> getBridgeIds() {
        List<String> all = getAllSegments();
        return all.size() > 3 ? all.subList(2, all.size() - 1) : List.of();
    }

    public String getId() {
        List<String> all = getAllSegments();
        return all.get(all.size() - 1);
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 2;
    }
}
