package org.beholder.onvif;

/**
 * Receives a device's events and its subscription's state. Called on the subscription's thread, one call at a
 * time; return quickly (hand work to a queue). An exception thrown here is caught and does not end the loop.
 */
public interface CameraEventListener {
    void onEvent(CameraEvent event);

    default void onStateChanged(SubscriptionState state) {
    }
}
