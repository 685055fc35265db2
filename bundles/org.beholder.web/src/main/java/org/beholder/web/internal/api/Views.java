package org.beholder.web.internal.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.beholder.core.Camera;
import org.beholder.core.PausedReason;
import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.Redaction;

/**
 * What the API shows of engine objects. Deliberately no source URL or credentials: a browser never needs them.
 */
public final class Views {
    private Views() {
    }

    /** Where a recording's files are served; the playlist is {@code <base>/index.m3u8}. */
    public static String recordingBase(Recording recording) {
        return recordingBase(recording.channelId(), recording.id());
    }

    private static String recordingBase(String channel, String recordingId) {
        return "/beholder/api/channels/" + channel + "/recordings/" + recordingId;
    }

    record StatusView(String state, String message, String warning, Instant since) {
        static StatusView of(ChannelStatus status, String password) {
            return new StatusView(status.state().name(), Redaction.redact(status.message(), password),
                    Redaction.redact(status.warning(), password), status.since());
        }
    }

    record Capabilities(boolean live, boolean snapshot, boolean record, boolean ptz, boolean audio) {
    }

    /** What the camera says about itself (ONVIF), or null. */
    record DeviceView(String vendor, String model, String firmware, String serial) {
    }

    record ChannelView(String id, String label, String source, StatusView status, ChannelStatistics statistics,
            Capabilities capabilities, DeviceView device, String cameraEvents, boolean recording,
            String recordingPaused, String liveUrl,
            String snapshotUrl,
            EventView lastEvent) {
    }

    static ChannelView channel(NvrChannel channel, Optional<Camera> camera, NvrEvent lastEvent) {
        DeviceView device = camera.flatMap(Camera::device)
                .map(d -> new DeviceView(d.vendor(), d.model(), d.firmware(), d.serial())).orElse(null);
        boolean ptz = camera.map(Camera::ptz).orElse(false);
        String id = channel.id();
        return new ChannelView(id, channel.config().label(), channel.config().scheme(),
                StatusView.of(channel.status(), channel.config().password()), channel.statistics(),
                new Capabilities(true, true, true, ptz, false), device,
                camera.flatMap(Camera::cameraEventsProblem).orElse(null), channel.isRecording(),
                PausedReason.of(channel),
                "/beholder/live?channel=" + id, "/beholder/api/channels/" + id + "/snapshot.jpg",
                lastEvent == null ? null : event(lastEvent));
    }

    record RecordingView(String id, String channel, Instant start, Instant end, boolean open, List<String> reasons,
            long bytes, String playlistUrl, String downloadUrl) {
    }

    static RecordingView recording(Recording recording) {
        String base = recordingBase(recording);
        return new RecordingView(recording.id(), recording.channelId(), recording.start(), recording.end(),
                recording.isOpen(), recording.reasons(), recording.bytes(), base + "/index.m3u8",
                base + "/download");
    }

    /** An event as the API and the pushed stream show it: a recording's also says where to play it. */
    record EventView(String id, String type, String channel, Instant time, Map<String, Object> details) {
    }

    static EventView event(NvrEvent event) {
        Map<String, Object> details = event.details();
        if (event.eventType() == EventType.RECORDING) {
            details = new LinkedHashMap<>(details);
            details.put("playlistUrl", recordingBase(event.channel(), (String) event.details().get("id"))
                    + "/index.m3u8");
        }
        return new EventView(event.id(), event.type(), event.channel(), event.time(), details);
    }

    /** A recording from the index as an entry of the event list; its id stays the same at every listing. */
    static NvrEvent recordingEvent(Recording recording) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", recording.id());
        details.put("end", recording.end() == null ? null : recording.end().toString());
        details.put("open", recording.isOpen());
        details.put("reasons", recording.reasons());
        details.values().removeIf(v -> v == null);
        return NvrEvent.withId("recording-" + recording.id(), EventType.RECORDING, recording.channelId(),
                recording.start(), details);
    }
}
