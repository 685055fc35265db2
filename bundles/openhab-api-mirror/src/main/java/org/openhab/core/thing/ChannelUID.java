package org.openhab.core.thing;

import org.eclipse.jdt.annotation.NonNullByDefault;
import org.eclipse.jdt.annotation.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Mirror of openHAB 5.2.1 {@code org.openhab.core.thing.ChannelUID}: the thing's UID plus the channel id. */
@NonNullByDefault
public class ChannelUID extends UID {
    public static final Pattern CHANNEL_SEGMENT_PATTERN = Pattern.compile("[\\w-]*|[\\w-]*#[\\w-]*");
    public static final String CHANNEL_GROUP_SEPARATOR = "#";

    public ChannelUID(String channelUid) {
        super(channelUid);
    }

    public ChannelUID(ThingUID thingUID, String id) {
        super(with(thingUID, id));
    }

    public ChannelUID(ThingUID thingUID, String groupId, String id) {
        super(with(thingUID, groupId + CHANNEL_GROUP_SEPARATOR + id));
    }

    private static List<String> with(ThingUID thingUID, String id) {
        List<String> segments = new ArrayList<>(thingUID.getAllSegments());
        segments.add(id);
        return segments;
    }

    public String getId() {
        List<String> all = getAllSegments();
        return all.get(all.size() - 1);
    }

    public String getIdWithoutGroup() {
        String id = getId();
        return isInGroup() ? id.substring(id.indexOf(CHANNEL_GROUP_SEPARATOR) + 1) : id;
    }

    public boolean isInGroup() {
        return getId().contains(CHANNEL_GROUP_SEPARATOR);
    }

    public @Nullable String getGroupId() {
        String id = getId();
        return isInGroup() ? id.substring(0, id.indexOf(CHANNEL_GROUP_SEPARATOR)) : null;
    }

    @Override
    protected int getMinimalNumberOfSegments() {
        return 4;
    }

    @Override
    protected void validateSegment(String segment, int index, int length) {
        if (index < length - 1) {
            super.validateSegment(segment, index, length);
        } else if (!CHANNEL_SEGMENT_PATTERN.matcher(segment).matches()) {
            throw new IllegalArgumentException("channel id '" + segment + "' contains invalid characters");
        }
    }

    public ThingUID getThingUID() {
        List<String> all = getAllSegments();
        return new ThingUID(all.subList(0, all.size() - 1).toArray(String[]::new));
    }
}
