package org.beholder.core.internal;

import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

import org.beholder.core.PausedReason;
import org.beholder.core.events.EventJournal;
import org.beholder.core.events.EventType;
import org.beholder.core.events.NvrEvent;
import org.beholder.engine.ChannelListener;
import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.Redaction;

/**
 * A channel's recordings, status and statistics as events: recording starts and stops are kept in the journal,
 * status and statistics only pushed to live pages.
 */
public final class ChannelToEvents implements ChannelListener {
    private final EventJournal journal;
    private final InstantSource clock;

    public ChannelToEvents(EventJournal journal, InstantSource clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void recordingStarted(NvrChannel channel, Recording recording) {
        journal.record(recordingEvent(recording, "started"));
    }

    @Override
    public void recordingStopped(NvrChannel channel, Recording recording) {
        journal.record(recordingEvent(recording, "stopped"));
    }

    @Override
    public void statusChanged(NvrChannel channel, ChannelStatus status) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", status.state().name());
        String password = channel.config().password();
        details.put("message", Redaction.redact(status.message(), password));
        if (status.warning() != null) {
            details.put("warning", Redaction.redact(status.warning(), password));
        }
        details.put("recording", channel.isRecording());
        String paused = PausedReason.of(channel);
        if (paused != null) { // absent when recording is not paused, like the warning
            details.put("recordingPaused", paused);
        }
        journal.push(NvrEvent.of(EventType.STATUS, channel.id(), status.since(), details));
    }

    @Override
    public void statisticsUpdated(NvrChannel channel, ChannelStatistics statistics) {
        journal.push(NvrEvent.of(EventType.STATISTICS, channel.id(), clock.instant(), Map.of("fps",
                statistics.fps(), "bitrateBps", statistics.bitrateBps(), "width", statistics.width(), "height",
                statistics.height(), "viewerSkips", statistics.viewerSkips())));
    }

    private NvrEvent recordingEvent(Recording recording, String phase) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", recording.id());
        details.put("phase", phase);
        details.put("reasons", recording.reasons());
        return NvrEvent.of(EventType.RECORDING, recording.channelId(), phase.equals("started") ? recording.start()
                : recording.end() == null ? clock.instant() : recording.end(), details);
    }
}
