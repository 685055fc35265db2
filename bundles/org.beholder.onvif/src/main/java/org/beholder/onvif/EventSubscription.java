package org.beholder.onvif;

import java.util.concurrent.ScheduledExecutorService;

import org.beholder.onvif.internal.events.PullPointLoop;

/** A running pull-point subscription; {@link #close()} unsubscribes. */
public final class EventSubscription implements AutoCloseable {
    private final PullPointLoop loop;
    private final ScheduledExecutorService ownedExecutor;

    EventSubscription(PullPointLoop loop, ScheduledExecutorService ownedExecutor) {
        this.loop = loop;
        this.ownedExecutor = ownedExecutor;
    }

    public SubscriptionState state() {
        return loop.state();
    }

    @Override
    public void close() {
        loop.stop();
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }
}
