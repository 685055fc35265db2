package org.beholder.engine;

/** The decoded picture format of keyframes: planar YUV 4:2:0, BT.601 limited range, as GStreamer's decoders give. */
public final class I420 {
    private I420() {
    }

    /** One 0xRRGGBB int per pixel, row by row. */
    public static int[] toRgb(byte[] i420, int width, int height) {
        int[] rgb = new int[width * height];
        int chromaWidth = (width + 1) / 2;
        int uPlane = width * height;
        int vPlane = uPlane + chromaWidth * ((height + 1) / 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int c = (i420[y * width + x] & 0xFF) - 16;
                int chroma = (y / 2) * chromaWidth + x / 2;
                int d = (i420[uPlane + chroma] & 0xFF) - 128;
                int e = (i420[vPlane + chroma] & 0xFF) - 128;
                int r = clamp((298 * c + 409 * e + 128) >> 8);
                int g = clamp((298 * c - 100 * d - 208 * e + 128) >> 8);
                int b = clamp((298 * c + 516 * d + 128) >> 8);
                rgb[y * width + x] = (r << 16) | (g << 8) | b;
            }
        }
        return rgb;
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(255, value);
    }
}
