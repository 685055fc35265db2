package org.beholder.web.internal.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.NvrChannel;
import org.beholder.web.internal.live.LiveHlsWindow;

/** {@code live.m3u8} and {@code live-N.ts} of a channel: the HLS fallback for browsers without MSE. */
final class LiveHlsResources {
    static final Pattern SEGMENT = Pattern.compile("live-(\\d{1,18})\\.ts");

    private final Map<String, LiveHlsWindow> windows = new ConcurrentHashMap<>();

    void playlist(NvrChannel channel, HttpServletResponse response) throws IOException {
        LiveHlsWindow window = windows.computeIfAbsent(channel.id(), id -> new LiveHlsWindow(channel));
        window.touch();
        String playlist = window.playlist();
        if (playlist == null) {
            response.setHeader("Retry-After", "1");
            throw new ApiError(503, "live playlist starting: try again in a second");
        }
        byte[] bytes = playlist.getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/vnd.apple.mpegurl");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    void segment(NvrChannel channel, String name, HttpServletResponse response) throws IOException {
        Matcher matcher = SEGMENT.matcher(name);
        LiveHlsWindow window = windows.get(channel.id());
        byte[] data = matcher.matches() && window != null ? window.segment(Long.parseLong(matcher.group(1))) : null;
        if (data == null) {
            throw ApiError.notFound("live segment");
        }
        window.touch();
        response.setContentType("video/mp2t");
        response.setContentLength(data.length);
        response.getOutputStream().write(data);
    }

    /** Lets go of channels nobody has asked for lately. */
    void sweep() {
        windows.values().removeIf(LiveHlsWindow::idle);
    }
}
