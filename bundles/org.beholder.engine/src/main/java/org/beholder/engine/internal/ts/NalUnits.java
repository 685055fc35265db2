package org.beholder.engine.internal.ts;

/** Scans Annex-B byte streams (start codes 00 00 01) for keyframe NAL units. */
public final class NalUnits {
    private static final int H264_IDR = 5;
    private static final int H265_IRAP_FIRST = 16;
    private static final int H265_IRAP_LAST = 23;

    private NalUnits() {
    }

    /** True if any NAL unit in {@code data[from, to)} is an H.264 IDR slice or an H.265 IRAP picture. */
    public static boolean containsKeyframe(byte[] data, int from, int to, boolean h265) {
        for (int i = from; i + 3 < to; i++) {
            if (data[i] == 0 && data[i + 1] == 0 && data[i + 2] == 1) {
                int header = data[i + 3] & 0xFF;
                if (h265) {
                    int type = (header >> 1) & 0x3F;
                    if (type >= H265_IRAP_FIRST && type <= H265_IRAP_LAST) {
                        return true;
                    }
                } else if ((header & 0x1F) == H264_IDR) {
                    return true;
                }
                i += 2;
            }
        }
        return false;
    }
}
