package org.beholder.web.internal.api;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;

/**
 * Recordings of a channel: the list, one recording, its playlist and segments for playback, and the whole
 * recording as one TS file. A file is served only when its name matches the engine's naming exactly and it
 * resolves inside the folder the recording index knows: user input never becomes a path by itself.
 */
final class RecordingResources {
    private static final Pattern RECORDING_ID = Pattern.compile("\\d{8}T\\d{6}\\.\\d{3}Z");
    private static final Pattern SEGMENT = Pattern.compile("\\d{5}-\\d{1,16}\\.ts");
    private static final String PLAYLIST = "index.m3u8";

    private final InstantSource clock;

    RecordingResources(InstantSource clock) {
        this.clock = clock;
    }

    void handle(NvrChannel channel, List<String> path, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (path.isEmpty()) {
            TimeRange range = TimeRange.of(request, clock);
            ApiServlet.sendJson(response, 200,
                    channel.recordings(range.from(), range.to()).stream().map(Views::recording).toList());
            return;
        }
        String id = path.get(0);
        if (!RECORDING_ID.matcher(id).matches()) {
            throw ApiError.notFound("recording");
        }
        Recording recording = channel.recording(id).orElseThrow(() -> ApiError.notFound("recording"));
        if (path.size() == 1) {
            ApiServlet.sendJson(response, 200, Views.recording(recording));
        } else if (path.size() == 2 && path.get(1).equals("download")) {
            download(channel, recording, response);
        } else if (path.size() == 2) {
            file(recording, path.get(1), response);
        } else {
            throw ApiError.notFound("resource");
        }
    }

    private static void file(Recording recording, String name, HttpServletResponse response) throws IOException {
        boolean playlist = name.equals(PLAYLIST);
        if (!playlist && !SEGMENT.matcher(name).matches()) {
            throw ApiError.notFound("file");
        }
        Path folder = recording.folder().toAbsolutePath().normalize();
        Path file = folder.resolve(name).normalize();
        if (!file.getParent().equals(folder) || !Files.isRegularFile(file)) {
            throw ApiError.notFound("file");
        }
        response.setContentType(playlist ? "application/vnd.apple.mpegurl" : "video/mp2t");
        response.setContentLengthLong(Files.size(file));
        Files.copy(file, response.getOutputStream());
    }

    /** All segments in order as one MPEG-TS file; each segment starts with PAT/PMT, so the result plays. */
    private static void download(NvrChannel channel, Recording recording, HttpServletResponse response)
            throws IOException {
        List<Path> segments;
        try (Stream<Path> files = Files.list(recording.folder())) {
            segments = files.filter(f -> SEGMENT.matcher(f.getFileName().toString()).matches()).sorted().toList();
        }
        long length = 0;
        for (Path segment : segments) {
            length += Files.size(segment);
        }
        response.setContentType("video/mp2t");
        response.setContentLengthLong(length);
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + channel.id() + "-" + recording.id().replace(".", "-") + ".ts\"");
        OutputStream out = response.getOutputStream();
        for (Path segment : segments) {
            Files.copy(segment, out);
        }
    }
}
