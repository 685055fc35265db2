package org.beholder.detect.tf;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

import javax.imageio.ImageIO;

import org.beholder.engine.Keyframe;

/** A test picture as a decoded keyframe: converted to I420 (BT.601, limited range) like a camera frame. */
record PictureKeyframe(int width, int height, byte[] i420) implements Keyframe {

    static PictureKeyframe read(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        int width = image.getWidth() & ~1;
        int height = image.getHeight() & ~1;
        byte[] i420 = new byte[width * height * 3 / 2];
        int uPlane = width * height;
        int vPlane = uPlane + width * height / 4;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                i420[y * width + x] = (byte) (((66 * r + 129 * g + 25 * b + 128) >> 8) + 16);
                if (y % 2 == 0 && x % 2 == 0) {
                    int chroma = (y / 2) * (width / 2) + x / 2;
                    i420[uPlane + chroma] = (byte) (((-38 * r - 74 * g + 112 * b + 128) >> 8) + 128);
                    i420[vPlane + chroma] = (byte) (((112 * r - 94 * g - 18 * b + 128) >> 8) + 128);
                }
            }
        }
        return new PictureKeyframe(width, height, i420);
    }

    @Override
    public Instant time() {
        return Instant.EPOCH;
    }

    @Override
    public int grayWidth() {
        return width;
    }

    @Override
    public int grayHeight() {
        return height;
    }

    @Override
    public byte[] gray() {
        return i420;
    }

    @Override
    public byte[] jpeg() {
        throw new UnsupportedOperationException();
    }
}
