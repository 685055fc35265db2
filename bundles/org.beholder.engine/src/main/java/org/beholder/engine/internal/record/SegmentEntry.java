package org.beholder.engine.internal.record;

/** One segment line of an HLS playlist. */
record SegmentEntry(String file, double seconds, long wallClockMillis, boolean discontinuity) {
}
