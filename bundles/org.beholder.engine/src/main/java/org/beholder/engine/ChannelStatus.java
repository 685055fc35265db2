package org.beholder.engine;

import java.time.Instant;

/**
 * A channel's state with a message a person can act on, and an optional warning that does not stop the channel
 * (e.g. a camera GOP longer than the pre-roll, or recording paused because the disk is full).
 */
public record ChannelStatus(ChannelState state, String message, String warning, Instant since) {

    /** A status without warning, in effect {@code since} (the engine's clock, see {@code NvrEngine.clock()}). */
    public static ChannelStatus of(ChannelState state, String message, Instant since) {
        return new ChannelStatus(state, message, null, since);
    }

    public ChannelStatus withWarning(String newWarning) {
        return new ChannelStatus(state, message, newWarning, since);
    }
}
