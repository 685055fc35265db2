package org.beholder.engine;

import org.eclipse.jdt.annotation.NonNullByDefault;

/**
 * What a channel tells its owner. Called from the channel's own threads, never from a GStreamer streaming
 * thread; implementations must return quickly and must not call {@code stop()} from inside a callback.
 */
@NonNullByDefault
public interface ChannelListener {

    default void statusChanged(NvrChannel channel, ChannelStatus status) {
    }

    default void statisticsUpdated(NvrChannel channel, ChannelStatistics statistics) {
    }

    /** A decoded keyframe; delivered on a small shared executor, dropped (and counted) when consumers lag. */
    default void keyframe(NvrChannel channel, Keyframe keyframe) {
    }

    default void recordingStarted(NvrChannel channel, Recording recording) {
    }

    default void recordingStopped(NvrChannel channel, Recording recording) {
    }
}
