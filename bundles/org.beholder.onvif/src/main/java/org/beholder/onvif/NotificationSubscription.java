package org.beholder.onvif;

import org.beholder.onvif.internal.events.BasicNotificationLoop;

/**
 * A Basic Notification subscription: the device POSTs Notify messages to a consumer address the host serves
 * (behind its own authentication, under an unguessable path). The host passes each request body and the
 * sender's IP address to {@link #accept}; {@link #close()} unsubscribes.
 */
public final class NotificationSubscription implements AutoCloseable {
    private final BasicNotificationLoop loop;
    private final Runnable onClose;

    NotificationSubscription(BasicNotificationLoop loop, Runnable onClose) {
        this.loop = loop;
        this.onClose = onClose;
    }

    /**
     * Delivers the events of a Notify to the listener. Returns how many, or -1 when the body was refused: not
     * sent from the device's address, naming another subscription, or not a Notify. Answer 400 for -1.
     */
    public int accept(byte[] body, String remoteAddress) {
        return loop.accept(body, remoteAddress);
    }

    public SubscriptionState state() {
        return loop.state();
    }

    @Override
    public void close() {
        loop.stop();
        onClose.run();
    }
}
