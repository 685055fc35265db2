package org.beholder.engine;

/**
 * One access unit of the live stream as 188-byte-aligned MPEG-TS. A keyframe chunk always begins with PAT and
 * PMT, so a reader can start at any keyframe. The array is shared between consumers and must not be modified.
 *
 * @param data      whole TS packets
 * @param keyframe  true when the chunk starts with a keyframe (and PAT/PMT)
 * @param timeNanos  when the access unit plays, in pipeline running time, made monotonic (B-frames, which arrive
 *                  with earlier presentation times, take the time of the unit before them)
 * @param wallClockMillis when the chunk left the muxer, in epoch milliseconds
 */
public record TsChunk(byte[] data, boolean keyframe, long timeNanos, long wallClockMillis) {
}
