package org.beholder.web;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened on a channel, as the REST API and the pushed event stream show it.
 *
 * @param type    {@code recording}, {@code motion}, {@code object}, {@code qr}, {@code status}, {@code statistics}
 * @param channel the channel id
 * @param time    when it happened
 * @param details type-specific fields (strings, numbers, booleans, lists or maps of those)
 */
public record NvrEvent(String type, String channel, Instant time, Map<String, Object> details) {

    public NvrEvent {
        details = Map.copyOf(details);
    }
}
