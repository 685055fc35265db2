package org.openhab.binding.beholder.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.beholder.analytics.AnalyticsRuntime;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrEngine;
import org.beholder.web.AccessGuard;
import org.beholder.web.BeholderWeb;
import org.beholder.web.EventJournal;

/**
 * What all NVR Channel handlers share: one engine (recordings under {@code <userdata>/beholder}), one analytics
 * executor and the web endpoints' state. Built by {@link BeholderHandlerFactory} when it activates.
 */
public final class BeholderRuntime implements AutoCloseable {
    private final NvrEngine engine;
    private final AnalyticsRuntime analytics;
    private final BeholderWeb web;

    public BeholderRuntime(Path dataFolder, AccessGuard guard) throws IOException {
        this.engine = new NvrEngine(EngineConfig.of(dataFolder.resolve("recordings")));
        this.analytics = new AnalyticsRuntime(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        this.web = new BeholderWeb(engine, guard, new EventJournal(5000));
    }

    public NvrEngine engine() {
        return engine;
    }

    public AnalyticsRuntime analytics() {
        return analytics;
    }

    public BeholderWeb web() {
        return web;
    }

    @Override
    public void close() {
        engine.close();
        analytics.close();
    }
}
