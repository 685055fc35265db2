package org.beholder.analytics;

import java.util.List;

import org.beholder.engine.Keyframe;

/**
 * The object-detector SPI. An implementation (e.g. {@code org.beholder.detect.tf}) registers itself as an OSGi
 * service or is handed to {@link AnalyticsRuntime} by the host. Called on the analytics executor, one keyframe at a
 * time per detector; it may take tens of milliseconds but must be thread-safe if shared between runtimes.
 */
public interface ObjectDetector extends AutoCloseable {

    /** A short name for logs and events, e.g. "nanodet-m". */
    String name();

    /** Every object found, unfiltered (the scheduler applies the channel's score and class filters). */
    List<Detection> detect(Keyframe keyframe) throws Exception;

    @Override
    default void close() {
    }
}
