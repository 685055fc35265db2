package org.beholder.engine.internal.record;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Writes {@code index.m3u8} (HLS version 3 with program date-times) atomically: temporary file, then rename. */
final class Playlist {
    static final String FILE = "index.m3u8";

    private Playlist() {
    }

    static void write(Path folder, List<SegmentEntry> segments, boolean ended) throws IOException {
        double longest = 1;
        for (SegmentEntry segment : segments) {
            longest = Math.max(longest, segment.seconds());
        }
        StringBuilder text = new StringBuilder(256 + segments.size() * 96);
        text.append("#EXTM3U\n#EXT-X-VERSION:3\n");
        text.append("#EXT-X-TARGETDURATION:").append((long) Math.ceil(longest)).append('\n');
        text.append("#EXT-X-MEDIA-SEQUENCE:0\n");
        text.append("#EXT-X-PLAYLIST-TYPE:").append(ended ? "VOD" : "EVENT").append('\n');
        for (SegmentEntry segment : segments) {
            if (segment.discontinuity()) {
                text.append("#EXT-X-DISCONTINUITY\n");
            }
            text.append("#EXT-X-PROGRAM-DATE-TIME:").append(Instant.ofEpochMilli(segment.wallClockMillis()))
                    .append('\n');
            text.append(String.format(Locale.ROOT, "#EXTINF:%.3f,%n", segment.seconds()));
            text.append(segment.file()).append('\n');
        }
        if (ended) {
            text.append("#EXT-X-ENDLIST\n");
        }
        AtomicFiles.write(folder.resolve(FILE), text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static boolean isEnded(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        return Files.exists(file) && Files.readString(file).contains("#EXT-X-ENDLIST");
    }
}
