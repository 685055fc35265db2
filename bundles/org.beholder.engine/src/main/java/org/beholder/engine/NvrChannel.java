package org.beholder.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** One camera: its stream, live viewers, keyframes, recordings and status. Created by {@link NvrEngine}. */
public interface NvrChannel {

    String id();

    ChannelConfig config();

    ChannelStatus status();

    ChannelStatistics statistics();

    /**
     * Subscribes a live viewer: it first receives PAT/PMT and the current GOP from its keyframe, then live data.
     * The sink runs on the viewer's own thread; a viewer that falls behind skips to the next keyframe.
     */
    TsSubscription subscribe(String viewerName, Consumer<TsChunk> sink);

    /** The most recent decoded keyframe, if any arrived since the channel started. */
    Optional<Keyframe> lastKeyframe();

    /**
     * Starts an event recording (with pre-roll), or extends the current one, until at least {@code hold} from
     * now; the reason is kept in the recording's metadata ("manual", "motion", a rule's name...).
     */
    void record(String reason, Duration hold);

    /** Ends the current recording now. */
    void stopRecording();

    /** True while a recording is being written (false while recording is paused, see {@link #recordingPaused()}). */
    boolean isRecording();

    /**
     * Why recording is paused (e.g. "disk full (12 MiB free, 512 MiB required)"), or empty when it is not. While
     * paused, triggers are remembered but nothing is written; recording resumes by itself when space is freed.
     */
    Optional<String> recordingPaused();

    /** Recordings overlapping [from, to), oldest first, from the index (no disk scan). */
    List<Recording> recordings(Instant from, Instant to);

    Optional<Recording> recording(String id);

    void addListener(ChannelListener listener);

    void removeListener(ChannelListener listener);
}
