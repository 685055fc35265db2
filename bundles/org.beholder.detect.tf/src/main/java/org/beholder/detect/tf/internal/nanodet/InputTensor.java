package org.beholder.detect.tf.internal.nanodet;

import org.beholder.engine.I420;

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
        int[] rgb = I420.toRgb(i420, width, height);
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
}
