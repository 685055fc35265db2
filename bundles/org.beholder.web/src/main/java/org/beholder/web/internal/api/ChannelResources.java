package org.beholder.web.internal.api;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.Keyframe;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.NvrEngine;
import org.beholder.core.Beholder;
import org.beholder.core.PausedReason;
import org.beholder.core.events.EventJournal;

/** Channels, snapshots and manual recording. */
final class ChannelResources {
    static final int MAX_RECORD_SECONDS = 3600;

    private final Beholder beholder;
    private final EventJournal journal;

    ChannelResources(Beholder beholder) {
        this.beholder = beholder;
        this.journal = beholder.journal();
    }

    void list(NvrEngine engine, HttpServletResponse response) throws IOException {
        List<Views.ChannelView> views = engine.channels().stream()
                .map(c -> Views.channel(c, beholder.camera(c.id()), journal.last(c.id()))).toList();
        ApiServlet.sendJson(response, 200, views);
    }

    void one(NvrChannel channel, HttpServletResponse response) throws IOException {
        ApiServlet.sendJson(response, 200, Views.channel(channel, beholder.camera(channel.id()),
                journal.last(channel.id())));
    }

    void snapshot(NvrChannel channel, HttpServletResponse response) throws IOException {
        Keyframe keyframe = channel.lastKeyframe().orElse(null);
        if (keyframe == null) {
            response.setHeader("Retry-After", "2");
            throw new ApiError(503, "no picture yet: the channel has not delivered a keyframe");
        }
        byte[] jpeg = keyframe.jpeg();
        response.setContentType("image/jpeg");
        response.setContentLength(jpeg.length);
        response.setDateHeader("Last-Modified", keyframe.time().toEpochMilli());
        response.getOutputStream().write(jpeg);
    }

    void record(NvrChannel channel, HttpServletRequest request, HttpServletResponse response) throws IOException {
        int seconds = (int) channel.config().postRoll().toSeconds();
        String value = request.getParameter("seconds");
        if (value != null) {
            try {
                seconds = Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("seconds must be a whole number");
            }
            if (seconds < 1 || seconds > MAX_RECORD_SECONDS) {
                throw ApiError.badRequest("seconds must be 1.." + MAX_RECORD_SECONDS);
            }
        }
        channel.record("manual", Duration.ofSeconds(seconds));
        String paused = PausedReason.of(channel);
        if (paused != null) {
            // The engine keeps the trigger and resumes on its own when space is freed; the caller must know that
            // nothing is being written now. 503: the condition is temporary (retention runs every minute).
            response.setHeader("Retry-After", "60");
            throw new ApiError(503, "recording paused: " + paused,
                    Map.of("channel", channel.id(), "recording", false, "recordingPaused", paused));
        }
        ApiServlet.sendJson(response, 202, Map.of("channel", channel.id(), "recording", true, "seconds", seconds));
    }

    void stopRecording(NvrChannel channel, HttpServletResponse response) throws IOException {
        channel.stopRecording();
        ApiServlet.sendJson(response, 202, Map.of("channel", channel.id(), "recording", false));
    }
}
