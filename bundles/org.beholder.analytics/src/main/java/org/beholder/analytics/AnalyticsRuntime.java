package org.beholder.analytics;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.beholder.engine.NvrChannel;

/**
 * The shared analytics executor: a few threads and a bounded queue for every channel of a host. A channel whose
 * previous keyframe is still being analysed drops the next one (counted): a slow detector never delays video.
 */
public final class AnalyticsRuntime implements AutoCloseable {
    private final ThreadPoolExecutor executor;

    public AnalyticsRuntime(int threads) {
        executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new ArrayBlockingQueue<>(64),
                r -> {
                    Thread thread = new Thread(r, "beholder-analytics");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.NORM_PRIORITY - 1); // video and HTTP first
                    return thread;
                }, new ThreadPoolExecutor.AbortPolicy());
        executor.allowCoreThreadTimeOut(true);
    }

    /** Starts analysing a channel's keyframes; {@code detector} may be null (no object detection). */
    public ChannelAnalytics attach(NvrChannel channel, AnalyticsConfig config, ObjectDetector detector) {
        ChannelAnalytics analytics = new ChannelAnalytics(channel, config, detector, executor);
        channel.addListener(analytics);
        return analytics;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
