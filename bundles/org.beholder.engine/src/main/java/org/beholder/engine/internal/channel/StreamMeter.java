package org.beholder.engine.internal.channel;

/**
 * Counts what passes through a channel. {@link #accessUnit} runs on the streaming thread (plain field writes,
 * published through volatile); {@link #sample} runs on the control thread every few seconds.
 */
final class StreamMeter {
    private volatile long bytes;
    private volatile long frames;
    private volatile int gopFrames;
    private int framesSinceKeyframe;
    private boolean sawKeyframe;

    private long sampledBytes;
    private long sampledFrames;
    private long sampledAtNanos = System.nanoTime();
    private volatile long bitrate;
    private volatile double fps;

    void accessUnit(int size, boolean keyframe) {
        if (keyframe) {
            if (sawKeyframe) {
                gopFrames = framesSinceKeyframe;
            }
            sawKeyframe = true;
            framesSinceKeyframe = 0;
        }
        framesSinceKeyframe++;
        bytes += size;
        frames++;
    }

    void sample() {
        long now = System.nanoTime();
        double seconds = (now - sampledAtNanos) / 1e9;
        if (seconds <= 0) {
            return;
        }
        long currentBytes = bytes;
        long currentFrames = frames;
        bitrate = (long) ((currentBytes - sampledBytes) * 8 / seconds);
        fps = (currentFrames - sampledFrames) / seconds;
        sampledBytes = currentBytes;
        sampledFrames = currentFrames;
        sampledAtNanos = now;
    }

    long bitrate() {
        return bitrate;
    }

    double fps() {
        return fps;
    }

    int gopFrames() {
        return gopFrames;
    }
}
