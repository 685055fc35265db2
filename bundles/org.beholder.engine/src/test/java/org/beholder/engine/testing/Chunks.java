package org.beholder.engine.testing;

import org.beholder.engine.TsChunk;
import org.beholder.engine.internal.ts.TsPacket;

/** Synthetic TS access units: valid 188-byte packets on one video PID, a keyframe every {@code gop} frames. */
public final class Chunks {
    /** Frames are 66 ms apart on the wall clock and 66.7 ms apart in video time (15 fps). */
    public static final long FRAME_MILLIS = 66;
    private static final long FRAME_NANOS = 66_666_667;
    private static final long START_MILLIS = System.currentTimeMillis();

    private Chunks() {
    }

    /** Frame {@code index} of a stream that began when this class was loaded. */
    public static TsChunk frame(int index, int gop, int packets) {
        return frame(index, gop, packets, START_MILLIS);
    }

    /** Frame {@code index} of a stream whose frame 0 arrived at {@code startMillis} (epoch milliseconds). */
    public static TsChunk frame(int index, int gop, int packets, long startMillis) {
        byte[] data = new byte[packets * TsPacket.SIZE];
        for (int p = 0; p < packets; p++) {
            int at = p * TsPacket.SIZE;
            data[at] = 0x47;
            data[at + 1] = (byte) (p == 0 ? 0x41 : 0x01); // PID 0x100, unit start on the first packet
            data[at + 2] = 0x00;
            data[at + 3] = (byte) (0x10 | ((index * packets + p) & 0x0F));
        }
        return new TsChunk(data, index % gop == 0, index * FRAME_NANOS, startMillis + index * FRAME_MILLIS);
    }
}
