package org.beholder.engine.internal.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.beholder.engine.I420;
import org.beholder.engine.Keyframe;

/**
 * A decoded keyframe. The grey picture for analytics is an area average of the luma plane (no GStreamer scaler,
 * no colour conversion); the JPEG is made only when somebody asks for a snapshot.
 */
public final class DecodedKeyframe implements Keyframe {
    private static final float JPEG_QUALITY = 0.85f;

    private final Instant time;
    private final int width;
    private final int height;
    private final byte[] i420;
    private final int grayWidth;
    private final int grayHeight;
    private final byte[] gray;
    private volatile byte[] jpeg;

    public DecodedKeyframe(Instant time, int width, int height, byte[] i420, int analyticsWidth) {
        this.time = time;
        this.width = width;
        this.height = height;
        this.i420 = i420;
        this.grayWidth = Math.min(analyticsWidth, width);
        this.grayHeight = Math.max(1, Math.round((float) height * grayWidth / width));
        this.gray = downscaleLuma(i420, width, height, grayWidth, grayHeight);
    }

    /** Box filter over the Y plane: each output pixel averages the source pixels it covers. */
    static byte[] downscaleLuma(byte[] y, int width, int height, int outWidth, int outHeight) {
        byte[] out = new byte[outWidth * outHeight];
        for (int oy = 0; oy < outHeight; oy++) {
            int y0 = oy * height / outHeight;
            int y1 = Math.max(y0 + 1, (oy + 1) * height / outHeight);
            for (int ox = 0; ox < outWidth; ox++) {
                int x0 = ox * width / outWidth;
                int x1 = Math.max(x0 + 1, (ox + 1) * width / outWidth);
                int sum = 0;
                for (int sy = y0; sy < y1; sy++) {
                    int row = sy * width;
                    for (int sx = x0; sx < x1; sx++) {
                        sum += y[row + sx] & 0xFF;
                    }
                }
                out[oy * outWidth + ox] = (byte) (sum / ((y1 - y0) * (x1 - x0)));
            }
        }
        return out;
    }

    @Override
    public Instant time() {
        return time;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public int height() {
        return height;
    }

    @Override
    public int grayWidth() {
        return grayWidth;
    }

    @Override
    public int grayHeight() {
        return grayHeight;
    }

    @Override
    public byte[] gray() {
        return gray;
    }

    @Override
    public byte[] i420() {
        return i420;
    }

    @Override
    public byte[] jpeg() {
        byte[] encoded = jpeg;
        if (encoded == null) {
            encoded = encodeJpeg();
            jpeg = encoded;
        }
        return encoded;
    }

    private byte[] encodeJpeg() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int[] rgb = I420.toRgb(i420, width, height);
        image.setRGB(0, 0, width, height, rgb, 0, width);
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(width * height / 4);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
