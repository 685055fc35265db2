package org.beholder.web.internal.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.Redaction;
import org.beholder.web.NvrEvent;

/**
 * What the API shows of engine objects. Deliberately no source URL or credentials: a browser never needs them.
 */
public final class Views {
    /** The engine may begin its reason with the words the API puts in front of it anyway. */
    private static final Pattern PAUSED_PREFIX = Pattern.compile("(?i)^\\s*recording paused\\s*[:-]?\\s*");

    private Views() {
    }

    /**
     * Why the channel's recording is paused ("disk full (12 MiB free)"), or null when it is not; credentials
     * masked, since the reason may quote a path or a system message.
     */
    public static String recordingPaused(NvrChannel channel) {
        return channel.recordingPaused().map(reason -> PAUSED_PREFIX.matcher(reason).replaceFirst(""))
                .map(reason -> Redaction.redact(reason, channel.config().password())).orElse(null);
    }

    /** Where a recording's files are served; the playlist is {@code <base>/index.m3u8}. */
    public static String recordingBase(Recording recording) {
        return "/beholder/api/channels/" + recording.channelId() + "/recordings/" + recording.id();
    }

    record StatusView(String state, String message, String warning, Instant since) {
        static StatusView of(ChannelStatus status, String password) {
            return new StatusView(status.state().name(), Redaction.redact(status.message(), password),
                    Redaction.redact(status.warning(), password), status.since());
        }
    }

    record Capabilities(boolean live, boolean snapshot, boolean record, boolean ptz, boolean audio) {
    }

    record ChannelView(String id, String label, String source, StatusView status, ChannelStatistics statistics,
            Capabilities capabilities, boolean recording, String recordingPaused, String liveUrl, String snapshotUrl,
            NvrEvent lastEvent) {
    }

    static ChannelView channel(NvrChannel channel, NvrEvent lastEvent) {
        String id = channel.id();
        return new ChannelView(id, channel.config().label(), channel.config().scheme(),
                StatusView.of(channel.status(), channel.config().password()), channel.statistics(),
                new Capabilities(true, true, true, false, false), channel.isRecording(), recordingPaused(channel),
                "/beholder/live?channel=" + id, "/beholder/api/channels/" + id + "/snapshot.jpg", lastEvent);
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

    /** A recording as an entry of the event list. */
    static NvrEvent recordingEvent(Recording recording) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", recording.id());
        details.put("end", recording.end() == null ? null : recording.end().toString());
        details.put("open", recording.isOpen());
        details.put("reasons", recording.reasons());
        details.put("playlistUrl", recording(recording).playlistUrl());
        details.values().removeIf(v -> v == null);
        return new NvrEvent("recording", recording.channelId(), recording.start(), details);
    }
}
