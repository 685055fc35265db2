package org.openhab.binding.beholder.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.InstantSource;

import org.beholder.core.Beholder;
import org.beholder.engine.DataFolderLock;
import org.beholder.engine.EngineConfig;
import org.beholder.web.BeholderWeb;

/**
 * What all NVR Channel handlers share: one {@link Beholder} (recordings under {@code <userdata>/beholder}) and the
 * web endpoints that serve it. Built by {@link BeholderHandlerFactory} when it activates. It holds the data
 * folder's lock from before the engine touches the folder until {@link #close()}: two Beholders writing and
 * pruning the same recordings would corrupt each other's index and retention.
 */
public final class BeholderRuntime implements AutoCloseable {
    /** Why cameras with {@code objects=true} detect nothing inside openHAB (docs/design/openhab.md). */
    static final String NO_DETECTOR_HERE = "object detection runs only in the standalone server; objects=true"
            + " is ignored here";

    private final DataFolderLock lock;
    private final Beholder beholder;
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
            this.beholder = new Beholder(engineConfig, InstantSource.system(), dataFolder);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
        beholder.useDetector(null, NO_DETECTOR_HERE);
        this.guard = guard;
        this.web = new BeholderWeb(beholder, guard);
    }

    public Beholder beholder() {
        return beholder;
    }

    public OpenHabAccessGuard guard() {
        return guard;
    }

    public BeholderWeb web() {
        return web;
    }

    @Override
    public void close() {
        beholder.close();
        lock.close();
    }
}
