package org.beholder.standalone.internal.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.stream.Stream;

import org.beholder.core.Beholder;
import org.beholder.core.settings.CameraSettings;
import org.beholder.engine.ChannelState;
import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.EngineConfig;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Redaction;
import org.beholder.web.AdministrationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Test connection": runs the settings for a short while in a scratch Beholder of its own (a temporary folder,
 * nothing saved, the running cameras untouched) and reports what the engine found: codec, resolution, fps, GOP
 * and a snapshot, or the engine's own error message. It waits until the stream is fully known, the engine reports
 * an error, or {@link #limit} has passed; at most {@link #MAX_AT_ONCE} probes run at once.
 */
public final class ConnectionProbe {
    private static final Logger logger = LoggerFactory.getLogger(ConnectionProbe.class);
    static final int MAX_AT_ONCE = 2;
    private static final Duration POLL = Duration.ofMillis(100);

    private final Duration limit;
    private final Semaphore running = new Semaphore(MAX_AT_ONCE);

    /** @param limit the longest a probe waits for the camera */
    public ConnectionProbe(Duration limit) {
        this.limit = limit;
    }

    public Map<String, Object> probe(CameraSettings settings) throws AdministrationException {
        if (!running.tryAcquire()) {
            throw new AdministrationException(503, "other connection tests are running; try again in a moment");
        }
        Path scratch = null;
        try {
            scratch = Files.createTempDirectory("beholder-probe-");
            try (Beholder beholder = new Beholder(EngineConfig.of(scratch))) {
                NvrChannel channel = beholder.addCamera(settings).channel();
                return watch(channel, settings.password());
            }
        } catch (IOException | RuntimeException e) {
            throw new AdministrationException(500, "the test could not run: "
                    + Redaction.redact(String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AdministrationException(503, "the test was interrupted");
        } finally {
            running.release();
            delete(scratch);
        }
    }

    private Map<String, Object> watch(NvrChannel channel, String password) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            ChannelStatus status = channel.status();
            if (status.state() == ChannelState.ERROR || complete(channel.statistics())) {
                break;
            }
            Thread.sleep(POLL.toMillis());
        }
        ChannelStatus status = channel.status();
        ChannelStatistics stats = channel.statistics();
        Map<String, Object> found = new LinkedHashMap<>();
        boolean online = status.state() == ChannelState.ONLINE && !stats.codec().isEmpty();
        found.put("ok", online);
        found.put("state", status.state().name());
        found.put("message", masked(status.message(), password));
        if (status.warning() != null) {
            found.put("warning", masked(status.warning(), password));
        }
        if (!online && status.state() != ChannelState.ERROR) {
            found.put("error", "no video within " + limit.toSeconds() + " s: " + found.get("message"));
        } else if (!online) {
            found.put("error", found.get("message"));
        }
        found.put("codec", stats.codec());
        found.put("width", stats.width());
        found.put("height", stats.height());
        found.put("fps", Math.round(stats.fps() * 10) / 10.0);
        found.put("gopFrames", stats.gopFrames());
        found.put("gopSeconds", Math.round(stats.gopSeconds() * 100) / 100.0);
        found.put("bitrateBps", stats.bitrateBps());
        channel.lastKeyframe().ifPresent(keyframe -> found.put("snapshot", "data:image/jpeg;base64,"
                + Base64.getEncoder().encodeToString(keyframe.jpeg())));
        return found;
    }

    /** The engine's text for the page: URL credentials and the camera's password masked. */
    private static String masked(String text, String password) {
        String shown = String.valueOf(text);
        if (password != null && password.length() >= 3) {
            shown = shown.replace(password, Redaction.MASK);
        }
        return Redaction.redact(shown);
    }

    private static boolean complete(ChannelStatistics stats) {
        return !stats.codec().isEmpty() && stats.width() > 0 && stats.gopFrames() > 0 && stats.fps() > 0;
    }

    private static void delete(Path scratch) {
        if (scratch == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(scratch)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            logger.debug("Cannot remove the probe's folder {}: {}", scratch, e.getMessage());
        }
    }
}
