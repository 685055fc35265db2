package org.beholder.web;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;

import org.beholder.engine.ChannelListener;
import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.NvrEngine;
import org.beholder.engine.Recording;
import org.beholder.engine.Redaction;
import org.beholder.web.internal.api.ApiServlet;
import org.beholder.web.internal.api.Views;
import org.beholder.web.internal.http.OriginPolicy;
import org.beholder.web.internal.live.LiveStreamServlet;
import org.beholder.web.internal.live.LiveStreamSocket;
import org.beholder.web.internal.page.PageServlet;

/**
 * Everything a host mounts to show Beholder on the web. A host creates one, calls {@link #watch} for every channel
 * it adds to the engine, and mounts {@link #pageServlet()} at {@code /beholder/*}, {@link #apiServlet()} at
 * {@code /beholder/api/*} and the live stream ({@link #liveStreamServlet()}) at {@code /beholder/live}, where the
 * page looks for it. {@code /ws/beholder} is the same stream for scripts: the live servlet again on a plain Jetty,
 * {@link #createLiveSocket} from openHAB's WebSocketAdapter (openHAB authenticates that path with its tokens).
 * <p>
 * Every servlet refuses state-changing requests and live sockets from a foreign web origin; the host may name
 * further origins with {@link #allowOrigins} (e.g. the public address of a reverse proxy that rewrites Host).
 */
public final class BeholderWeb {
    private final NvrEngine engine;
    private final AccessGuard guard;
    private final EventJournal journal;
    private final OriginPolicy origins = new OriginPolicy();
    private final Map<String, ChannelListener> watchers = new ConcurrentHashMap<>();

    public BeholderWeb(NvrEngine engine, AccessGuard guard, EventJournal journal) {
        this.engine = engine;
        this.guard = guard;
        this.journal = journal;
    }

    /**
     * Origins besides the server's own that may POST and open live sockets, as {@code scheme://host[:port]}
     * (e.g. {@code https://nvr.example.com}); replaces the previous list, applies to servlets already mounted.
     *
     * @throws IllegalArgumentException naming an entry that is not an origin
     */
    public void allowOrigins(Collection<String> allowedOrigins) {
        origins.allow(allowedOrigins);
    }

    /**
     * Why a WebSocket upgrade or state-changing request must be refused because of its Origin header (the host
     * answers 403), or empty when it may go on: for hosts that accept such requests outside Beholder's servlets,
     * like openHAB's {@code /ws/beholder} adapter before it calls {@link #createLiveSocket}.
     */
    public Optional<String> crossSiteRefusal(HttpServletRequest request) {
        return origins.refusal(request);
    }

    public HttpServlet apiServlet() {
        return new ApiServlet(engine, guard, journal, origins);
    }

    /** The page, its embed view and its scripts: mount at {@code /beholder/*}. */
    public HttpServlet pageServlet() {
        return new PageServlet(guard, origins);
    }

    public HttpServlet liveStreamServlet() {
        return new LiveStreamServlet(engine, guard, origins);
    }

    /**
     * A live socket for an already authenticated viewer whose Origin was checked ({@link #crossSiteRefusal}), or
     * empty when the channel does not exist.
     */
    public Optional<Object> createLiveSocket(String channelId, String viewer) {
        return engine.channel(channelId).map(channel -> new LiveStreamSocket(channel, viewer));
    }

    public EventJournal journal() {
        return journal;
    }

    /** Turns a channel's recordings, status and statistics into events for the event list and live pages. */
    public void watch(NvrChannel channel) {
        ChannelListener listener = new ChannelListener() {
            @Override
            public void recordingStarted(NvrChannel c, Recording recording) {
                journal.record(recordingEvent(recording, "started"));
            }

            @Override
            public void recordingStopped(NvrChannel c, Recording recording) {
                journal.record(recordingEvent(recording, "stopped"));
            }

            @Override
            public void statusChanged(NvrChannel c, ChannelStatus status) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("state", status.state().name());
                String password = c.config().password();
                details.put("message", Redaction.redact(status.message(), password));
                if (status.warning() != null) {
                    details.put("warning", Redaction.redact(status.warning(), password));
                }
                details.put("recording", c.isRecording());
                String paused = Views.recordingPaused(c);
                if (paused != null) { // absent when recording is not paused, like the warning
                    details.put("recordingPaused", paused);
                }
                journal.push(new NvrEvent("status", c.id(), status.since(), details));
            }

            @Override
            public void statisticsUpdated(NvrChannel c, ChannelStatistics statistics) {
                journal.push(new NvrEvent("statistics", c.id(), Instant.now(), Map.of("fps", statistics.fps(),
                        "bitrateBps", statistics.bitrateBps(), "width", statistics.width(), "height",
                        statistics.height(), "viewerSkips", statistics.viewerSkips())));
            }
        };
        ChannelListener previous = watchers.put(channel.id(), listener);
        if (previous != null) {
            channel.removeListener(previous);
        }
        channel.addListener(listener);
    }

    public void unwatch(NvrChannel channel) {
        ChannelListener listener = watchers.remove(channel.id());
        if (listener != null) {
            channel.removeListener(listener);
        }
    }

    private static NvrEvent recordingEvent(Recording recording, String phase) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", recording.id());
        details.put("phase", phase);
        details.put("reasons", recording.reasons());
        details.put("playlistUrl", Views.recordingBase(recording) + "/index.m3u8");
        return new NvrEvent("recording", recording.channelId(), phase.equals("started") ? recording.start()
                : recording.end() == null ? Instant.now() : recording.end(), details);
    }
}
