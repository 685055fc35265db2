package org.beholder.onvif.internal.events;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.internal.xml.Xml;
import org.w3c.dom.Element;

/**
 * wsnt:NotificationMessage elements (from PullMessages or a Notify) into {@link CameraEvent}s. Tolerant: a
 * message without the tt:Message wrapper, prefixed topic segments, time stamps without a zone, element items.
 */
public final class NotificationParser {
    /** Bounds what one message may carry into memory; devices send a handful of items. */
    private static final int MAX_ITEMS = 64;
    private static final int MAX_VALUE_CHARS = 1024;

    private NotificationParser() {
    }

    /** Every NotificationMessage child of a PullMessagesResponse or Notify. */
    public static List<CameraEvent> events(Element response) {
        List<CameraEvent> events = new ArrayList<>();
        for (Element message : Xml.children(response, "NotificationMessage")) {
            events.add(event(message));
        }
        return events;
    }

    public static CameraEvent event(Element notification) {
        String topic = Xml.text(notification, "Topic").map(NotificationParser::topic).orElse("");
        Element outer = Xml.child(notification, "Message").orElse(notification);
        Element message = Xml.child(outer, "Message").orElse(outer);
        Map<String, String> source = items(message, "Source");
        Map<String, String> data = items(message, "Data");
        Instant time = Xml.attribute(message, "UtcTime").flatMap(NotificationParser::time).orElse(null);
        String operation = Xml.attribute(message, "PropertyOperation").orElse("");
        return TopicClassifier.classify(topic, time, operation, source, data);
    }

    /** "tns1:RuleEngine/tnsaxis:Foo/Bar" into "RuleEngine/Foo/Bar". */
    static String topic(String raw) {
        String[] segments = raw.trim().split("/");
        StringBuilder topic = new StringBuilder();
        for (String segment : segments) {
            String s = segment.trim();
            int colon = s.indexOf(':');
            if (colon >= 0) {
                s = s.substring(colon + 1);
            }
            if (!s.isEmpty()) {
                topic.append(topic.length() == 0 ? "" : "/").append(s);
            }
        }
        return topic.toString();
    }

    private static Map<String, String> items(Element message, String section) {
        Map<String, String> items = new LinkedHashMap<>();
        Optional<Element> part = Xml.child(message, section);
        if (part.isEmpty()) {
            return items;
        }
        for (Element item : Xml.children(part.get())) {
            if (items.size() >= MAX_ITEMS) {
                break;
            }
            Optional<String> name = Xml.attribute(item, "Name");
            if (name.isEmpty()) {
                continue;
            }
            String value = "SimpleItem".equals(Xml.localName(item))
                    ? Xml.attribute(item, "Value").orElse("")
                    : item.getTextContent().trim();
            items.put(name.get(), value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value);
        }
        return items;
    }

    static Optional<Instant> time(String text) {
        String t = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(t).toInstant());
        } catch (DateTimeParseException e) {
            try {
                // Seen: "2024-03-01T10:00:00" without a zone; ONVIF times are UTC.
                return Optional.of(java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC));
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
