package org.beholder.core.events;

import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Something that happened on a channel, as the REST API, the pushed event stream and rules see it.
 *
 * @param id      stable for the event's life: the same event is always listed with the same id
 * @param type    the wire name of its {@link EventType}: {@code recording}, {@code motion}, {@code object},
 *                {@code qr}, {@code status}, {@code statistics}
 * @param channel the channel id
 * @param time    when it happened
 * @param details the fields of its type's schema (strings, numbers, booleans, lists or maps of those)
 * @throws IllegalArgumentException when the details do not follow the type's schema
 */
public record NvrEvent(String id, String type, String channel, Instant time, Map<String, Object> details) {

    public NvrEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(time, "time");
        EventType schema = EventType.of(type);
        details = Map.copyOf(details);
        if (!details.keySet().containsAll(schema.requiredKeys())) {
            Set<String> missing = new HashSet<>(schema.requiredKeys());
            missing.removeAll(details.keySet());
            throw new IllegalArgumentException(type + " event lacks " + missing);
        }
        for (String key : details.keySet()) {
            if (!schema.requiredKeys().contains(key) && !schema.optionalKeys().contains(key)) {
                throw new IllegalArgumentException(type + " events have no field '" + key + "'");
            }
        }
    }

    /** A new event with a new id. */
    public static NvrEvent of(EventType type, String channel, Instant time, Map<String, Object> details) {
        return new NvrEvent(EventIds.next(time), type.wireName(), channel, time, details);
    }

    /** An event whose id derives from what it describes (e.g. a recording listed from the index). */
    public static NvrEvent withId(String id, EventType type, String channel, Instant time,
            Map<String, Object> details) {
        return new NvrEvent(id, type.wireName(), channel, time, details);
    }

    public EventType eventType() {
        return EventType.of(type);
    }
}
