package org.beholder.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

import org.beholder.engine.ChannelConfig;
import org.beholder.engine.ChannelListener;
import org.beholder.engine.ChannelStatistics;
import org.beholder.engine.ChannelStatus;
import org.beholder.engine.Keyframe;
import org.beholder.engine.NvrChannel;
import org.beholder.engine.Recording;
import org.beholder.engine.TsChunk;
import org.beholder.engine.TsSubscription;

/** Synthetic keyframes (grey = luma at full size) and a channel that remembers any recording request. */
final class Frames {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;

    private Frames() {
    }

    record Picture(Instant time, byte[] gray) implements Keyframe {
        @Override
        public int width() {
            return WIDTH;
        }

        @Override
        public int height() {
            return HEIGHT;
        }

        @Override
        public int grayWidth() {
            return WIDTH;
        }

        @Override
        public int grayHeight() {
            return HEIGHT;
        }

        @Override
        public byte[] i420() {
            return gray; // analytics read only the luma plane at the start
        }

        @Override
        public byte[] jpeg() {
            throw new UnsupportedOperationException();
        }
    }

    static byte[] filled(int value) {
        byte[] gray = new byte[WIDTH * HEIGHT];
        java.util.Arrays.fill(gray, (byte) value);
        return gray;
    }

    static byte[] block(int background, int left, int top, int size, int value) {
        byte[] gray = filled(background);
        for (int y = top; y < top + size; y++) {
            for (int x = left; x < left + size; x++) {
                gray[y * WIDTH + x] = (byte) value;
            }
        }
        return gray;
    }

    static byte[] noise(int mean, int amplitude, Random random) {
        byte[] gray = new byte[WIDTH * HEIGHT];
        for (int i = 0; i < gray.length; i++) {
            gray[i] = (byte) Math.max(0, Math.min(255, mean + random.nextInt(2 * amplitude + 1) - amplitude));
        }
        return gray;
    }

    /** A channel stand-in: analytics read its id; a record() call (which analytics must not make) is logged. */
    static final class TriggerLog implements NvrChannel {
        final List<String> triggers = new ArrayList<>();
        private final ChannelConfig config = ChannelConfig.builder("cam", "test:").build();

        @Override
        public String id() {
            return "cam";
        }

        @Override
        public ChannelConfig config() {
            return config;
        }

        @Override
        public void record(String reason, Duration hold) {
            triggers.add(reason);
        }

        @Override
        public ChannelStatus status() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChannelStatistics statistics() {
            throw new UnsupportedOperationException();
        }

        @Override
        public TsSubscription subscribe(String viewerName, Consumer<TsChunk> sink) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Keyframe> lastKeyframe() {
            return Optional.empty();
        }

        @Override
        public void stopRecording() {
        }

        @Override
        public boolean isRecording() {
            return false;
        }

        @Override
        public Optional<String> recordingPaused() {
            return Optional.empty();
        }

        @Override
        public List<Recording> recordings(Instant from, Instant to) {
            return List.of();
        }

        @Override
        public Optional<Recording> recording(String id) {
            return Optional.empty();
        }

        @Override
        public void addListener(ChannelListener listener) {
        }

        @Override
        public void removeListener(ChannelListener listener) {
        }
    }
}
