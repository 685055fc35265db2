package org.openhab.binding.beholder.internal;

import java.io.IOException;
import java.nio.file.Path;

import org.beholder.analytics.AnalyticsRuntime;
import org.beholder.engine.DataFolderLock;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrEngine;
import org.beholder.web.BeholderWeb;
import org.beholder.web.EventJournal;

/**
 * What all NVR Channel handlers share: one engine (recordings under {@code <userdata>/beholder}), one analytics
 * executor and the web endpoints' state. Built by {@link BeholderHandlerFactory} when it activates. It holds the
 * data folder's lock from before the engine touches the folder until {@link #close()}: two Beholders writing and
 * pruning the same recordings would corrupt each other's index and retention.
 */
public final class BeholderRuntime implements AutoCloseable {
    private final DataFolderLock lock;
    private final NvrEngine engine;
    private final AnalyticsRuntime analytics;
    private final OpenHabAccessGuard guard;
    private final BeholderWeb web;

    /** @throws DataFolderLock.InUseException when another Beholder uses the folder */
    public BeholderRuntime(Path dataFolder, OpenHabAccessGuard guard) throws IOException {
        this(dataFolder, EngineConfig.of(dataFolder.resolve("recordings")), guard);
    }

    /** With the engine's settings given (their recordings root inside the data folder), e.g. a tiny disk budget. */
    public BeholderRuntime(Path dataFolder, EngineConfig engineConfig, OpenHabAccessGuard guard) throws IOException {
        this.lock = DataFolderLock.acquire(dataFolder);
        try {
            this.engine = new NvrEngine(engineConfig);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        this.analytics = new AnalyticsRuntime(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
        this.guard = guard;
        this.web = new BeholderWeb(engine, guard, new EventJournal(5000));
    }

    public NvrEngine engine() {
        return engine;
    }

    public AnalyticsRuntime analytics() {
        return analytics;
    }

    public OpenHabAccessGuard guard() {
        return guard;
    }

    public BeholderWeb web() {
        return web;
    }

    @Override
    public void close() {
        engine.close();
        analytics.close();
        lock.close();
    }
}
