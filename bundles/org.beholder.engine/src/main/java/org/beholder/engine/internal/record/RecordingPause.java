package org.beholder.engine.internal.record;

import java.io.IOException;
import java.util.Optional;

/**
 * Why a channel's recording is paused, and when the recorder may try again. Attempts back off from 1 s, doubling
 * to 30 s: a full disk is checked often enough to resume soon after space returns, but a recorder that keeps
 * failing does not try (and create and remove a folder) at every keyframe. Written by the recorder's writer
 * thread; the reason may be read by any thread.
 */
final class RecordingPause {
    static final long FIRST_RETRY_MILLIS = 1_000;
    static final long MAX_RETRY_MILLIS = 30_000;

    private volatile String reason;
    private long retryDelayMillis;
    private long retryAtMillis;

    /**
     * Pauses, or stays paused after a failed attempt, with this reason; the next attempt waits twice as long as
     * the previous one. Returns true when the reason changed (so the channel's warning must change).
     */
    boolean pause(String newReason, long nowMillis) {
        retryDelayMillis = reason == null ? FIRST_RETRY_MILLIS : Math.min(MAX_RETRY_MILLIS, retryDelayMillis * 2);
        retryAtMillis = nowMillis + retryDelayMillis;
        boolean changed = !newReason.equals(reason);
        reason = newReason;
        return changed;
    }

    /** Not paused, or paused and the back-off has passed. */
    boolean mayTry(long nowMillis) {
        return reason == null || nowMillis >= retryAtMillis;
    }

    /** Ends the pause; returns true if there was one. */
    boolean resume() {
        boolean wasPaused = reason != null;
        reason = null;
        retryDelayMillis = 0;
        return wasPaused;
    }

    boolean isPaused() {
        return reason != null;
    }

    Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The delay before the next attempt, for messages and tests. */
    long retryDelayMillis() {
        return retryDelayMillis;
    }

    /** "disk full (12 MiB free, 512 MiB required)". */
    static String diskFullReason(long freeBytes, long requiredBytes) {
        return "disk full (" + mebibytes(freeBytes) + " MiB free, " + mebibytes(requiredBytes) + " MiB required)";
    }

    /** Why a write failed, in the channel's words: a full disk says so. */
    static String failureReason(IOException e, long freeBytes) {
        if (isDiskFull(e)) {
            return "disk full (" + mebibytes(freeBytes) + " MiB free: no space left on device)";
        }
        return "cannot write recordings (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    }

    static boolean isDiskFull(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("No space left on device") || message.contains("Disk quota exceeded");
    }

    private static long mebibytes(long bytes) {
        return bytes / (1L << 20);
    }
}
