package org.beholder.engine.internal.record;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.beholder.engine.TsChunk;

/**
 * Writes one recording as HLS. Segments start on keyframes (which carry PAT/PMT), are cut at the first keyframe
 * after {@code segmentTarget}, are written as {@code NNNNN-<epochMillis>.ts.part} and renamed when complete; the
 * playlist is rewritten atomically after every segment. A crash therefore leaves complete segments, at most one
 * {@code .part}, and a valid playlist of the complete ones ({@link RecordingRepair} finishes the job).
 * Not thread-safe: one writer thread per channel.
 */
final class HlsRecordingWriter {
    static final String PART_SUFFIX = ".part";
    /**
     * Space held back while the recording is open, released to close it when the disk fills up: the final
     * playlist and metadata need a few blocks of their own, and a full disk has none.
     */
    static final String RESERVE_FILE = ".reserve";
    static final int RESERVE_BYTES = 256 * 1024;
    /**
     * The segment's buffer is handed to the OS at least this often (by the frames' wall clock): a process killed
     * with SIGKILL loses what is still in the Java buffer, never what the OS has, so a crash costs at most about
     * this much video. No fsync: see docs/design/crash-consistency.md.
     */
    static final long FLUSH_EVERY_MILLIS = 500;
    private static final long MAX_PTS_GAP_NANOS = Duration.ofSeconds(5).toNanos();

    private final Path folder;
    private final RecordingMeta meta;
    private final long segmentTargetNanos;
    private final List<SegmentEntry> segments = new ArrayList<>();
    private OutputStream out;
    private Path partFile;
    private String segmentName;
    private long segmentStartPts;
    private long segmentStartWall;
    private boolean segmentDiscontinuity;
    private long lastPts = Long.MIN_VALUE;
    private long frameNanos = 66_666_667;
    private long lastWall;
    private long flushedAtWall;
    private long bytes;

    /**
     * Creates the recording's folder with its metadata, an empty playlist and the space reserve. If any of that
     * cannot be written (a full disk) the half-made folder is removed and the exception thrown: a folder exists
     * only for a recording whose metadata could be written.
     */
    HlsRecordingWriter(Path folder, RecordingMeta meta, Duration segmentTarget) throws IOException {
        this.folder = folder;
        this.meta = meta;
        this.segmentTargetNanos = segmentTarget.toNanos();
        boolean created = !Files.exists(folder);
        try {
            Files.createDirectories(folder);
            AtomicFiles.write(folder.resolve(RESERVE_FILE), new byte[RESERVE_BYTES]);
            meta.save(folder);
            Playlist.write(folder, segments, false);
        } catch (IOException e) {
            if (created) {
                RecordingStore.deleteFolder(folder);
            }
            throw e;
        }
    }

    void write(TsChunk chunk) throws IOException {
        long pts = chunk.timeNanos();
        boolean jumped = lastPts != Long.MIN_VALUE && (pts < lastPts || pts - lastPts > MAX_PTS_GAP_NANOS);
        if (out == null) {
            if (!chunk.keyframe()) {
                return; // a segment must start on a keyframe
            }
            openSegment(chunk, !segments.isEmpty());
        } else if (jumped) {
            closeSegment(lastPts + frameNanos);
            if (!chunk.keyframe()) {
                lastPts = Long.MIN_VALUE;
                return;
            }
            openSegment(chunk, true);
        } else if (chunk.keyframe() && pts - segmentStartPts >= segmentTargetNanos) {
            closeSegment(pts);
            openSegment(chunk, false);
        }
        out.write(chunk.data());
        bytes += chunk.data().length;
        if (chunk.wallClockMillis() - flushedAtWall >= FLUSH_EVERY_MILLIS) {
            out.flush();
            flushedAtWall = chunk.wallClockMillis();
        }
        if (lastPts != Long.MIN_VALUE && pts > lastPts) {
            frameNanos = pts - lastPts;
        }
        lastPts = pts;
        lastWall = chunk.wallClockMillis();
    }

    private void openSegment(TsChunk chunk, boolean discontinuity) throws IOException {
        segmentName = String.format("%05d-%d.ts", segments.size(), chunk.wallClockMillis());
        partFile = folder.resolve(segmentName + PART_SUFFIX);
        out = new BufferedOutputStream(Files.newOutputStream(partFile), 64 * 1024);
        segmentStartPts = chunk.timeNanos();
        segmentStartWall = chunk.wallClockMillis();
        flushedAtWall = segmentStartWall;
        segmentDiscontinuity = discontinuity;
    }

    private void closeSegment(long endPts) throws IOException {
        out.close();
        out = null;
        Files.move(partFile, folder.resolve(segmentName), StandardCopyOption.ATOMIC_MOVE);
        double seconds = Math.max(0.001, (endPts - segmentStartPts) / 1e9);
        segments.add(new SegmentEntry(segmentName, seconds, segmentStartWall, segmentDiscontinuity));
        Playlist.write(folder, segments, false);
    }

    /** Hands what is buffered to the OS (e.g. after the pre-roll, written in one burst). */
    void flush() throws IOException {
        if (out != null) {
            out.flush();
            flushedAtWall = lastWall;
        }
    }

    /** Ends the recording: last segment closed, playlist with ENDLIST, end time in the metadata. */
    void finish() throws IOException {
        if (out != null) {
            closeSegment(lastPts + frameNanos);
        }
        Files.deleteIfExists(folder.resolve(RESERVE_FILE));
        writeEnd();
    }

    private void writeEnd() throws IOException {
        meta.end = lastWall > 0 ? Instant.ofEpochMilli(lastWall) : meta.start;
        meta.save(folder);
        Playlist.write(folder, segments, true);
    }

    /**
     * After a write error (typically a full disk): keeps every complete segment and the whole packets of the one
     * in progress, and closes the recording (ENDLIST, end time) in the space the reserve held. If even that is
     * not enough, the partial segment is given up to make room. Returns false if the recording could not be
     * closed (start-up repair will then close it).
     */
    boolean closeAfterFailure() {
        Path salvaged = null;
        if (out != null) {
            try {
                out.close(); // flushing may fail again; the file is closed regardless
            } catch (IOException e) {
                // what did not reach the disk is lost
            }
            out = null;
            try {
                salvaged = RecordingRepair.salvagePart(partFile);
                if (salvaged != null) {
                    segments.add(new SegmentEntry(segmentName, RecordingRepair.secondsOf(salvaged), segmentStartWall,
                            segmentDiscontinuity));
                }
            } catch (IOException e) {
                salvaged = null;
            }
        }
        try {
            Files.deleteIfExists(folder.resolve(RESERVE_FILE));
            writeEnd();
            return true;
        } catch (IOException e) {
            if (salvaged == null) {
                return false;
            }
        }
        try {
            Files.deleteIfExists(salvaged);
            segments.remove(segments.size() - 1);
            writeEnd();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    long bytes() {
        return bytes;
    }

    Path folder() {
        return folder;
    }

    RecordingMeta meta() {
        return meta;
    }
}
