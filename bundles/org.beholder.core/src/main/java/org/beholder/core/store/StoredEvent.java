package org.beholder.core.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;

/**
 * One row of the event store: every event type (recording, motion, object, qr, camera, status) in one shape.
 * Fields that a type does not have are null (or empty, or false); what has no column of its own stays in
 * {@code details}.
 *
 * @param id                the event's stable id (the {@link NvrEvent} id; {@code recording-<id>} for recordings)
 * @param channel           the channel id
 * @param type              the type's wire name, e.g. {@code object}
 * @param label             the object class (COCO name) for objects, else null
 * @param score             the detector's score 0..1, else null
 * @param startMs           when it began, epoch milliseconds
 * @param endMs             when it ended, epoch milliseconds; null while it goes on
 * @param zones             the zones it happened in (motion) or entered (objects); empty when none
 * @param box               where the object was (best detection), else null
 * @param thumbnail         the thumbnail's path relative to the thumbnails folder, else null
 * @param recordingId       the recording that holds it, else null
 * @param recordingOffsetMs where in that recording it begins, milliseconds from its start; null when unknown
 * @param stationary        true for an object that did not move (parked car, picture on a wall)
 * @param details           the rest of the type's fields (strings, numbers, booleans, lists and maps of those)
 */
public record StoredEvent(String id, String channel, String type, String label, Double score, long startMs,
        Long endMs, List<String> zones, Box box, String thumbnail, String recordingId, Long recordingOffsetMs,
        boolean stationary, Map<String, Object> details) {

    public StoredEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(type, "type");
        if (id.isEmpty() || channel.isEmpty() || type.isEmpty()) {
            throw new IllegalArgumentException("an event needs an id, a channel and a type");
        }
        if (endMs != null && endMs < startMs) {
            throw new IllegalArgumentException("event " + id + " ends (" + endMs + ") before it starts (" + startMs
                    + ")");
        }
        zones = zones == null ? List.of() : List.copyOf(zones);
        for (String zone : zones) {
            if (zone.isEmpty() || zone.indexOf(',') >= 0) {
                throw new IllegalArgumentException("a zone name must not be empty nor hold a comma: '" + zone + "'");
            }
        }
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A minimal event: the other fields empty. */
    public static StoredEvent of(String id, String channel, String type, long startMs) {
        return new StoredEvent(id, channel, type, null, null, startMs, null, List.of(), null, null, null, null,
                false, Map.of());
    }

    public boolean ongoing() {
        return endMs == null;
    }

    public StoredEvent withEnd(Long newEndMs) {
        return new StoredEvent(id, channel, type, label, score, startMs, newEndMs, zones, box, thumbnail,
                recordingId, recordingOffsetMs, stationary, details);
    }

    public StoredEvent withLabel(String newLabel, Double newScore) {
        return new StoredEvent(id, channel, type, newLabel, newScore, startMs, endMs, zones, box, thumbnail,
                recordingId, recordingOffsetMs, stationary, details);
    }

    public StoredEvent withZones(List<String> newZones) {
        return new StoredEvent(id, channel, type, label, score, startMs, endMs, newZones, box, thumbnail,
                recordingId, recordingOffsetMs, stationary, details);
    }

    public StoredEvent withBox(Box newBox) {
        return new StoredEvent(id, channel, type, label, score, startMs, endMs, zones, newBox, thumbnail,
                recordingId, recordingOffsetMs, stationary, details);
    }

    public StoredEvent withThumbnail(String newThumbnail) {
        return new StoredEvent(id, channel, type, label, score, startMs, endMs, zones, box, newThumbnail,
                recordingId, recordingOffsetMs, stationary, details);
    }

    public StoredEvent withRecording(String newRecordingId, Long newOffsetMs) {
        return new StoredEvent(id, channel, type, label, score, startMs, endMs, zones, box, thumbnail,
                newRecordingId, newOffsetMs, stationary, details);
    }

    public StoredEvent withStationary(boolean newStationary) {
        return new StoredEvent(id, channel, type, label, score, startMs, endMs, zones, box, thumbnail,
                recordingId, recordingOffsetMs, newStationary, details);
    }

    public StoredEvent withDetails(Map<String, Object> newDetails) {
        return new StoredEvent(id, channel, type, label, score, startMs, endMs, zones, box, thumbnail,
                recordingId, recordingOffsetMs, stationary, newDetails);
    }

    /**
     * The row for a journal event. The fields with a column of their own leave {@code details}: an object's
     * {@code label}, {@code score} and {@code box}, a motion's {@code zone}, a recording's {@code id} (which
     * becomes {@code recordingId}, the row's id being {@code recording-<id>} as in the recording list) and
     * {@code end}. The row starts at the event's time; phases ({@code motion stop}, {@code recording stopped}) are
     * the store's business ({@link EventStore#record(NvrEvent)}), not this mapping's.
     */
    public static StoredEvent fromNvrEvent(NvrEvent event) {
        Map<String, Object> details = new LinkedHashMap<>(event.details());
        String id = event.id();
        String label = details.get("label") instanceof String s ? s : null;
        Double score = details.get("score") instanceof Number n ? n.doubleValue() : null;
        Box box = details.get("box") instanceof Map<?, ?> m ? boxOf(m) : null;
        details.remove("label");
        details.remove("score");
        if (box != null) {
            details.remove("box");
        }
        List<String> zones = List.of();
        if (details.get("zone") instanceof String zone) {
            zones = List.of(zone);
            details.remove("zone");
        }
        String recordingId = null;
        Long recordingOffsetMs = null;
        Long endMs = null;
        if (event.eventType() == EventType.RECORDING && details.get("id") instanceof String rid) {
            recordingId = rid;
            recordingOffsetMs = 0L;
            id = "recording-" + rid;
            details.remove("id");
            if (details.remove("end") instanceof String end) {
                endMs = Instant.parse(end).toEpochMilli();
            }
            details.remove("open"); // said by endMs
        }
        return new StoredEvent(id, event.channel(), event.type(), label, score, event.time().toEpochMilli(), endMs,
                zones, box, null, recordingId, recordingOffsetMs, false, details);
    }

    /**
     * The journal's form of this row, at its start: the columns go back into {@code details} where the type's
     * schema has them. Whole numbers in details read back from the store as {@code Long}.
     *
     * @throws IllegalArgumentException for a type core does not know (e.g. a newer one) or details that do not
     *                                  fit its schema
     */
    public NvrEvent toNvrEvent() {
        EventType schema = EventType.of(type);
        Map<String, Object> out = new LinkedHashMap<>(details);
        String nvrId = id;
        if (schema.requiredKeys().contains("label") && label != null) {
            out.put("label", label);
        }
        if (schema.requiredKeys().contains("score") && score != null) {
            out.put("score", score);
        }
        if (schema.requiredKeys().contains("box") && box != null) {
            out.put("box", boxMap(box));
        }
        if (schema.requiredKeys().contains("zone") && !zones.isEmpty()) {
            out.put("zone", zones.get(0));
        }
        if (schema == EventType.RECORDING && recordingId != null) {
            out.put("id", recordingId);
            if (endMs != null) {
                out.put("end", Instant.ofEpochMilli(endMs).toString());
            }
        }
        return new NvrEvent(nvrId, type, channel, Instant.ofEpochMilli(startMs), out);
    }

    private static Box boxOf(Map<?, ?> map) {
        return new Box(number(map, "x"), number(map, "y"), number(map, "width"), number(map, "height"));
    }

    private static double number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    static Map<String, Object> boxMap(Box box) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("x", box.x());
        map.put("y", box.y());
        map.put("width", box.width());
        map.put("height", box.height());
        return map;
    }

}
