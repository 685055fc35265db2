package org.beholder.engine.testing;

import org.beholder.engine.TsChunk;
import org.beholder.engine.internal.ts.TsPacket;

/** Synthetic TS access units: valid 188-byte packets on one video PID, a keyframe every {@code gop} frames. */
public final class Chunks {
    private static final long FRAME_NANOS = 66_666_667;
    private static final long START_MILLIS = System.currentTimeMillis();

    private Chunks() {
    }

    public static TsChunk frame(int index, int gop, int packets) {
        byte[] data = new byte[packets * TsPacket.SIZE];
        for (int p = 0; p < packets; p++) {
            int at = p * TsPacket.SIZE;
            data[at] = 0x47;
            data[at + 1] = (byte) (p == 0 ? 0x41 : 0x01); // PID 0x100, unit start on the first packet
            data[at + 2] = 0x00;
            data[at + 3] = (byte) (0x10 | ((index * packets + p) & 0x0F));
        }
        return new TsChunk(data, index % gop == 0, index * FRAME_NANOS, START_MILLIS + index * 66L);
    }
}
