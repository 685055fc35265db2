package org.beholder.engine.internal.record;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.beholder.engine.internal.ts.TsInspector;
import org.beholder.engine.internal.ts.TsPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a recording that was left open by a crash: a trailing {@code .part} segment is cut to whole TS packets
 * and kept, the playlist is rebuilt from the segments on disk (durations from their video timestamps, date-times
 * from their names), ENDLIST is added and the end time is written. Nothing already recorded is deleted.
 */
final class RecordingRepair {
    private static final Logger logger = LoggerFactory.getLogger(RecordingRepair.class);

    private RecordingRepair() {
    }

    static void repair(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path part : files.filter(f -> f.toString().endsWith(".ts" + HlsRecordingWriter.PART_SUFFIX))
                    .toList()) {
                salvagePart(part);
            }
        }
        List<Path> segmentFiles;
        try (Stream<Path> files = Files.list(folder)) {
            segmentFiles = files.filter(f -> f.getFileName().toString().endsWith(".ts")).sorted().toList();
        }
        List<SegmentEntry> segments = new ArrayList<>();
        long lastEndMillis = 0;
        for (Path file : segmentFiles) {
            double seconds = secondsOf(file);
            long wall = wallClockOf(file);
            segments.add(new SegmentEntry(file.getFileName().toString(), seconds, wall, false));
            lastEndMillis = wall + (long) (seconds * 1000);
        }
        Files.deleteIfExists(folder.resolve(HlsRecordingWriter.RESERVE_FILE));
        RecordingMeta meta = RecordingMeta.load(folder);
        if (meta.end == null) {
            meta.end = lastEndMillis > 0 ? Instant.ofEpochMilli(lastEndMillis) : meta.start;
            meta.save(folder);
        }
        Playlist.write(folder, segments, true);
        logger.info("Repaired recording {} ({} segments)", folder, segments.size());
    }

    /** A segment's duration from its video timestamps (at least 1 ms). */
    static double secondsOf(Path segment) throws IOException {
        TsInspector inspector = new TsInspector();
        inspector.accept(Files.readAllBytes(segment));
        inspector.finish();
        long units = Math.max(1, inspector.videoUnits());
        double seconds = inspector.videoPtsSpan90k() / 90_000.0 * units / Math.max(1, units - 1);
        return Math.max(seconds, 0.001);
    }

    /**
     * Cuts a partial segment to whole packets and renames it into place; returns the segment, or null (and
     * deletes the file) if it holds no whole packet.
     */
    static Path salvagePart(Path part) throws IOException {
        long size = Files.size(part);
        long whole = size - size % TsPacket.SIZE;
        if (whole == 0) {
            Files.delete(part);
            return null;
        }
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.WRITE)) {
            channel.truncate(whole);
        }
        String name = part.getFileName().toString();
        Path segment = part.resolveSibling(name.substring(0, name.length() - HlsRecordingWriter.PART_SUFFIX.length()));
        Files.move(part, segment, StandardCopyOption.ATOMIC_MOVE);
        return segment;
    }

    private static long wallClockOf(Path segment) {
        String name = segment.getFileName().toString(); // NNNNN-<epochMillis>.ts
        try {
            return Long.parseLong(name.substring(name.indexOf('-') + 1, name.length() - 3));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
