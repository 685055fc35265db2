package org.beholder.detect.tf.internal.nanodet;

/**
 * NanoDet-m's input from a decoded keyframe: the I420 picture converted to RGB, stretched to 416×416 by area
 * averaging, as BGR
 * normalised per channel with the model's mean (103.53, 116.28, 123.675) and std (57.375, 57.12, 58.395), laid out
 * as [1, 3, 416, 416] (channel-major).
 */
public final class InputTensor {
    public static final int SIZE = 416;
    private static final float[] MEAN = { 103.53f, 116.28f, 123.675f };
    private static final float[] STD = { 57.375f, 57.12f, 58.395f };

    private InputTensor() {
    }

    /** Converts to RGB once at full size, then area-averages each output pixel's source rectangle. */
    public static float[] fromI420(byte[] i420, int width, int height) {
        int[] rgb = toRgb(i420, width, height);
        float[] out = new float[3 * SIZE * SIZE];
        int plane = SIZE * SIZE;
        for (int y = 0; y < SIZE; y++) {
            int y0 = y * height / SIZE;
            int y1 = Math.max(y0 + 1, (y + 1) * height / SIZE);
            for (int x = 0; x < SIZE; x++) {
                int x0 = x * width / SIZE;
                int x1 = Math.max(x0 + 1, (x + 1) * width / SIZE);
                long r = 0;
                long g = 0;
                long b = 0;
                for (int sy = y0; sy < y1; sy++) {
                    for (int sx = x0; sx < x1; sx++) {
                        int p = rgb[sy * width + sx];
                        r += p >> 16;
                        g += (p >> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                float n = (y1 - y0) * (x1 - x0);
                int at = y * SIZE + x;
                out[at] = (b / n - MEAN[0]) / STD[0];
                out[plane + at] = (g / n - MEAN[1]) / STD[1];
                out[2 * plane + at] = (r / n - MEAN[2]) / STD[2];
            }
        }
        return out;
    }

    private static int[] toRgb(byte[] i420, int width, int height) {
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
