package org.beholder.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.beholder.engine.testing.MediaChecks;
import org.beholder.engine.testing.RtspCameraFixture;
import org.beholder.engine.testing.Waits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Streams Beholder cannot record say what is wrong with them, instead of "no video" or "Unhandled error". */
class BrokenStreamTest {
    @TempDir
    Path data;
    private NvrEngine engine;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        engine = new NvrEngine(EngineConfig.of(data.resolve("recordings")));
    }

    @AfterEach
    void stop() {
        engine.close();
    }

    private NvrChannel add(ChannelConfig config) throws Exception {
        NvrChannel channel = engine.add(config);
        channel.addListener(new ChannelListener() {
            @Override
            public void statusChanged(NvrChannel c, ChannelStatus status) {
                messages.add(status.state() + ": " + status.message());
            }
        });
        return channel;
    }

    @Test
    void anMpeg2FileIsAnUnsupportedCodecError() throws Exception {
        Path file = data.resolve("mpeg2.ts");
        // Debian's avenc_mpeg2video refuses every frame rate in GStreamer 1.22 (a libav time base bug): mpeg2enc
        MediaChecks.runToEnd("videotestsrc num-buffers=25 ! video/x-raw,format=I420,width=352,height=288,"
                + "framerate=25/1 ! mpeg2enc format=3 ! mpegvideoparse ! mpegtsmux ! filesink location=\"" + file + "\"",
                new AtomicInteger());
        NvrChannel channel = add(ChannelConfig.builder("mpeg2", file.toUri().toString()).build());
        Waits.until(Duration.ofSeconds(20), () -> channel.status().state() == ChannelState.ERROR,
                () -> channel.status() + " after " + messages);
        assertTrue(channel.status().message().startsWith("Unsupported codec: MPEG-2 video (Beholder records H.264"
                + " and H.265 without re-encoding)"), channel.status().message());
        assertTrue(messages.stream().noneMatch(m -> m.contains("No video")), messages.toString());
    }

    @Test
    void aCameraWhoseStreamIsGarbageGetsAClearMessageNotUnhandledError() throws Exception {
        // The camera claims H.264 but its payload is MPEG-2 video: GStreamer's RTSP server cannot describe it and
        // answers 503, which rtspsrc reports as nothing but "Unhandled error".
        try (RtspCameraFixture camera = RtspCameraFixture.start("--corrupt")) {
            NvrChannel channel = add(ChannelConfig.builder("garbage", camera.url())
                    .stallTimeout(Duration.ofSeconds(5)).build());
            Waits.until(Duration.ofSeconds(30), () -> messages.size() >= 2, () -> channel.status() + " " + messages);
            String message = channel.status().message();
            assertTrue(message.startsWith("The camera at 127.0.0.1:"), message);
            assertTrue(message.contains("refused to play the stream"), message);
            assertFalse(String.join("\n", messages).contains("Unhandled error"), messages.toString());
            assertEquals(List.of(), messages.stream().filter(m -> m.startsWith("ONLINE")).toList(), "never online");
        }
    }
}
