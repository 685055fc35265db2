package org.beholder.analytics;

import org.eclipse.jdt.annotation.NonNullByDefault;

/** Receives analytics events, on the analytics executor: return quickly. */
@NonNullByDefault
@FunctionalInterface
public interface AnalyticsListener {
    void event(AnalyticsEvent event);
}
