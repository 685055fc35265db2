package org.beholder.engine.internal.ts;

/** Field access for one 188-byte MPEG-TS packet inside a larger array (ISO/IEC 13818-1, 2.4.3). */
public final class TsPacket {
    public static final int SIZE = 188;
    public static final int SYNC_BYTE = 0x47;
    public static final int PAT_PID = 0;
    public static final int NULL_PID = 0x1FFF;

    private TsPacket() {
    }

    public static boolean hasSync(byte[] data, int offset) {
        return (data[offset] & 0xFF) == SYNC_BYTE;
    }

    public static int pid(byte[] data, int offset) {
        return ((data[offset + 1] & 0x1F) << 8) | (data[offset + 2] & 0xFF);
    }

    public static boolean payloadUnitStart(byte[] data, int offset) {
        return (data[offset + 1] & 0x40) != 0;
    }

    public static int continuityCounter(byte[] data, int offset) {
        return data[offset + 3] & 0x0F;
    }

    public static boolean hasAdaptationField(byte[] data, int offset) {
        return (data[offset + 3] & 0x20) != 0;
    }

    public static boolean hasPayload(byte[] data, int offset) {
        return (data[offset + 3] & 0x10) != 0;
    }

    /** Offset of the first payload byte, or -1 when the packet has none. */
    public static int payloadOffset(byte[] data, int offset) {
        if (!hasPayload(data, offset)) {
            return -1;
        }
        int start = offset + 4;
        if (hasAdaptationField(data, offset)) {
            start += 1 + (data[offset + 4] & 0xFF);
        }
        return start < offset + SIZE ? start : -1;
    }
}
