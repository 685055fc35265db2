package org.beholder.onvif.internal.events;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.beholder.onvif.CameraEvent;
import org.beholder.onvif.CameraEventKind;

/**
 * Decides the kind of an event from its topic (ONVIF Core's topic tree plus the common vendor spellings) and
 * reads its state from the data item that topic defines.
 */
final class TopicClassifier {
    private static final List<String> TAMPER_TOPICS = List.of("TamperDetector/Tamper", "VideoSource/GlobalSceneChange",
            "VideoSource/ImageTooBlurry", "VideoSource/ImageTooDark", "VideoSource/ImageTooBright",
            "VideoSource/SignalLoss");
    private static final List<String> OBJECT_WORDS = List.of("person", "people", "human", "face", "vehicle", "car",
            "object", "licenseplate");

    private TopicClassifier() {
    }

    static CameraEvent classify(String topic, Instant time, String operation, Map<String, String> source,
            Map<String, String> data) {
        CameraEventKind kind = kind(topic, data);
        Boolean active = switch (kind) {
            case MOTION -> bool(first(data, "IsMotion", "State", "Motion"));
            case TAMPER -> bool(first(data, "IsTamper", "State", "Tamper"));
            case DIGITAL_INPUT, RELAY -> bool(first(data, "LogicalState", "State"));
            case OBJECT -> bool(first(data, "IsInside", "State", "Active", "IsMotion"));
            case GENERIC -> bool(first(data, "State", "LogicalState", "IsMotion", "Active"));
        };
        String token = first(source, "InputToken", "RelayToken", "VideoSourceToken", "VideoSourceConfigurationToken",
                "Source");
        String objectClass = kind == CameraEventKind.OBJECT ? objectClass(topic, data) : "";
        return new CameraEvent(kind, topic, time, operation, active, token == null ? "" : token, objectClass, source,
                data);
    }

    private static CameraEventKind kind(String topic, Map<String, String> data) {
        String lower = topic.toLowerCase(Locale.ROOT);
        if (topic.contains("CellMotionDetector/Motion") || topic.endsWith("VideoSource/MotionAlarm")
                || topic.contains("MotionRegionDetector/Motion")) {
            return CameraEventKind.MOTION;
        }
        for (String tamper : TAMPER_TOPICS) {
            if (topic.contains(tamper)) {
                return CameraEventKind.TAMPER;
            }
        }
        if (topic.contains("Trigger/DigitalInput") || topic.endsWith("Device/IO/Port")
                && data.containsKey("InputToken")) {
            return CameraEventKind.DIGITAL_INPUT;
        }
        if (topic.contains("Trigger/Relay")) {
            return CameraEventKind.RELAY;
        }
        if (topic.contains("FieldDetector/ObjectsInside") || topic.contains("LineDetector/Crossed")
                || topic.contains("ObjectDetection") || OBJECT_WORDS.stream().anyMatch(w -> lastSegment(lower).contains(w))) {
            return CameraEventKind.OBJECT;
        }
        // Vendor motion topics (e.g. an Axis VMD profile) that carry the standard IsMotion item.
        if (lastSegment(lower).contains("motion") && (data.containsKey("IsMotion") || data.containsKey("State"))) {
            return CameraEventKind.MOTION;
        }
        if (lastSegment(lower).contains("tamper")) {
            return CameraEventKind.TAMPER;
        }
        return CameraEventKind.GENERIC;
    }

    private static String objectClass(String topic, Map<String, String> data) {
        String named = first(data, "ClassTypes", "ObjectType", "Type", "Class", "ObjectClass");
        String text = (named != null ? named : lastSegment(topic)).toLowerCase(Locale.ROOT);
        if (text.contains("person") || text.contains("people") || text.contains("human")) {
            return "person";
        }
        if (text.contains("vehicle") || text.contains("car") || text.contains("licenseplate")) {
            return "vehicle";
        }
        if (text.contains("face")) {
            return "face";
        }
        return named != null ? named : "object";
    }

    private static String lastSegment(String topic) {
        return topic.substring(topic.lastIndexOf('/') + 1);
    }

    private static String first(Map<String, String> items, String... names) {
        for (String name : names) {
            String value = items.get(name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** ONVIF says xs:boolean; relays say active/inactive; some devices say 1/0 or on/off. */
    static Boolean bool(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "active", "on", "high" -> Boolean.TRUE;
            case "false", "0", "inactive", "off", "low" -> Boolean.FALSE;
            default -> null;
        };
    }
}
