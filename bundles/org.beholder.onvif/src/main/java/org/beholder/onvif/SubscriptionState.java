package org.beholder.onvif;

import java.time.Duration;
import java.time.Instant;

/**
 * Where an event subscription stands, for the channel status.
 *
 * @param reason why it is not healthy ("" when healthy)
 * @param since when this state began (local clock)
 * @param retryIn for RESUBSCRIBING: the wait before the next attempt; else zero
 */
public record SubscriptionState(Status status, String reason, Instant since, Duration retryIn) {
    public enum Status {
        /** Creating the first subscription. */
        STARTING,
        /** Subscribed and pulling. */
        HEALTHY,
        /** Lost or refused; a new subscription is attempted after {@code retryIn}. */
        RESUBSCRIBING,
        /** Stopped by its owner. */
        STOPPED
    }

    public boolean healthy() {
        return status == Status.HEALTHY;
    }
}
