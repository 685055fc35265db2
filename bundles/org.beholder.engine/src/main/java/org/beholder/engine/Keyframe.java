package org.beholder.engine;

import java.time.Instant;

/**
 * A decoded keyframe from the channel's keyframe tap: a small grey picture for analytics and the full picture
 * (I420) from which a snapshot JPEG is made on demand. Arrays are shared and must not be modified.
 */
public interface Keyframe {

    Instant time();

    /** Width of the full picture. */
    int width();

    /** Height of the full picture. */
    int height();

    /** Width of {@link #gray()}. */
    int grayWidth();

    /** Height of {@link #gray()}. */
    int grayHeight();

    /** GRAY8, one byte per pixel, row by row, {@code grayWidth * grayHeight} bytes. */
    byte[] gray();

    /** The full picture as planar I420 (Y, then U and V at half resolution). */
    byte[] i420();

    /** The full picture as JPEG; encoded on first call, then cached. */
    byte[] jpeg();
}
