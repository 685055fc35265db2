package org.beholder.analytics;

/** Receives analytics events, on the analytics executor: return quickly. */
@FunctionalInterface
public interface AnalyticsListener {
    void event(AnalyticsEvent event);
}
